import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import worldFile from '../../data/world/countries.json';
import macroFile from '../../data/world/regions-macro.json';
import { buildGazetteer, type MacroRegion } from './build.ts';
import { decodeGazetteer, encodeGazetteer } from './compact.ts';
import { loadGazetteer, tableFromJson } from './load.ts';
import { NORMALIZER_VERSION } from './normalize.ts';
import { GAZETTEER_FORMAT, type Gazetteer, type GazetteerJson, type NameRules, type PlaceRow } from './types.ts';

const data = (path: string) => readFileSync(new URL(`../../data/gazetteer/${path}`, import.meta.url), 'utf8');

// GeoNames cities500 rows (ids, names, coordinates and alternates as GeoNames has them): accents,
// hyphens, articles, Arabic and Cyrillic names, ids out of order, names only the file keeps as keys.
const cities = [
  ['98182', 'Baghdad', 'Baghdad', 'Bagdad,Bagdád,Bagdade,Baghdād,BGW,بغداد,Багдад', '33.34058', '44.40088', 'P', 'PPLC', 'IQ', '', '07', '', '', '', '7216000', '', '41', 'Asia/Baghdad', '2020-01-01'],
  ['96994', 'Dihok', 'Dihok', 'Dahuk,Dohuk,Duhok,dahuk,دهوك', '36.86709', '42.98845', 'P', 'PPLA', 'IQ', '', '08', '', '', '', '340900', '', '565', 'Asia/Baghdad', '2020-01-01'],
  ['173576', 'Al-Ḩasakah', 'Al-Hasakah', 'Al Hasakah,Hasakeh,Hassake,الحسكة', '36.50237', '40.74772', 'P', 'PPLA', 'SY', '', '03', '', '', '', '188160', '', '305', 'Asia/Damascus', '2020-01-01'],
  ['703448', 'Kyiv', 'Kyiv', 'Kiev,Kiew,Kijów,Київ,Киев', '50.45466', '30.5238', 'P', 'PPLC', 'UA', '', '12', '', '', '', '2797553', '', '187', 'Europe/Kyiv', '2020-01-01'],
  ['701404', 'Mariupol', 'Mariupol', "Mariupil',Marioupol,Маріуполь", '47.09514', '37.54131', 'P', 'PPLA2', 'UA', '', '05', '', '', '', '481626', '', '70', 'Europe/Kyiv', '2020-01-01'],
  ['2660646', 'Genève', 'Geneve', 'Geneva,Genf,Ginevra', '46.20222', '6.14569', 'P', 'PPLA', 'CH', '', 'GE', '', '', '', '183981', '', '375', 'Europe/Zurich', '2020-01-01'],
  ['499099', 'Samara', 'Samara', 'Samara,Самара', '53.20007', '50.15', 'P', 'PPLA', 'RU', '', '65', '', '', '', '1163399', '', '137', 'Europe/Samara', '2020-01-01'],
  ['5128581', 'New York City', 'New York City', 'NYC,New York,Nueva York', '40.71427', '-74.00597', 'P', 'PPL', 'US', '', 'NY', '', '', '', '8804190', '', '10', 'America/New_York', '2020-01-01'],
  ['12', 'Novo-Selo', 'Novo-Selo', '', '-0.0001', '-179.9999', 'P', 'PPL', 'BG', '', '', '', '', '', '0', '', '', 'Europe/Sofia', '2020-01-01'],
]
  .map((c) => c.join('\t'))
  .join('\n');

const built = buildGazetteer({
  cities,
  countries: data('countries.csv'),
  world: worldFile.countries,
  regions: data('regions.csv'),
  macroRegions: (macroFile as { regions: MacroRegion[] }).regions,
  supplement: data('supplement.csv'),
  rules: JSON.parse(data('name-rules.json')) as NameRules,
});

/** Everything a caller can ask of a gazetteer, for every place and every key it holds. */
function answers(g: Gazetteer, json: GazetteerJson) {
  const keys = [...new Set(json.places.flatMap((row) => row[8].split('|')))];
  const countries = [...new Set(json.places.map((row) => row[4]))];
  return {
    size: g.size,
    maxWords: g.maxWords,
    rules: g.rules,
    places: Array.from({ length: g.size }, (_, i) => g.place(i)),
    lookups: keys.map((key) => [key, g.lookup(key).map((p) => p.index)]),
    loose: keys.map((key) => [key, g.lookupLoose(key).map((p) => p.index), g.lookupLoose(key, countries).map((p) => p.index)]),
    countries: countries.map((c) => [c, g.country(c)?.index, g.capital(c)?.index, g.zone(c)]),
  };
}

describe('compact gazetteer file', () => {
  it('loads into the same gazetteer as the build it encodes: every place, lookup and loose lookup', () => {
    const bytes = encodeGazetteer(built);
    expect(answers(loadGazetteer(bytes), built)).toEqual(answers(loadGazetteer(built), built));
    expect(loadGazetteer(bytes).lookup('Hasakeh')[0]).toMatchObject({ name: 'Al-Ḩasakah', nameNative: 'الحسكة', country: 'SY' });
    expect(loadGazetteer(bytes).lookup('Geneva')[0]?.altNames).toEqual(['Geneva', 'Genf', 'Ginevra']);
  });

  it('decodes the columns of any places exactly (names, keys, ids, coordinates, populations)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'Ḩ', 'İ', '-', ' ', "'", 'ب', 'Z', 'q'), maxLength: 12 });
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'k', ' ', '0'), maxLength: 10 });
    const coordinate = (max: number) => fc.integer({ min: -max * 1e4, max: max * 1e4 }).map((units) => units / 1e4);
    const row: fc.Arbitrary<PlaceRow> = fc.tuple(
      fc.oneof(fc.nat({ max: 2 ** 40 }), fc.constantFrom('supplement:x', 'region:y', 'country:IQ')),
      text,
      coordinate(90),
      coordinate(180),
      fc.constantFrom('IQ', 'UA', ''),
      fc.constantFrom('', '07', 'Diyala'),
      fc.nat({ max: 0xffffffff }),
      fc.constantFrom('', 'PPLC', 'ADM1', 'PCLI', 'PPLA2'),
      fc.array(key, { minLength: 1, maxLength: 4 }).map((keys) => keys.join('|')),
      fc.constantFrom('', 'دهوك', 'Київ'),
      fc.array(text, { maxLength: 3 }).map((alts) => alts.filter(Boolean).join('|')),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (places) => {
        const json: GazetteerJson = { format: GAZETTEER_FORMAT, normalizer: NORMALIZER_VERSION, sources: [], rules: built.rules, places, zones: { IQ: 'Asia/Baghdad' } };
        const decoded = decodeGazetteer(encodeGazetteer(json));
        const expected = tableFromJson(json);
        const { alts, altsEncoded, name, maxWords: _maxWords, ...columns } = decoded;
        const { alts: expectedAlts, altsEncoded: _, name: expectedName, ...expectedColumns } = expected;
        expect(columns).toEqual(expectedColumns);
        expect(places.map((_, i) => name(i))).toEqual(places.map((_, i) => expectedName(i)));
        const g = loadGazetteer(json);
        const h = loadGazetteer(encodeGazetteer(json));
        for (let i = 0; i < places.length; i++) expect(h.place(i)).toEqual(g.place(i));
        expect(h.maxWords).toBe(g.maxWords);
        expect([alts.length, altsEncoded, expectedAlts.length]).toEqual([places.length, true, places.length]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bytes that are not a compact gazetteer, or one of another version, or cut short', () => {
    const bytes = encodeGazetteer(built);
    expect(() => loadGazetteer(new TextEncoder().encode('{"format":3}'))).toThrow(/invalid gazetteer: not a compact gazetteer file/);
    expect(() => loadGazetteer(bytes.subarray(0, bytes.length - 10))).toThrow(/invalid gazetteer/);
    const other = encodeGazetteer({ ...built, format: GAZETTEER_FORMAT + 1 });
    expect(() => loadGazetteer(other)).toThrow(/invalid gazetteer: codec 1\/format 4.*run npm run build:gazetteer/);
  });

  it('refuses to encode what it could not give back exactly', () => {
    const place = built.places[0]!;
    const withPlace = (row: PlaceRow): GazetteerJson => ({ ...built, places: [row] });
    expect(() => encodeGazetteer(withPlace([...place.slice(0, 2), 33.34058, ...place.slice(3)] as PlaceRow))).toThrow(/latitude of Baghdad: 33.34058 is not on the 1e-4 grid/);
    expect(() => encodeGazetteer(withPlace([place[0], 'Bag\ndad', ...place.slice(2)] as PlaceRow))).toThrow(/invalid gazetteer name/);
    expect(() => encodeGazetteer(withPlace([...place.slice(0, 6), 1.5, ...place.slice(7)] as PlaceRow))).toThrow(/invalid gazetteer population of Baghdad: 1.5/);
  });
});
