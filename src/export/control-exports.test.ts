// Control periods, control at t, holder bases and time words in every download, the PNG's legend and layout.
import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { readKmlPlacemarks } from '../../test/helpers/read-kml.ts';
import { compileControl, controlAt } from '../pipeline/control/control-at.ts';
import type { Story } from '../pipeline/types.ts';
import { eventWhens } from '../state/time-words.ts';
import { ACLED_COLUMNS, toAcledRows } from './acled.ts';
import { controlAtToGeoJson } from './control-geojson.ts';
import { controlPeriods } from './control-periods.ts';
import { pngChromeHeight, pngLayout, pngMapSize } from './png-layout.ts';
import { pngLegend } from './png-legend.ts';
import { parseCsv } from './csv.ts';
import { eventsToCsv } from './events-csv.ts';
import { eventsToGeoJson } from './events-geojson.ts';
import { eventsToKml } from './kml.ts';
import { timeWords } from './time-fields.ts';

import { withBaselines } from '../../test/fixtures/export/stories.ts';

describe('controlPeriods', () => {
  it('runs from one change to the next, open-ended at both ends', () => {
    const periods = controlPeriods(buildSyntheticStory()).filter((p) => p.placeId === 'alpha');
    expect(periods.map((p) => [p.actor, p.start, p.end])).toEqual([
      ['gov', null, '2014-06-13T02:00:00Z'],
      ['red', '2014-06-13T02:00:00Z', '2014-06-13T14:00:00Z'],
      ['gold', '2014-06-13T14:00:00Z', null],
    ]);
  });
  it('agrees with the store\'s control at every instant inside each period', () => {
    const story = buildSyntheticStory();
    const control = compileControl(story);
    for (const p of controlPeriods(story)) {
      const start = p.start ? Date.parse(p.start) : Date.parse('2014-01-01T00:00:00Z');
      const end = p.end ? Date.parse(p.end) : Date.parse('2015-01-01T00:00:00Z');
      for (const t of [start, (start + end) / 2, end - 1]) {
        const c = control.placeAt(p.placeId, t);
        expect([c.actor, c.claimants]).toEqual([p.actor, p.claimants]);
      }
    }
  });
  it('marks a holder no report names as assumed', () => {
    const story = buildSyntheticStory();
    story.places.features[0].properties.timeline![0].assumed = true;
    const [first, second] = controlPeriods(story);
    expect([first.basis, second.basis]).toEqual(['assumed', 'reported']);
  });
});

describe('controlAtToGeoJson', () => {
  it('round-trips to the store\'s control at t: holder, claimants, since', () => {
    const story = buildSyntheticStory();
    for (const t of ['2014-06-12T00:00:00Z', '2014-06-13T10:00:00Z', '2014-06-13T20:00:00Z']) {
      const fc = JSON.parse(controlAtToGeoJson(story, t));
      expect(fc.time).toBe(t);
      const byId = new Map(fc.features.map((f: { properties: { id: string } }) => [f.properties.id, f.properties]));
      for (const [id, c] of controlAt(story, t)) {
        expect(byId.get(id)).toMatchObject({
          holder: c.actor,
          claimants: c.claimants,
          since: c.since === null ? null : new Date(c.since).toISOString().replace('.000Z', 'Z'),
          events: c.events,
        });
      }
    }
  });
  it('lists every mapped town, unknown when no report says who holds it, and no incidental place', () => {
    const fc = JSON.parse(controlAtToGeoJson(buildSyntheticStory(), '2014-06-13T10:00:00Z'));
    const holders = Object.fromEntries(fc.features.map((f: { properties: { id: string; holder: string } }) => [f.properties.id, f.properties.holder]));
    expect(holders).toEqual({ alpha: 'red', beta: 'red', gamma: 'contested', delta: 'unknown', eps: 'unknown' });
    const alpha = fc.features.find((f: { id: string }) => f.id === 'alpha');
    expect(alpha.geometry).toEqual({ type: 'Point', coordinates: [45.16, 34.27] });
    expect(alpha.properties).toMatchObject({ holderName: expect.any(String), since: '2014-06-13T02:00:00Z', basis: 'reported' });
  });
  it('names a bad time', () => {
    expect(() => controlAtToGeoJson(buildSyntheticStory(), 'yesterday')).toThrow(/invalid time: yesterday/);
  });
});

describe('holder basis and time words in every download', () => {
  const byPlace = <T extends { placeId: string }>(list: T[]) => Object.fromEntries(list.map((p) => [p.placeId, p]));

  it('periods of control carry the baseline basis at the start, reported after a change, with where it comes from', () => {
    const periods = controlPeriods(withBaselines(buildSyntheticStory()));
    const alpha = periods.filter((p) => p.placeId === 'alpha');
    expect(alpha.map((p) => [p.actor, p.basis])).toEqual([['gov', 'stated'], ['red', 'reported'], ['gold', 'reported']]);
    expect(alpha[0].evidence).toBe('the live blog says who holds it; “Alphaville, long under government control, fell overnight.”');
    expect(alpha[1].evidence).toBe('“Fighters seized Alphaville overnight, officials said.”');
    const first = byPlace(periods.filter((p) => p.start === null));
    expect(first.gamma).toMatchObject({ basis: 'file', evidence: 'the story’s baseline file; Source: Survey map of 1 June, 2014-06-01' });
    // A capital no report mentions a change for: one open-ended period, assumed.
    expect(first.delta).toMatchObject({ actor: 'gov', start: null, end: null, basis: 'assumed', evidence: 'national capital, no report' });
  });
  it('agrees with the store: a period basis is controlAt’s basis, or reported when a change set the holder', () => {
    const story = withBaselines(buildSyntheticStory());
    for (const p of controlPeriods(story)) {
      const t = p.start ? Date.parse(p.start) : Date.parse('2014-01-01T00:00:00Z');
      expect(p.basis).toBe(controlAt(story, t).get(p.placeId)!.basis ?? 'reported');
    }
  });
  it('a period begins and ends in the words and precision of the change behind it', () => {
    const story = withBaselines(buildSyntheticStory());
    const whens = eventWhens(story);
    const periods = controlPeriods(story);
    const beta = periods.find((p) => p.placeId === 'beta')!;
    expect(beta.startWhen).toEqual(whens.get('e0'));
    expect(timeWords(beta.startWhen!)).toBe('≈ 8–10 Jun 2014');
    const [, red] = periods.filter((p) => p.placeId === 'alpha');
    expect([red.startWhen, red.endWhen]).toEqual([whens.get('e1'), whens.get('e2')]);
    expect(timeWords(red.startWhen!)).toBe('Fri 13 Jun 2014, 02:00 UTC');
  });
  it('CSV: the time in words with the app’s precision word, and the previous holder’s basis and evidence', () => {
    const story = withBaselines(buildSyntheticStory());
    const rows = parseCsv(eventsToCsv(story)).slice(1).map((r) => Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, r[i]])));
    const whens = eventWhens(story);
    for (const [i, row] of rows.entries()) {
      const when = whens.get(story.events.features[i].properties.id)!;
      expect([row.time_precision_word, row.time_words]).toEqual([when.certainty, timeWords(when)]);
    }
    expect(rows[0]).toMatchObject({ time_precision_word: 'week', time_words: '≈ 8–10 Jun 2014', time_precision: '2', event_time: '2014-06-09T09:00:00Z' });
    // Alphaville's first change: the holder a sentence states at the start, not a guess.
    expect(rows[1]).toMatchObject({ actor2: 'Government', actor2_basis: 'stated', actor2_evidence: expect.stringContaining('long under government control') });
    // The second: the holder the first change gave it, named by the event itself.
    Object.assign(story.events.features[2].properties, { from: 'red', fromBasis: 'earlier-event' });
    expect(toAcledRows(story)[2]).toMatchObject({ actor2: 'Red faction', actor2_basis: 'earlier-event', actor2_evidence: '' });
  });
  it('CSV: a previous holder with no baseline keeps the event’s own basis, and says so when assumed', () => {
    const story = buildSyntheticStory();
    Object.assign(story.events.features[1].properties, { from: 'gov', fromBasis: 'assumed' });
    expect(toAcledRows(story)[1]).toMatchObject({ actor2: 'Government', actor2_basis: 'assumed', actor2_evidence: 'assumed: no report names it' });
  });
  it('control at t GeoJSON: basis and evidence as the store has them, since in words', () => {
    const story = withBaselines(buildSyntheticStory());
    const t = '2014-06-13T10:00:00Z';
    const fc = JSON.parse(controlAtToGeoJson(story, t));
    expect(fc.timeWords).toBe('Fri 13 Jun 2014, 10:00 UTC');
    const props = Object.fromEntries(fc.features.map((f: { properties: { id: string } }) => [f.properties.id, f.properties]));
    for (const [id, c] of controlAt(story, t)) expect(props[id].basis).toBe(c.actor === 'unknown' ? null : (c.basis ?? 'reported'));
    expect(props.delta).toMatchObject({ holder: 'gov', basis: 'assumed', basisEvidence: 'national capital, no report', since: null, sinceWords: '', sincePrecision: '' });
    expect(props.gamma).toMatchObject({ holder: 'contested', basis: 'reported', sincePrecision: 'exact' });
    expect(props.beta).toMatchObject({ basis: 'reported', since: '2014-06-09T09:00:00Z', sinceWords: '≈ 8–10 Jun 2014', sincePrecision: 'week' });
    expect(props.eps).toMatchObject({ holder: 'unknown', basis: null, basisEvidence: '' });
  });
  it('KML: each period’s data has its basis, evidence and times in words; each event its time in words', () => {
    const story = withBaselines(buildSyntheticStory());
    const placemarks = readKmlPlacemarks(eventsToKml(story));
    const control = placemarks.filter((p) => p.folder === 'control');
    expect(control.map((p) => [p.data.place_id, p.data.basis, p.data.basis_evidence, p.data.start_words, p.data.start_precision, p.data.end_words])).toEqual(
      controlPeriods(story).map((p) => [
        p.placeId,
        p.basis,
        p.evidence,
        p.startWhen ? timeWords(p.startWhen) : '',
        p.startWhen?.certainty ?? '',
        p.endWhen ? timeWords(p.endWhen) : '',
      ]),
    );
    const delta = control.find((p) => p.data.place_id === 'delta')!;
    expect(delta.data).toMatchObject({ holder: 'gov', basis: 'assumed' });
    const whens = eventWhens(story);
    const events = placemarks.filter((p) => p.folder === 'events');
    expect(events.map((p) => [p.data.time_precision, p.data.time_words])).toEqual(
      story.events.features.map((f) => [whens.get(f.properties.id)!.certainty, timeWords(whens.get(f.properties.id)!)]),
    );
  });
  it('events GeoJSON: the same time words, precision and previous holder as the CSV', () => {
    const story = withBaselines(buildSyntheticStory());
    const fc = JSON.parse(eventsToGeoJson(story));
    const rows = toAcledRows(story);
    expect(
      fc.features.map((f: { properties: { timeCertainty: string; timeWords: string; previousHolder?: { actor: string; basis: string; evidence: string } } }) => [
        f.properties.timeCertainty,
        f.properties.timeWords,
        f.properties.previousHolder?.basis ?? '',
        f.properties.previousHolder?.evidence ?? '',
      ]),
    ).toEqual(rows.map((r) => [r.time_precision_word, r.time_words, r.actor2_basis, r.actor2_evidence]));
    expect(fc.features[1].properties.previousHolder).toMatchObject({ actor: 'gov', basis: 'stated' });
  });
});

describe('pngLegend', () => {
  it('has the holder-at-the-start row, pale in a ring, when the map shows such a holder, and only then', () => {
    const plain = buildSyntheticStory();
    const labels = (story: Story, t: string) => pngLegend(story, controlAt(story, t)).map((i) => i.label);
    expect(labels(plain, '2014-06-13T10:00:00Z')).toEqual(['Government', 'Red faction', 'Gold forces', 'Unknown', 'Contested']);
    const story = withBaselines(buildSyntheticStory());
    const legend = pngLegend(story, controlAt(story, '2014-06-13T10:00:00Z'));
    expect(legend.map((i) => i.label)).toEqual(['Government', 'Red faction', 'Gold forces', 'Unknown', 'Held at the start, no reported change', 'Contested']);
    expect(legend[4]).toMatchObject({ ring: legend[4].color, fillOpacity: expect.any(Number) });
    expect(legend[4].fillOpacity).toBeLessThan(1);
  });
});

describe('pngLayout', () => {
  it('is 1200–1600 CSS px wide, keeping the live map’s shape within 2:1–4:3', () => {
    expect(pngMapSize(880, 500)).toEqual({ width: 1200, height: 682 });
    expect(pngMapSize(2400, 1200)).toEqual({ width: 1600, height: 800 });
    expect(pngMapSize(375, 600)).toEqual({ width: 1200, height: 900 });
  });
  it('stacks title, time, map, legend, sources and credits without overlap, inside the image', () => {
    const layout = pngLayout(1400, 800, 6);
    const order = [layout.title, layout.time, layout.map, layout.legendTitle, layout.legend[0].label, layout.legend[4].label, layout.sources, layout.credits];
    for (let i = 1; i < order.length; i++) expect(order[i].y).toBeGreaterThanOrEqual(order[i - 1].y + order[i - 1].height);
    expect(layout.height).toBe(800 + pngChromeHeight(6));
    for (const { swatch, label } of layout.legend) {
      expect(swatch.x + swatch.width).toBeLessThan(label.x);
      expect(label.x + label.width).toBeLessThanOrEqual(1400);
    }
  });
});
