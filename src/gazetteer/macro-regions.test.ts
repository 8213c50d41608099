import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import worldFile from '../../data/world/countries.json';
import macroFile from '../../data/world/regions-macro.json';
import { buildGazetteer, type GazetteerSources, type MacroRegion } from './build.ts';
import { loadGazetteer } from './load.ts';
import type { NameRules } from './types.ts';

const data = (path: string) => readFileSync(new URL(`../../data/gazetteer/${path}`, import.meta.url), 'utf8');
const macroRegions: MacroRegion[] = macroFile.regions;
const sources: GazetteerSources = {
  cities: '',
  countries: data('countries.csv'),
  regions: data('regions.csv'),
  supplement: data('supplement.csv'),
  rules: JSON.parse(data('name-rules.json')) as NameRules,
  world: worldFile.countries,
  macroRegions,
};
const gazetteer = loadGazetteer(buildGazetteer(sources));

describe('continents, macro-regions and seas', () => {
  it('are regions with no country, at their point', () => {
    const [europe] = gazetteer.lookup('Europe');
    expect(europe).toMatchObject({ origin: 'region:europe', name: 'Europe', kind: 'region', country: '', lat: 48.691, lon: 9.1406 });
    expect(gazetteer.lookup('Mideast').map((p) => p.origin)).toEqual(['region:middle-east']);
    expect(gazetteer.lookup('Black Sea').map((p) => p.origin)).toEqual(['region:black-sea']);
  });

  it('put each continent at its GeoNames CONT point, and every row cites its source', () => {
    const continents = macroRegions.filter((r) => r.kind === 'continent');
    expect(continents.map((r) => r.id).sort()).toEqual(['africa', 'antarctica', 'asia', 'europe', 'north-america', 'oceania', 'south-america']);
    for (const r of continents) expect(r.source).toMatch(/^GeoNames CONT feature 62551(?:4[6-9]|5[0-2]) /);
    for (const r of macroRegions) expect(r.source.length).toBeGreaterThan(10);
  });

  it('have distinct ids, names and demonyms', () => {
    const words = macroRegions.flatMap((r) => [...r.names, ...r.demonyms].map((w) => w.toLowerCase()));
    expect(new Set(macroRegions.map((r) => r.id)).size).toBe(macroRegions.length);
    expect(new Set(words).size).toBe(words.length);
  });

  it('refuses a row without a source or with a taken id', () => {
    const europe = macroRegions.find((r) => r.id === 'europe')!;
    expect(() => buildGazetteer({ ...sources, macroRegions: [{ ...europe, source: '' }] })).toThrow('macro-region without source: europe');
    expect(() => buildGazetteer({ ...sources, macroRegions: [europe, europe] })).toThrow('duplicate region id: europe');
  });
});
