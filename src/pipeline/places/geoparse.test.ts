import { distance, point } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGazetteer } from '../../cli/gazetteer-file.ts';
import type { Gazetteer } from '../../gazetteer/types.ts';
import { geoparse } from './geoparse.ts';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await readGazetteer();
}, 60_000);

const km = (a: { lat: number; lon: number }, lat: number, lon: number) => distance(point([a.lon, a.lat]), point([lon, lat]), { units: 'kilometers' });

// Sentences from three wars and one peaceful text, with each town's position (Wikipedia infobox, rounded).
const CASES: [string, [string, number, number][]][] = [
  ['Clashes in Baquba, 30 miles north of Baghdad.', [['Baquba', 33.75, 44.63], ['Baghdad', 33.32, 44.37]]],
  [
    'Russian forces shelled Bakhmut overnight; residents of Soledar fled towards Kostiantynivka.',
    [['Bakhmut', 48.6, 38.0], ['Soledar', 48.68, 38.09], ['Kostiantynivka', 48.53, 37.71]],
  ],
  ['Rebels entered Aleppo after a week of fighting near Idlib.', [['Aleppo', 36.2, 37.16], ['Idlib', 35.93, 36.63]]],
  ['The mayor of Lyon met officials in Paris on Tuesday before flying to Berlin.', [['Lyon', 45.76, 4.84], ['Paris', 48.86, 2.35], ['Berlin', 52.52, 13.4]]],
];

describe('geoparse', () => {
  it.each(CASES)('finds and places the towns of "%s"', (text, towns) => {
    const mentions = geoparse(text, gazetteer, { demonyms: false });
    expect(mentions.map((m) => m.text)).toEqual(towns.map(([name]) => name));
    mentions.forEach((m, i) => {
      const [, lat, lon] = towns[i]!;
      expect(km(m, lat, lon)).toBeLessThan(15);
      expect(m.kind).toBe('town');
      expect(m.precision).toBe('exact');
      expect(m.origin).toMatch(/^(?:geonames|supplement):/);
    });
  });

  it('gives spans that slice back to the text', () => {
    const text = 'Fighting spread from Mosul to Kirkuk.\n\nLater, in Erbil, officials said Mosul had fallen.';
    const mentions = geoparse(text, gazetteer);
    expect(mentions.length).toBeGreaterThanOrEqual(4);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions.map((m) => m.start)).toEqual([...mentions.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('gives every mention of a place the same id and point', () => {
    const mentions = geoparse('Mosul fell on Tuesday. By Wednesday, fighters in Mosul had moved south.', gazetteer);
    const mosul = mentions.filter((m) => m.text === 'Mosul');
    expect(mosul).toHaveLength(2);
    expect(new Set(mosul.map((m) => `${m.placeId} ${m.lat} ${m.lon}`)).size).toBe(1);
  });

  it('resolves a country to the country, with its ISO code', () => {
    const [kenya] = geoparse('Protesters gathered across Kenya.', gazetteer);
    expect(kenya).toMatchObject({ text: 'Kenya', country: 'KE', kind: 'country', precision: 'country', origin: 'country:KE' });
  });

  it('resolves a continent, a macro-region and a sea to a region without a country', () => {
    const mentions = geoparse('Leaders from Europe and Central Asia met as ships left the Black Sea.', gazetteer);
    expect(mentions.map((m) => [m.text, m.origin, m.kind, m.precision, m.country])).toEqual([
      ['Europe', 'region:europe', 'region', 'region', ''],
      ['Central Asia', 'region:central-asia', 'region', 'region', ''],
      ['Black Sea', 'region:black-sea', 'region', 'region', ''],
    ]);
  });

  it('reports an adjective as a mention of its country, with the id of the country named elsewhere', () => {
    const text = 'Russian forces shelled Bakhmut; Russia denied it.';
    const [russian, , russia] = geoparse(text, gazetteer);
    expect(russian).toMatchObject({ start: 0, end: 7, text: 'Russian', country: 'RU', kind: 'country', precision: 'country', origin: 'country:RU', demonym: true });
    expect(russia).toMatchObject({ text: 'Russia', placeId: russian!.placeId, lat: russian!.lat, lon: russian!.lon });
    expect(russia!.demonym).toBeUndefined();
  });

  it.each([
    ['European and Middle Eastern leaders met.', ['region:europe', 'region:middle-east']],
    ['North Korean troops crossed into Russian territory.', ['country:KP', 'country:RU']],
    ['Saudi-led strikes near the Syrian-Turkish border.', ['country:SA', 'country:SY', 'country:TR']],
    ['Sudanese, Chadian and Libyan officials met.', ['country:SD', 'country:TD', 'country:LY']],
    ['The talks brought together the Russian, Turkish and Iranian presidents.', ['country:RU', 'country:TR', 'country:IR']],
  ])('reports the adjectives of "%s" as their places', (text, origins) => {
    const mentions = geoparse(text, gazetteer).filter((m) => m.demonym);
    expect(mentions.map((m) => m.origin)).toEqual(origins);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each([
    'Russians fled across the border.',
    'The Irish need 85 points to win.',
    'The book was printed in Chinese, and in English.',
    'African Americans marched downtown.',
    'Among the victims was an American; none were British.',
    'He is a passionate Nigerian who works hard.',
  ])('does not take a people or a language for a place: "%s"', (text) => {
    expect(geoparse(text, gazetteer).filter((m) => m.demonym)).toEqual([]);
  });

  it('leaves adjectives out when asked, and never counts one inside a place name twice', () => {
    expect(geoparse('Russian forces shelled Bakhmut.', gazetteer, { demonyms: false }).map((m) => m.text)).toEqual(['Bakhmut']);
    expect(geoparse('Clashes in Saudi Arabia.', gazetteer).map((m) => [m.text, m.demonym])).toEqual([['Saudi Arabia', undefined]]);
  });

  // first-level regions of any country (data/world/admin1.json), and the European Union
  it.each([
    ['Boko Haram fighters raided villages across Borno on Sunday.', 'Borno', 'NG'],
    ['The army said the Arakan Army had overrun posts in Rakhine State.', 'Rakhine State', 'MM'],
    ['Floods cut roads in Tamil Nadu and in Sri Lanka.', 'Tamil Nadu', 'IN'],
    ['Wildfires forced evacuations in British Columbia on Friday.', 'British Columbia', 'CA'],
  ])('finds the region in "%s"', (text, name, country) => {
    const region = geoparse(text, gazetteer).find((m) => m.text === name);
    expect(region).toMatchObject({ kind: 'region', precision: 'region', country });
  });

  it('reads "EU" as the European Union, and a region word after a town as no region of its own', () => {
    expect(geoparse('Ministers of the EU met on Monday.', gazetteer).map((m) => m.name)).toEqual(['European Union']);
    // Herat is a town and a province: the bare name is the town
    const herat = geoparse('Aid trucks reached Herat on Friday.', gazetteer);
    expect(herat.map((m) => [m.text, m.kind])).toEqual([['Herat', 'town']]);
  });

  it("keeps a person's name that is also a region's (County Kerry) the person's", () => {
    const text = 'Secretary of State John Kerry flew to Cairo. Kerry says the talks will go on.';
    expect(geoparse(text, gazetteer).map((m) => m.text)).toEqual(['Cairo']);
  });

  it('takes a small town named by an English word only after a place cue', () => {
    const congress = geoparse('Officials in Phoenix and Tucson, Arizona, said Congress would vote on the border funding this week.', gazetteer);
    expect(congress.map((m) => m.text)).toEqual(['Phoenix', 'Tucson', 'Arizona']);
    const star = geoparse('The fire started in Star, a small town in Idaho.', gazetteer);
    expect(star.map((m) => [m.text, m.country])).toEqual([['Star', 'US'], ['Idaho', 'US']]);
  });

  it('returns nothing for a text without places', () => {
    expect(geoparse('', gazetteer)).toEqual([]);
    expect(geoparse('nothing happened here today.', gazetteer)).toEqual([]);
  });

  it('refuses what is not a text', () => {
    expect(() => geoparse(42 as unknown as string, gazetteer)).toThrow('invalid text: number');
  });
});
