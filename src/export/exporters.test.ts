import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { readKmlPlacemarks } from '../../test/helpers/read-kml.ts';
import { xmlProblems } from '../../test/helpers/xml-wellformed.ts';
import type { Actor, EventProperties } from '../pipeline/types.ts';
import { ACLED_COLUMNS, eventTypeOf, subEventTypeOf, toAcledRows } from './acled.ts';
import { controlPeriods } from './control-periods.ts';
import { csvCell, parseCsv } from './csv.ts';
import { eventsToCsv } from './events-csv.ts';
import { eventsToGeoJson } from './events-geojson.ts';
import { eventsToKml, xmlEscape } from './kml.ts';

import { hostileStory, withSourceUrls } from '../../test/fixtures/export/stories.ts';

describe('csvCell', () => {
  it('prefixes formula-like cells with an apostrophe', () => {
    expect(['=1', '+1', '-1+2', '@x', '-A1'].map(csvCell)).toEqual(["'=1", "'+1", "'-1+2", "'@x", "'-A1"]);
  });
  it('leaves negative numbers as numbers (southern latitudes, western longitudes)', () => {
    expect(['-1', '-12.34567', '-0.5'].map(csvCell)).toEqual(['-1', '-12.34567', '-0.5']);
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
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+@]|^-(?!\d+(\.\d+)?$)/);
  });
  it('round-trips: parsed back, every row equals the row written', () => {
    const story = withSourceUrls(buildSyntheticStory());
    const rows = parseCsv(eventsToCsv(story));
    const parsed = rows.slice(1).map((r) => Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, r[i]])));
    expect(parsed).toEqual(toAcledRows(story));
  });
  it('carries each event\'s review state in the CSV, GeoJSON and KML', () => {
    const story = buildSyntheticStory();
    story.events.features[0].properties.review = 'edited';
    delete story.events.features[1].properties.review;
    const rows = parseCsv(eventsToCsv(story));
    const review = rows.slice(1, 3).map((r) => r[ACLED_COLUMNS.indexOf('review')]);
    expect(review).toEqual(['edited', 'unreviewed']);
    expect(JSON.parse(eventsToGeoJson(story)).features[0].properties.review).toBe('edited');
    expect(eventsToKml(story)).toContain('edited)');
  });

  it('has the time, its window and precision, status, confidence, outlets and their URLs', () => {
    const story = withSourceUrls(buildSyntheticStory());
    const rows = parseCsv(eventsToCsv(story));
    const row = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1][i]]));
    const e = story.events.features[0].properties;
    expect(row).toMatchObject({
      event_time: e.time,
      time_start: e.timeStart,
      time_end: e.timeEnd,
      time_precision_word: 'exact',
      time_words: 'Tue 10 Jun 2014, 12:00 UTC',
      reported_at: e.reportedAt,
      status: e.status,
      confidence: String(e.confidence),
    });
    const byId = new Map(story.sources.map((s) => [s.id, s]));
    expect(row.source.split('; ')).toEqual(e.sources.map((id) => byId.get(id)!.publisher));
    expect(row.source_url.split('; ')).toEqual(e.sources.map((id) => byId.get(id)!.url));
  });
  it('writes southern and western coordinates as plain negative numbers', () => {
    const story = buildSyntheticStory();
    story.events.features[0].geometry.coordinates = [-77.04, -12.05];
    const rows = parseCsv(eventsToCsv(story));
    expect([rows[1][ACLED_COLUMNS.indexOf('latitude')], rows[1][ACLED_COLUMNS.indexOf('longitude')]]).toEqual(['-12.05000', '-77.04000']);
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

describe('subEventTypeOf', () => {
  const actors = new Map<string, Actor>([
    ['army', { id: 'army', name: 'Army', color: '#0072B2', short: 'ARM', kind: 'state' }],
    ['rebels', { id: 'rebels', name: 'Rebels', color: '#D55E00', short: 'REB', kind: 'non-state' }],
  ]);
  const control = (quotes: string[], extra: Partial<EventProperties> = {}) =>
    ({ ...buildSyntheticStory().events.features[0].properties, kind: 'control', actor: 'rebels', from: 'army', quotes, ...extra }) as EventProperties;

  it('codes a place given up without fighting as a non-violent transfer (Strategic developments)', () => {
    const e = control(['Soldiers abandoned their posts and the rebels walked in; there were no clashes.'], { subEventType: 'Non-state actor overtakes territory' });
    expect(subEventTypeOf(e, actors)).toBe('Non-violent transfer of territory');
    expect(eventTypeOf(subEventTypeOf(e, actors))).toBe('Strategic developments');
  });
  it('codes a withdrawal under fire as a capture (Battles)', () => {
    const e = control(['The army withdrew from the town after two days of heavy fighting.'], { subEventType: 'Non-violent transfer of territory' });
    expect(subEventTypeOf(e, actors)).toBe('Non-state actor overtakes territory');
    expect(subEventTypeOf({ ...e, actor: 'army', from: 'rebels' }, actors)).toBe('Government regains territory');
  });
  it("keeps the pipeline's type when the sentences say nothing of how", () => {
    const e = control(['Rebels captured the town on Friday.'], { subEventType: 'Non-state actor overtakes territory' });
    expect(subEventTypeOf(e, actors)).toBe('Non-state actor overtakes territory');
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
  it('carries the same ACLED types as the CSV', () => {
    const story = buildSyntheticStory();
    Object.assign(story.events.features[1].properties, { kind: 'control', quotes: ['The garrison abandoned the town and nobody fought; there was no resistance.'] });
    const fc = JSON.parse(eventsToGeoJson(story));
    const rows = toAcledRows(story);
    expect(fc.features.map((f: { properties: { subEventType: string; eventType: string } }) => [f.properties.subEventType, f.properties.eventType])).toEqual(
      rows.map((r) => [r.sub_event_type, r.event_type]),
    );
    expect(fc.features[1].properties.eventType).toBe('Strategic developments');
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
  it('is well-formed XML with one Placemark per period of control and per event', () => {
    const story = hostileStory();
    const kml = eventsToKml(story);
    expect(xmlProblems(kml)).toEqual([]);
    expect(kml.match(/<Placemark /g)).toHaveLength(story.events.features.length + controlPeriods(story).length);
    expect(kml).toContain('A, &quot;B&quot; &amp; &lt;C&gt;');
  });
  it('round-trips: the Control folder\'s TimeSpans are the periods of control', () => {
    const story = buildSyntheticStory();
    const placemarks = readKmlPlacemarks(eventsToKml(story));
    const control = placemarks.filter((p) => p.folder === 'control');
    expect(control.map((p) => ({ placeId: p.data.place_id, actor: p.data.holder, start: p.begin, end: p.end }))).toEqual(
      controlPeriods(story).map((p) => ({ placeId: p.placeId, actor: p.actor, start: p.start, end: p.end })),
    );
    for (const p of control) expect([p.data.start || null, p.data.end || null]).toEqual([p.begin, p.end]);
  });
  it('keeps each event with its own window in the Events folder', () => {
    const story = hostileStory();
    const events = readKmlPlacemarks(eventsToKml(story)).filter((p) => p.folder === 'events');
    expect(events.map((p) => [p.id, p.begin, p.end])).toEqual(story.events.features.map((f) => [f.properties.id, f.properties.timeStart, f.properties.timeEnd]));
    expect(events[0].name.startsWith('A, "B" & <C>')).toBe(true);
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
