import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { bench, describe } from 'vitest';
import { GAZETTEER_PATH } from '../cli/gazetteer-file.ts';
import { loadGazetteer } from './load.ts';

// `npm run bench` builds the index first.
const file = readFileSync(GAZETTEER_PATH);

describe('gazetteer load', () => {
  bench('gunzip + loadGazetteer', () => {
    loadGazetteer(new Uint8Array(gunzipSync(file)));
  }, { iterations: 5 });

  bench('loadGazetteer + first loose lookups in IQ and UA', () => {
    const g = loadGazetteer(new Uint8Array(gunzipSync(file)));
    g.lookupLoose('Irbil', ['IQ']);
    g.lookupLoose('Mariupil', ['UA']);
  }, { iterations: 5 });
});
