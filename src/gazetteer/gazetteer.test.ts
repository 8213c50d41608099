import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from './build.ts';
import { loadGazetteer } from './load.ts';
import worldFile from '../../data/world/countries.json';
import type { NameRules } from './types.ts';

const data = (path: string) => readFileSync(new URL(`../../data/gazetteer/${path}`, import.meta.url), 'utf8');

// Three rows in GeoNames cities500 layout (ids, names and coordinates as GeoNames has them).
const cities = [
  ['98182', 'Baghdad', 'Baghdad', 'Bagdad,Bagdád,BGW,بغداد,Багдад', '33.34058', '44.40088', 'P', 'PPLC', 'IQ', '', '07', '', '', '', '7216000', '', '41', 'Asia/Baghdad', '2020-01-01'],
  ['96994', 'Dihok', 'Dihok', 'Dahuk,Dohuk,Duhok,dahuk,دهوك', '36.86709', '42.98845', 'P', 'PPLA', 'IQ', '', '08', '', '', '', '340900', '', '565', 'Asia/Baghdad', '2020-01-01'],
  ['499099', 'Samara', 'Samara', 'Samara,Самара', '53.20007', '50.15', 'P', 'PPLA', 'RU', '', '65', '', '', '', '1163399', '', '137', 'Europe/Samara', '2020-01-01'],
]
  .map((c) => c.join('\t'))
  .join('\n');

const json = buildGazetteer({
  cities,
  countries: data('countries.csv'),
  world: worldFile.countries,
  regions: data('regions.csv'),
  supplement: data('supplement.csv'),
  rules: JSON.parse(data('name-rules.json')) as NameRules,
});
const gazetteer = loadGazetteer(json);

describe('buildGazetteer + loadGazetteer', () => {
  it('looks towns up by any kept spelling and keeps an Arabic native name', () => {
    const [dohuk] = gazetteer.lookup('Duhok');
    expect(dohuk).toMatchObject({ name: 'Dihok', country: 'IQ', origin: 'geonames:96994', kind: 'town', nameNative: 'دهوك' });
    expect(dohuk!.admin1).toBe('Dohuk Governorate');
  });

  it('drops codes and all-lowercase romanisations from the keys', () => {
    expect(gazetteer.lookup('BGW')).toEqual([]);
  });

  it('indexes countries with alternate names and a point inside them', () => {
    const [uk] = gazetteer.lookup('Britain');
    expect(uk).toMatchObject({ kind: 'country', country: 'GB' });
    const [us] = gazetteer.lookup('America');
    expect(us?.country).toBe('US');
    expect(gazetteer.country('IQ')!.lat).toBeGreaterThan(29);
  });

  it('indexes first-level regions and the supplement', () => {
    expect(gazetteer.lookup('Diyala province')[0]).toMatchObject({ kind: 'region', country: 'IQ', origin: 'region:diyala-province' });
    expect(gazetteer.lookup('Saadiya')[0]).toMatchObject({ origin: 'supplement:sadiyah', kind: 'town' });
  });

  it('finds loose spellings, restricted to given countries when asked', () => {
    expect(gazetteer.lookupLoose('Dihuk').map((p) => p.name)).toContain('Dihok');
    expect(gazetteer.lookupLoose('Dihuk', ['RU'])).toEqual([]);
  });

  it('knows capitals', () => {
    expect(gazetteer.capital('IQ')?.name).toBe('Baghdad');
  });

  it('refuses a file built by another format', () => {
    expect(() => loadGazetteer({ ...json, format: 0 })).toThrow(/invalid gazetteer/);
  });
});

describe('data/gazetteer files', () => {
  it('cite a source for every supplement and region row', () => {
    for (const file of ['supplement.csv', 'regions.csv']) {
      const lines = data(file).trim().split('\n').slice(1);
      for (const line of lines) expect(line.split(',').at(-1)!.length, `${file}: ${line}`).toBeGreaterThan(10);
    }
  });
});
