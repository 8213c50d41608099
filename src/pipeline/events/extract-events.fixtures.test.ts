/**
 * The events step on whole pages: the default story (entries from the real entry splitter, places
 * by hand) and fixtures in other outlets' formats about other wars, with the same code and data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import base from '../../../data/stories/iraq-2014-06-13/actors.json';
import syria from '../../../data/actors/syria.json';
import ukraine from '../../../data/actors/ukraine.json';
import { entriesFromDatedPage, exactMentions } from '../../../test/fixtures/events/helpers.ts';
import { iraqPlaces } from '../../../test/fixtures/events/iraq-places.ts';
import { syriaPlaces, syriaSource, ukrainePlaces, ukraineSource } from '../../../test/fixtures/events/other-wars.ts';
import { loadActorRegistry } from './actors.ts';
import { buildEntries } from '../entries/build-entries.ts';
import { compileControl } from '../control/control-at.ts';
import { extractEvents, type ExtractResult } from './extract-events.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const control = (r: ExtractResult) =>
  r.events.features.filter((f) => f.properties.kind === 'control').map((f) => `${f.properties.placeId}:${f.properties.actor}<${f.properties.from ?? '?'}`);
const kinds = (r: ExtractResult, kind: string) => r.events.features.filter((f) => f.properties.kind === kind).map((f) => f.properties.placeId);

describe('the default story (Iraq, 13 June 2014)', () => {
  const dir = '../../../data/stories/iraq-2014-06-13/';
  const manifest = JSON.parse(read(`${dir}story.json`));
  const built = buildEntries(manifest.sources.map((s: { file: string }) => ({ ...s, text: read(dir + s.file) })));
  const places = iraqPlaces();
  const entries = built.entries.map((e) => ({ ...e, mentions: exactMentions(e.text, places) }));
  const result = extractEvents({ entries, places, sources: built.sources }, loadActorRegistry(base));
  const byId = (id: string) => result.events.features.find((f) => f.properties.id === id)!.properties;
  const at = compileControl({ places: result.places });
  const firstReport = '2014-06-13T07:30:00Z';

  it('ISIS takes Jalawla and Saadiya overnight, before the morning entries', () => {
    for (const id of ['ev-jalawla-control-1', 'ev-sadiyah-control-1']) {
      const e = byId(id);
      expect(e).toMatchObject({ actor: 'isis', from: 'iraqi-government' });
      expect(e.summary).toMatch(/overnight/);
      expect(Date.parse(e.timeEnd)).toBeLessThanOrEqual(Date.parse(firstReport));
    }
  });

  it('Kurdish forces retake Jalawla in the afternoon: one event citing IBTimes (16:35 BST) and the BBC', () => {
    const e = byId('ev-jalawla-control-2');
    expect(e).toMatchObject({ actor: 'kurdish-forces', from: 'isis', status: 'confirmed', time: '2014-06-13T15:35:00Z' });
    expect(e.sources).toEqual(['ibtimes', 'bbc']);
    const bbcReport = entries.find((entry) => entry.text.includes('have reclaimed the town of Jalawla'))!;
    expect(e.entries).toContain(bbcReport.id);
    expect(result.events.features.filter((f) => f.properties.placeId === 'jalawla' && f.properties.actor === 'kurdish-forces')).toHaveLength(1);
  });

  it("Jalawla's state goes government → ISIS → Kurdish", () => {
    expect(at.placeAt('jalawla', '2014-06-12T12:00:00Z').actor).toBe('iraqi-government');
    expect(at.placeAt('jalawla', '2014-06-13T12:00:00Z').actor).toBe('isis');
    expect(at.placeAt('jalawla', '2014-06-13T17:00:00Z').actor).toBe('kurdish-forces');
  });

  it('Saadiya is contested after the Peshmerga report (the 4:35 entry appended at the bottom)', () => {
    const state = at.placeAt('sadiyah', '2014-06-13T17:00:00Z');
    expect(state).toMatchObject({ actor: 'contested', contested: true, claimants: ['kurdish-forces', 'isis'] });
    expect(at.placeAt('sadiyah', '2014-06-13T12:00:00Z').actor).toBe('isis');
  });

  it('Kirkuk passes to Kurdish forces on Thursday 12 June', () => {
    const e = byId('ev-kirkuk-control-1');
    expect(e).toMatchObject({ actor: 'kurdish-forces', from: 'iraqi-government', status: 'confirmed' });
    expect(e.time.slice(0, 10)).toBe('2014-06-12');
  });

  it('Mosul and Tikrit are ISIS-held from earlier in the week', () => {
    for (const place of ['mosul', 'tikrit']) {
      const e = byId(`ev-${place}-control-1`);
      expect(e).toMatchObject({ actor: 'isis', timePrecision: 'week' });
      expect(Date.parse(e.time)).toBeLessThan(Date.parse('2014-06-13T00:00:00Z'));
      expect(at.placeAt(place, firstReport).actor).toBe('isis');
    }
  });

  it('clashes at Baquba, Udhaim and Muqdadiya; strikes at Tikrit', () => {
    expect(kinds(result, 'clash')).toEqual(expect.arrayContaining(['baqubah', 'al-adhaim', 'muqdadiya']));
    expect(kinds(result, 'strike')).toEqual(['tikrit']);
  });

  it('codes events with ACLED sub-event types', () => {
    expect(byId('ev-jalawla-control-1').subEventType).toBe('Non-state actor overtakes territory');
    expect(byId('ev-baqubah-clash-1').subEventType).toBe('Armed clash');
    // "Iraqi army helicopters have fired rockets on a mosque in Tikrit"
    expect(byId('ev-tikrit-strike-1').subEventType).toBe('Air/drone strike');
  });

  it('nothing in London, Washington or Tehran becomes an event; five towns change hands, and Fallujah earlier this year', () => {
    const placesWithEvents = new Set(result.events.features.map((f) => f.properties.placeId));
    for (const p of ['london', 'washington', 'tehran', 'baghdad', 'samarra']) expect(placesWithEvents.has(p)).toBe(false);
    expect(new Set(kinds(result, 'control'))).toEqual(new Set(['fallujah', 'mosul', 'tikrit', 'kirkuk', 'jalawla', 'sadiyah']));
    expect(result.events.features.find((f) => f.properties.placeId === 'fallujah')!.properties).toMatchObject({ actor: 'isis', timePrecision: 'month' });
  });

  it('"entered Jalawla and secured offices of Kurdish parties" is not a capture', () => {
    expect(result.events.features.some((f) => f.properties.entries.includes('ibtimes-42') && f.properties.actor === 'kurdish-forces')).toBe(false);
  });
});

describe('Ukraine, March-April 2022 (a Guardian-style page, BST clock)', () => {
  const places = ukrainePlaces();
  const entries = entriesFromDatedPage(read('../../../test/fixtures/events/ukraine-2022-03.txt'), ukraineSource, places);
  const result = extractEvents({ entries, places, sources: [ukraineSource] }, loadActorRegistry(base, ukraine));

  it('Ukrainian forces retake Irpin, Bucha and Hostomel; Russian forces withdraw from Borodianka', () => {
    expect(control(result)).toEqual(['irpin:ukraine<russia', 'bucha:ukraine<russia', 'hostomel:ukraine<russia', 'borodianka:ukraine<russia']);
  });

  it('the shelling of Chernihiv is a strike, not a change of control', () => {
    expect(kinds(result, 'strike')).toEqual(['chernihiv', 'chernihiv']);
    expect(result.events.features.find((f) => f.properties.kind === 'strike')!.properties.subEventType).toBe('Shelling/artillery/missile attack');
    expect(result.events.features.find((f) => f.properties.placeId === 'hostomel')!.properties.subEventType).toBe('Government regains territory');
    expect(result.places.features.find((f) => f.properties.id === 'chernihiv')!.properties.timeline).toBeUndefined();
  });

  it('"advancing on", "not planning", "the next target" change nothing', () => {
    expect(control(result).some((c) => c.startsWith('mariupol'))).toBe(false);
  });
});

describe('Syria, October 2019 (an Al Jazeera-style page, GMT clock)', () => {
  const places = syriaPlaces();
  const entries = entriesFromDatedPage(read('../../../test/fixtures/events/syria-2019-10.txt'), syriaSource, places);
  const result = extractEvents({ entries, places, sources: [syriaSource] }, loadActorRegistry(base, syria));
  const events = (place: string) => result.events.features.filter((f) => f.properties.placeId === place && f.properties.kind === 'control').map((f) => f.properties);

  it('Turkish-backed rebels take Ras al-Ayn and Suluk from the SDF; government forces take Manbij after the SDF withdraws', () => {
    expect(control(result)).toEqual(['ras-al-ayn:sna<sdf', 'suluk:sna<sdf', 'manbij:syrian-government<sdf', 'ras-al-ayn:sna<sdf']);
  });

  it('"the Syrian National Army says it has fully captured the town" is kept as a claim', () => {
    expect(events('ras-al-ayn')[0]).toMatchObject({ status: 'claimed', claimant: 'sna' });
  });

  it('shelling of Qamishli is a strike; "closing in on" and hypotheticals are not captures', () => {
    expect(kinds(result, 'strike')).toEqual(['qamishli']);
    expect(kinds(result, 'clash')).toEqual(['hasakah']);
    expect(result.events.features.some((f) => f.properties.placeId === 'kobani')).toBe(false);
  });

  it('"late on Sunday" is Sunday evening in Damascus', () => {
    expect(events('ras-al-ayn')[1]).toMatchObject({ timeStart: '2019-10-20T15:00:00Z', timeEnd: '2019-10-20T22:40:00Z' });
  });
});
