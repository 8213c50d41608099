import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import admin1File from '../../data/world/admin1.json';
import worldFile from '../../data/world/countries.json';
import { buildGazetteer, stripRegionType, type Admin1Region, type GazetteerSources } from './build.ts';
import { loadGazetteer } from './load.ts';
import type { NameRules } from './types.ts';

const data = (path: string) => readFileSync(new URL(`../../data/gazetteer/${path}`, import.meta.url), 'utf8');
const admin1: Admin1Region[] = admin1File.regions;

/** Two GeoNames towns, as cities500 lines: Kabul (AF) and Jebrail (AZ), whose district is "Jabrayil". */
const cities = [
  ['1138958', 'Kabul', 'Kabul', 'Kabol', '34.52813', '69.17233', 'P', 'PPLC', 'AF', '', '13', '', '', '', '4434550'],
  ['147271', 'Jebrail', 'Jebrail', 'Cabrayil', '39.39917', '47.02835', 'P', 'PPLA', 'AZ', '', '15', '', '', '', '6070'],
]
  .map((c) => [...c, '', '', 'Asia/Kabul', '2020-01-01'].join('\t'))
  .join('\n');

const sources: GazetteerSources = {
  cities,
  countries: data('countries.csv'),
  regions: data('regions.csv'),
  supplement: data('supplement.csv'),
  rules: JSON.parse(data('name-rules.json')) as NameRules,
  world: worldFile.countries,
  admin1,
};
const gazetteer = loadGazetteer(buildGazetteer(sources));
const origins = (name: string) => gazetteer.lookup(name).map((p) => `${p.origin}/${p.kind}`);

describe('first-level regions of every country', () => {
  it('are regions of their country, found by their name', () => {
    expect(origins('Tamil Nadu')).toEqual(['region:IN-TN/region']);
    expect(origins('Gilgit-Baltistan')).toEqual(['region:PK-GB/region']);
    expect(gazetteer.lookup('Borno')[0]).toMatchObject({ kind: 'region', country: 'NG' });
    expect(gazetteer.lookup('Rakhine')[0]).toMatchObject({ kind: 'region', country: 'MM' });
  });

  it('and by their name with their type or "region", as text writes it after the name', () => {
    expect(origins('Rakhine State')).toEqual(origins('Rakhine'));
    expect(origins('Borno region')).toEqual(origins('Borno'));
  });

  it('and by the English form of a compass or height word their own name starts with', () => {
    expect(origins('North Kivu')).toEqual(origins('Nord-Kivu'));
    expect(origins('South Kivu province')).toEqual(origins('Sud-Kivu'));
    expect(origins('Upper Katanga')).toEqual(origins('Haut-Katanga'));
    expect(origins('North Kivu')[0]).toMatch(/^region:CD-NK/);
  });

  it('leave a bare name to the town of their country that bears it, even spelled otherwise', () => {
    expect(origins('Kabul')).toEqual(['geonames:1138958/town']);
    expect(origins('Kabul Province')).toEqual(['region:AF-KAB/region']);
    // "Jabrayil" is the loose spelling of the town Jebrail: the district is found only with its type
    expect(origins('Jabrayil')).toEqual([]);
    expect(origins('Jabrayil District')).toEqual(['region:AZ-CAB/region']);
  });

  it('need their type when their name is an ordinary word or a people', () => {
    expect(origins('Delta')).toEqual([]);
    expect(origins('Delta State')).toEqual(['region:NG-DE/region']);
    expect(origins('Central')).toEqual([]);
    expect(origins('Somali Region')).toEqual(['region:ET-SO/region']);
    expect(origins('Somali').filter((o) => o.startsWith('region:'))).toEqual([]);
  });

  it('leave out the countries whose regions data/gazetteer/regions.csv keeps', () => {
    const kept = new Set(['IQ', 'SY', 'UA', 'US']);
    expect(admin1.filter((r) => kept.has(r.country))).toEqual([]);
  });
});

describe('stripRegionType', () => {
  it.each([
    ['Kunduz Province', 'province', 'Kunduz'],
    ['Mon State', 'state', 'Mon'],
    ['Chukotka', 'autonomous district', 'Chukotka'],
    ['Khanty-Mansi Autonomous District', 'autonomous district', 'Khanty-Mansi'],
  ])('%s (%s) → %s', (name, type, base) => expect(stripRegionType(name, type)).toBe(base));
});
