import { readFileSync } from 'node:fs';
import { distance, point } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGazetteer } from '../../cli/gazetteer-file.ts';
import type { Gazetteer } from '../../gazetteer/types.ts';
import { locatePlaces } from './locate-places.ts';
import type { Entry, EntryKind, PlaceFeature } from '../types.ts';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await readGazetteer();
}, 60_000);

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** Crude entries: one per paragraph (the real splitter lives elsewhere). */
function paragraphs(text: string, source: string, kind: EntryKind = 'report'): Entry[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => ({ id: `${source}-${i + 1}`, source, time: '2014-06-13T12:00:00Z', timeEstimated: true, kind, text: p, mentions: [] }));
}

const defaultStory = () => [
  ...paragraphs(read('data/stories/iraq-2014-06-13/bbc-2014-06-13.txt'), 'bbc'),
  ...paragraphs(read('data/stories/iraq-2014-06-13/ibtimes-2014-06-13.txt'), 'ibtimes'),
];

/** The feature a spelling was resolved to, anywhere in the entries. */
function placeOf(result: ReturnType<typeof locatePlaces>, spelling: string): PlaceFeature | undefined {
  const mention = result.entries.flatMap((e) => e.mentions).find((m) => m.text === spelling);
  return mention && result.places.features.find((f) => f.properties.id === mention.placeId);
}

// True positions from the English Wikipedia infobox of each town (degrees, rounded), except
// Udhaim, whose position is the one given in issue 2 (34.55N 44.52E).
const TRUE_POSITIONS: [string[], number, number][] = [
  [['Mosul'], 36.34, 43.13],
  [['Kirkuk'], 35.4667, 44.3922],
  [['Baghdad'], 33.3153, 44.3661],
  [['Jalawla'], 34.2719, 45.1681],
  [['Saadiya', 'Sadiyah', 'Saadiyah'], 34.1906, 45.1208],
  [['Baquba'], 33.75, 44.6333],
  [['Tikrit'], 34.6, 43.6833],
  [['Samarra'], 34.1983, 43.8742],
  [['Udhaim'], 34.55, 44.52],
  [['Muqdadiya'], 33.9783, 44.9369],
  [['Karbala', 'Kerbala'], 32.6167, 44.0333],
  [['Najaf'], 31.99, 44.34],
  [['Erbil', 'Irbil'], 36.19, 44.01],
  [['Dohuk', 'Duhok'], 36.8667, 42.9833],
  [['Fallujah'], 33.35, 43.7833],
];

describe('locatePlaces on the default story', () => {
  it.each(TRUE_POSITIONS)('resolves %s within 15 km of its true position', (spellings, lat, lon) => {
    const result = locatePlaces(defaultStory(), gazetteer);
    for (const spelling of spellings) {
      const place = placeOf(result, spelling);
      expect(place, spelling).toBeDefined();
      const km = distance(point(place!.geometry.coordinates), point([lon, lat]), { units: 'kilometers' });
      expect(km, `${spelling} is ${Math.round(km)} km off`).toBeLessThan(15);
      expect(place!.properties.role).toBe('theatre');
    }
  });

  it('gives both spellings of a town the same place', () => {
    const result = locatePlaces(defaultStory(), gazetteer);
    expect(placeOf(result, 'Irbil')!.properties.id).toBe(placeOf(result, 'Erbil')!.properties.id);
    expect(placeOf(result, 'Kerbala')!.properties.id).toBe(placeOf(result, 'Karbala')!.properties.id);
    expect(placeOf(result, 'Saadiya')!.properties.altNames).toEqual(expect.arrayContaining(['Sadiyah', 'Saadiyah']));
  });

  it('keeps London, Washington, Doha and Kenosha out of the theatre', () => {
    const result = locatePlaces(defaultStory(), gazetteer);
    for (const name of ['London', 'Washington', 'Doha', 'Kenosha']) {
      const place = result.places.features.find((f) => f.properties.name === name);
      expect(place?.properties.role ?? 'incidental', name).toBe('incidental');
    }
    expect(placeOf(result, 'Kenosha')!.properties.country).toBe('US');
    expect(placeOf(result, 'London')!.properties.country).toBe('GB');
  });

  it('derives Iraq as the only theatre country', () => {
    const result = locatePlaces(defaultStory(), gazetteer);
    const theatre = new Set(result.places.features.filter((f) => f.properties.role === 'theatre').map((f) => f.properties.country));
    expect([...theatre]).toEqual(['IQ']);
  });

  it('does not turn people and outlets into places', () => {
    const result = locatePlaces(defaultStory(), gazetteer);
    const texts = new Set(result.entries.flatMap((e) => e.mentions.map((m) => m.text)));
    for (const name of ['Doha', 'Hussein', 'Saddam', 'Al-Karbalaie', 'al-Karbalaie', 'Soul', 'Obama', 'Hassan', 'Human', 'Peshmerga', 'Kerry', 'Hague', 'Maliki']) {
      expect(texts.has(name), name).toBe(false);
    }
  });

  it('fills mentions with exact spans and ids of existing places', () => {
    const result = locatePlaces(defaultStory(), gazetteer);
    const ids = new Set(result.places.features.map((f) => f.properties.id));
    expect(ids.size).toBe(result.places.features.length);
    for (const entry of result.entries) {
      for (const m of entry.mentions) {
        expect(entry.text.slice(m.start, m.end)).toBe(m.text);
        expect(ids.has(m.placeId)).toBe(true);
      }
    }
  });

  it('is deterministic, sorted by id, with coordinates rounded to 5 decimals', () => {
    const a = locatePlaces(defaultStory(), gazetteer);
    const b = locatePlaces(defaultStory(), gazetteer);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const ids = a.places.features.map((f) => f.properties.id);
    expect(ids).toEqual([...ids].sort());
    for (const f of a.places.features) for (const c of f.geometry.coordinates) expect(Math.round(c * 1e5) / 1e5).toBe(c);
  });

  it('marks places named only in comments as incidental', () => {
    const entries: Entry[] = [
      ...defaultStory(),
      { id: 'x-1', source: 'x', time: '2014-06-13T12:00:00Z', timeEstimated: false, kind: 'comment', text: 'My cousin lives in Zakho.', mentions: [] },
    ];
    const result = locatePlaces(entries, gazetteer);
    expect(placeOf(result, 'Zakho')?.properties.role).toBe('incidental');
  });
});

describe('locatePlaces on other wars', () => {
  it('resolves a Ukraine 2024 text in Ukraine', () => {
    const result = locatePlaces(paragraphs(read('test/fixtures/places/ukraine-2024-07.txt'), 'ua'), gazetteer);
    for (const name of ['Avdiivka', 'Pokrovsk', 'Kyiv', 'Krasnohorivka', 'Toretsk', 'Kostiantynivka', 'Orikhiv', 'Kiev']) {
      expect(placeOf(result, name)?.properties.country, name).toBe('UA');
    }
    expect(placeOf(result, 'Kiev')!.properties.id).toBe(placeOf(result, 'Kyiv')!.properties.id);
    expect(placeOf(result, 'Kostiantynivka')!.properties.admin1).toBe('Donetsk Oblast');
    expect(placeOf(result, 'Krasnohorivka')!.properties.role).toBe('theatre');
  });

  it('resolves a Syria 2020 text in Syria', () => {
    const result = locatePlaces(paragraphs(read('test/fixtures/places/syria-2020-02.txt'), 'sy'), gazetteer);
    for (const name of ['Khan Sheikhoun', 'Maarrat al-Numan', 'Saraqib', 'Idlib', 'Kafranbel', 'Ariha', 'Jisr al-Shughur', 'Aleppo']) {
      expect(placeOf(result, name)?.properties.country, name).toBe('SY');
    }
    expect(placeOf(result, 'Khan Sheikhoun')!.properties.origin).toBe('geonames:168325');
    expect(placeOf(result, 'Aleppo')!.properties.nameNative).toBe('حلب');
  });

  it('keeps a place before an attribution or a date a place, in every entry', () => {
    const texts = (text: string) => locatePlaces(paragraphs(text, 'blog'), gazetteer).entries.flatMap((e) => e.mentions.map((m) => m.text));
    // ", a … spokesman said" attributes the sentence; it is no apposition that makes the name a person's
    expect(texts('The army took many villages in Idlib province, including Saraqeb, a Syrian army spokesman said.\n\nSaraqeb lies on the M5 highway.')).toEqual(['Idlib', 'Saraqeb', 'Saraqeb']);
    // a month after a name is a date, not the rest of the name
    expect(texts('The fall of Avdiivka February 17 opened the road to Pokrovsk in Donetsk Oblast.')).toEqual(['Avdiivka', 'Pokrovsk', 'Donetsk Oblast']);
    // an apposition still makes a person
    expect(texts('Kharkiv was shelled, said Conway, a former spokesman for the mission.')).toEqual(['Kharkiv']);
  });

  it('does not take a town for the last word of a longer name it does not know, whatever the context', () => {
    const texts = (text: string) => locatePlaces(paragraphs(text, 'blog'), gazetteer).entries.flatMap((e) => e.mentions.map((m) => m.text));
    // Shewa Robit is not Robit, 240 km to the north, even "in the Amhara region" of Ethiopia
    expect(texts('Fighting reached Shewa Robit in the Amhara region of Ethiopia.')).toEqual(['Amhara', 'Ethiopia']);
    // an adjective in front still leaves the place
    expect(texts('Shelling hit northern Kharkiv and Greater Idlib overnight.')).toContain('Kharkiv');
  });

  it("takes a surname for its person in every entry once one entry names the person in full", () => {
    // entries come newest first: the bare surname is read before the full name
    const entries = paragraphs(
      'Kerry says the talks in Cairo will go on.\n\nFighting went on in Kherson.\n\nSecretary of State John Kerry flew to Cairo on Monday.',
      'blog',
    );
    const texts = locatePlaces(entries, gazetteer).entries.flatMap((e) => e.mentions.map((m) => m.text));
    expect(texts).toEqual(['Cairo', 'Kherson', 'Cairo']);
  });

  it('accepts theatre countries from the caller and checks them', () => {
    const entries = paragraphs('Shelling hit Pokrovsk and Kostiantynivka.', 'ua');
    expect(locatePlaces(entries, gazetteer, { theatreCountries: ['UA'] }).places.features.every((f) => f.properties.role === 'theatre')).toBe(true);
    expect(() => locatePlaces(entries, gazetteer, { theatreCountries: ['ukraine'] })).toThrow(/invalid theatreCountries/);
  });
});
