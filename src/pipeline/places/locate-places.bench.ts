import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { readGazetteer } from '../../cli/gazetteer-file.ts';
import { locatePlaces } from './locate-places.ts';
import type { Entry } from '../types.ts';

// `npm run bench` builds the index first.
const gazetteer = await readGazetteer();
const entries: Entry[] = ['bbc', 'ibtimes'].flatMap((source) =>
  readFileSync(new URL(`../../../data/stories/iraq-2014-06-13/${source}-2014-06-13.txt`, import.meta.url), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text, i): Entry => ({ id: `${source}-${i + 1}`, source, time: '2014-06-13T12:00:00Z', timeEstimated: true, kind: 'report', text, mentions: [] })),
);

describe('locatePlaces', () => {
  bench('default story (two live blogs, derived theatre)', () => {
    locatePlaces(entries, gazetteer);
  }, { iterations: 10 });
});
