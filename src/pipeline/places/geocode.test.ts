import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGazetteer } from '../../cli/gazetteer-file.ts';
import type { Gazetteer } from '../../gazetteer/types.ts';
import { findMentions } from './find-mentions.ts';
import { geocodeMentions } from './geocode.ts';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await readGazetteer();
}, 60_000);

const geocode = (text: string, theatreCountries: string[] = []) => {
  const found = findMentions(text, gazetteer, { looseCountries: theatreCountries });
  const { resolved, warnings } = geocodeMentions([found], gazetteer, { theatreCountries });
  return { found, places: resolved[0]!, warnings };
};

describe('geocodeMentions', () => {
  it('prefers the theatre country over a bigger namesake', () => {
    const { places } = geocode('Maliki travelled to the central city of Samarra.', ['IQ']);
    expect(places.find((p) => p?.name.startsWith('S'))?.country).toBe('IQ');
  });

  it('takes the capital for Washington and London without a theatre', () => {
    const { places } = geocode('Officials in Washington and London said so.');
    expect(places.map((p) => p?.origin)).toEqual(['geonames:4140963', 'geonames:2643743']);
  });

  it.each([
    ['Mexico has a new president.', [], 'country:MX'],
    ['Migrants camped in Matias Romero, Oaxaca, in southern Mexico.', ['MX'], 'country:MX'],
    ['Kuwait recalled its ambassador.', ['KW'], 'country:KW'],
    ['Ships docked in Djibouti on Monday.', [], 'country:DJ'],
    ['Officials in Houston said China had not replied.', ['US'], 'country:CN'],
  ])('takes the country, not its same-named capital or a namesake town, for "%s"', (text, theatre, origin) => {
    const { found, places } = geocode(text, theatre);
    const k = found.findIndex((m) => /^(?:Mexico|Kuwait|Djibouti|China)$/.test(m.text));
    expect(places[k]?.origin).toBe(origin);
  });

  it.each([
    ['Protesters marched in Mexico City.', 'geonames:3530597'],
    ['Flights to Kuwait City resumed.', 'geonames:285787'],
  ])('takes the city when the text says so: "%s"', (text, origin) => {
    const { places } = geocode(text);
    expect(places.map((p) => p?.origin)).toContain(origin);
  });

  it('does not take a small namesake for an ordinary name', () => {
    const { places } = geocode('Frank Gardner tweets from the Guardian office.', ['IQ']);
    expect(places.filter(Boolean)).toEqual([]);
  });

  it('places a town the gazetteer lacks from a distance and direction', () => {
    const text = readFileSync(new URL('../../../test/fixtures/places/estimate-by-distance.txt', import.meta.url), 'utf8');
    const { places, warnings } = geocode(text, ['IQ']);
    const estimate = places[0]!;
    expect(estimate).toMatchObject({ name: 'Qaryat Zubaydiyat Shamaliya', precision: 'approximate', origin: 'estimate', country: 'IQ' });
    expect(estimate.uncertaintyKm).toBe(10);
    // 40 km due north of Baghdad (33.3406N 44.4009E): about 0.36° of latitude
    expect(estimate.lat).toBeCloseTo(33.7, 1);
    expect(estimate.lon).toBeCloseTo(44.4, 1);
    expect(warnings.map((w) => w.code)).toContain('estimated-place');
  });

  it('warns when the stated distance disagrees with the gazetteer', () => {
    const { warnings } = geocode('Clashes in Mosul, 20 km north of Baghdad.', ['IQ']);
    expect(warnings.map((w) => w.code)).toEqual(['distance-mismatch']);
  });
});
