import { readFileSync } from 'node:fs';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import worldFile from '../../data/world/countries.json';
import { buildGazetteer } from './build.ts';
import { parseCsv } from './csv.ts';
import { loadGazetteer } from './load.ts';
import type { CountryPoint, NameRules } from './types.ts';

const data = (path: string) => readFileSync(new URL(`../../data/gazetteer/${path}`, import.meta.url), 'utf8');
const world: CountryPoint[] = worldFile.countries;
const sources = {
  cities: '',
  countries: data('countries.csv'),
  regions: data('regions.csv'),
  supplement: data('supplement.csv'),
  rules: JSON.parse(data('name-rules.json')) as NameRules,
  world,
};
const json = buildGazetteer(sources);
const gazetteer = loadGazetteer(json);

/** Kilometres from a country's point in the gazetteer to `[lat, lon]`. */
function kmFrom(iso2: string, [lat, lon]: [number, number]): number {
  const place = gazetteer.country(iso2)!;
  return distance([place.lon, place.lat], [lon, lat], { units: 'kilometers' });
}

describe('country points', () => {
  it('puts a country where GeoNames does, not at the centroid of its outline', () => {
    expect(kmFrom('RU', [60, 100])).toBeLessThan(200);
    expect(kmFrom('CA', [60.10867, -113.64258])).toBeLessThan(5); // the outline's centroid is ~1,000 km east
    expect(kmFrom('US', [39.76, -98.5])).toBeLessThan(5);
    expect(kmFrom('IN', [22, 79])).toBeLessThan(5); // not the 110m outline's 23.9N 83.5E
    expect(kmFrom('IQ', [33, 44])).toBeLessThan(5);
  });

  it('gives every country of data/world/countries.json its point, with or without an outline', () => {
    const table = new Map(world.map((c) => [c.iso2, c]));
    const countries = json.places.filter((row) => row[7] === 'PCLI');
    const codes = parseCsv(data('countries.csv')).map((r) => r.iso2).filter(Boolean);
    expect(countries.map((row) => row[4]).sort()).toEqual([...new Set([...codes, ...world.map((c) => c.iso2)])].sort());
    for (const [, name, lat, lon, iso2] of countries) {
      const point = table.get(iso2)!;
      expect([lat, lon], name).toEqual([Math.round(point.lat * 1e4) / 1e4, Math.round(point.lon * 1e4) / 1e4]);
    }
  });

  it('names the states the atlas has no outline for by the names of the world table', () => {
    expect(gazetteer.lookup('Mauritius').map((p) => p.origin)).toEqual(['country:MU']);
    expect(gazetteer.lookup('Holy See').map((p) => p.origin)).toEqual(['country:VA']);
    expect(gazetteer.lookup('Commonwealth of Dominica').map((p) => p.origin)).toEqual(['country:DM']);
  });

  it('refuses a country that the table gives no point', () => {
    expect(() => buildGazetteer({ ...sources, world: world.filter((c) => c.iso2 !== 'FR') })).toThrow(/without a point.*FR/);
  });
});
