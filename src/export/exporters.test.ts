import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { xmlProblems } from '../../test/helpers/xml-wellformed.ts';
import type { Story } from '../pipeline/types.ts';
import { ACLED_COLUMNS, eventTypeOf } from './acled.ts';
import { csvCell, parseCsv } from './csv.ts';
import { eventsToCsv } from './events-csv.ts';
import { eventsToGeoJson } from './events-geojson.ts';
import { eventsToKml, xmlEscape } from './kml.ts';

/** The synthetic story with one event whose text is hostile to every format. */
function hostileStory(): Story {
  const story = buildSyntheticStory();
  const e = story.events.features[0].properties;
  e.summary = '=HYPERLINK("http://evil") took <Town> & "more", then\r\nleft';
  e.quotes = ['+cmd|\' /C calc\'!A0', '@SUM(1,2)', '-1 dead; "quoted"'];
  e.place = 'A, "B" & <C>';
  return story;
}

describe('csvCell', () => {
  it('prefixes formula-like cells with an apostrophe', () => {
    expect(['=1', '+1', '-1', '@x'].map(csvCell)).toEqual(["'=1", "'+1", "'-1", "'@x"]);
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });
});

describe('eventsToCsv', () => {
  it('parses back to one row per event with the ACLED columns', () => {
    const story = hostileStory();
    const rows = parseCsv(eventsToCsv(story));
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(rows.length - 1).toBe(story.events.features.length);
    for (const row of rows.slice(1)) expect(row).toHaveLength(ACLED_COLUMNS.length);
  });
  it('keeps hostile text intact but never as a formula', () => {
    const rows = parseCsv(eventsToCsv(hostileStory()));
    const first = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1][i]]));
    expect(first.location).toBe('A, "B" & <C>');
    expect(first.notes.startsWith("'=HYPERLINK")).toBe(true);
    expect(first.notes).toContain('"+cmd|');
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
  it('says in the notes when a previous holder is assumed, and only then', () => {
    const story = buildSyntheticStory();
    const [, taken, retaken] = story.events.features.map((f) => f.properties);
    Object.assign(taken, { from: 'gov', fromBasis: 'assumed' });
    Object.assign(retaken, { from: 'red', fromBasis: 'reported' });
    const rows = parseCsv(eventsToCsv(story));
    const notes = rows.slice(1).map((r) => r[ACLED_COLUMNS.indexOf('notes')]);
    expect(notes.filter((n) => n.includes('assumed'))).toEqual([expect.stringContaining('Previous holder (')]);
  });
  it('maps sub-event types to ACLED event types and precision codes', () => {
    expect(eventTypeOf('Non-state actor overtakes territory')).toBe('Battles');
    expect(eventTypeOf('Non-violent transfer of territory')).toBe('Strategic developments');
    expect(eventTypeOf('Air/drone strike')).toBe('Explosions/Remote violence');
    expect(eventTypeOf('Attack')).toBe('Violence against civilians');
    const story = buildSyntheticStory();
    story.events.features[0].properties.timePrecision = 'week';
    const rows = parseCsv(eventsToCsv(story));
    expect(rows[1][ACLED_COLUMNS.indexOf('time_precision')]).toBe('2');
    expect(rows[2][ACLED_COLUMNS.indexOf('time_precision')]).toBe('1');
  });
});

describe('eventsToGeoJson', () => {
  it('is a FeatureCollection of Points with finite [lon, lat] and the event properties', () => {
    const story = hostileStory();
    const fc = JSON.parse(eventsToGeoJson(story));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(story.events.features.length);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lng, lat] = f.geometry.coordinates;
      expect(Math.abs(lng)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(typeof f.properties.id).toBe('string');
    }
    expect(fc.features[0].properties.place).toBe('A, "B" & <C>');
  });
  it('writes [lon, lat] (RFC 7946 order), as the place it is about, inside the theatre', () => {
    const story = buildSyntheticStory();
    const places = new Map(story.places.features.map((p) => [p.properties.id, p.geometry.coordinates]));
    const fc = JSON.parse(eventsToGeoJson(story));
    for (const f of fc.features) {
      expect(f.geometry.coordinates).toEqual(places.get(f.properties.placeId));
      // The synthetic theatre is Iraq: lon 38–49 E, lat 29–38 N; the two ranges do not overlap,
      // so swapped coordinates land outside both.
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(38);
      expect(lon).toBeLessThanOrEqual(49);
      expect(lat).toBeGreaterThanOrEqual(29);
      expect(lat).toBeLessThanOrEqual(38);
    }
    const alpha = fc.features.find((f: { properties: { place: string } }) => f.properties.place === 'Alphaville');
    expect(alpha.geometry.coordinates).toEqual([45.16, 34.27]);
  });
});

describe('eventsToKml', () => {
  it('is well-formed XML with one Placemark and TimeSpan per event', () => {
    const story = hostileStory();
    const kml = eventsToKml(story);
    expect(xmlProblems(kml)).toEqual([]);
    expect(kml.match(/<Placemark /g)).toHaveLength(story.events.features.length);
    expect(kml.match(/<TimeSpan><begin>[^<]+<\/begin><end>[^<]+<\/end><\/TimeSpan>/g)).toHaveLength(story.events.features.length);
    expect(kml).toContain('A, &quot;B&quot; &amp; &lt;C&gt;');
  });
  it('drops characters XML cannot hold', () => {
    expect(xmlEscape('a\u0000b\u0007c')).toBe('abc');
  });
  it('the checker itself catches broken XML', () => {
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a>x & y</a>')).not.toEqual([]);
    expect(xmlProblems('<a x=1></a>')).not.toEqual([]);
  });
});
