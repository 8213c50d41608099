import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { GAZETTEER_PATH } from '../cli/gazetteer-file.ts';
import { loadGazetteer } from './load.ts';

// `npm run bench` builds the index first.
const text = readFileSync(GAZETTEER_PATH, 'utf8');

describe('gazetteer load', () => {
  bench('JSON.parse + loadGazetteer', () => {
    loadGazetteer(JSON.parse(text));
  }, { iterations: 5 });

  bench('loadGazetteer + first loose lookups in IQ and UA', () => {
    const g = loadGazetteer(JSON.parse(text));
    g.lookupLoose('Irbil', ['IQ']);
    g.lookupLoose('Mariupil', ['UA']);
  }, { iterations: 5 });
});
