import { describe, expect, it } from 'vitest';
import base from '../../../data/stories/iraq-2014-06-13/actors.json';
import ukraine from '../../../data/actors/ukraine.json';
import { makeEntry, makePlaces } from '../../../test/fixtures/events/helpers.ts';
import { loadActorRegistry } from '../events/actors.ts';
import { extractEvents } from '../events/extract-events.ts';
import type { Entry, EventProperties, Source } from '../types.ts';
import type { Corrections, Decision } from './corrections.ts';
import { eventKeys, sentenceHash } from './event-key.ts';

const registry = loadActorRegistry(base, ukraine);
const places = makePlaces([
  ['robotyne', 'Robotyne', 35.84, 47.45, 'town', [], 'Europe/Kyiv'],
  ['verbove', 'Verbove', 35.96, 47.48, 'town', [], 'Europe/Kyiv'],
  ['avdiivka', 'Avdiivka', 37.75, 48.14, 'town', [], 'Europe/Kyiv'],
]);
const sources: Source[] = [{ id: 'wire', publisher: 'Wire', timezone: 'Europe/Kyiv', date: '2023-08-28' }];
const ROBOTYNE = 'Ukrainian forces have taken Robotyne from Russian forces, the general staff said.';
const AVDIIVKA = 'Russian forces captured Avdiivka after months of fighting.';
const VERBOVE = 'Residents say Ukrainian troops entered Verbove on Tuesday morning.';

function entries(texts: [string, string][]): Entry[] {
  return texts.map(([time, text], i) => makeEntry(`wire-${i + 1}`, 'wire', time, text, places));
}
const page = entries([
  ['2023-08-28T09:00:00Z', ROBOTYNE],
  ['2023-08-28T11:30:00Z', AVDIIVKA],
  ['2023-08-28T14:00:00Z', VERBOVE],
]);

const at = '2025-03-02T09:00:00Z';
const run = (list: Entry[], decisions: Decision[], reviewedOnly = false) => {
  const corrections: Corrections = { version: 1, decisions };
  return extractEvents({ entries: list, places, sources }, registry, { corrections, reviewedOnly });
};
const baseline = run(page, []);
const byEntry = new Map(page.map((e) => [e.id, e]));
const keyAt = (place: string) => eventKeys(baseline.events.features.find((f) => f.properties.placeId === place)!.properties, byEntry)[0];
const event = (r: ReturnType<typeof run>, place: string): EventProperties | undefined => r.events.features.find((f) => f.properties.placeId === place)?.properties;
const holder = (r: ReturnType<typeof run>, place: string) => r.places.features.find((f) => f.properties.id === place)!.properties.timeline?.at(-1)?.actor;

describe('applyCorrections (through extractEvents)', () => {
  it('finds three control events, all unreviewed, without corrections', () => {
    expect(baseline.events.features.map((f) => [f.properties.placeId, f.properties.actor, f.properties.review]).sort()).toEqual([
      ['avdiivka', 'russia', 'unreviewed'],
      ['robotyne', 'ukraine', 'unreviewed'],
      ['verbove', 'ukraine', 'unreviewed'],
    ]);
  });

  it('drops a rejected event and its control change', () => {
    const r = run(page, [{ action: 'reject', event: keyAt('avdiivka'), reason: 'wrong-time', by: 'Olena', at }]);
    expect(event(r, 'avdiivka')).toBeUndefined();
    expect(holder(r, 'avdiivka')).toBeUndefined();
    expect(r.warnings.filter((w) => w.code.startsWith('correction'))).toEqual([]);
  });

  it('gives an edited event its new actor in the event, the summary and the timeline', () => {
    const r = run(page, [{ action: 'edit', event: keyAt('verbove'), set: { actor: 'russia', status: 'contested' }, by: 'Olena', at }]);
    expect(event(r, 'verbove')).toMatchObject({ actor: 'russia', review: 'edited', status: 'contested' });
    expect(event(r, 'verbove')!.summary).toMatch(/^Russian forces took Verbove/);
    expect(holder(r, 'verbove')).toBe('russia');
    expect(event(r, 'robotyne')!.review).toBe('unreviewed');
  });

  it('moves an event to another place of the story and sets its time window', () => {
    const r = run(page, [
      { action: 'edit', event: keyAt('verbove'), set: { place: 'robotyne', time: { start: '2023-08-27T20:00:00Z', end: '2023-08-28T02:00:00Z' } }, by: 'Olena', at },
    ]);
    expect(event(r, 'verbove')).toBeUndefined();
    const moved = r.events.features.map((f) => f.properties).filter((p) => p.placeId === 'robotyne');
    expect(moved.map((p) => p.review).sort()).toEqual(['edited', 'unreviewed']);
    expect(moved.find((p) => p.review === 'edited')).toMatchObject({ timeStart: '2023-08-27T20:00:00Z', timeEnd: '2023-08-28T02:00:00Z', timePrecision: 'hour' });
  });

  it('accepts an event as extracted', () => {
    const r = run(page, [{ action: 'accept', event: keyAt('robotyne'), by: 'Olena', at }]);
    expect(event(r, 'robotyne')).toMatchObject({ review: 'accepted', actor: 'ukraine' });
  });

  it('still finds its event when the entry time moved (another entry inserted above)', () => {
    const moved = entries([
      ['2023-08-28T08:00:00Z', 'Air raid sirens sounded across the capital for an hour.'],
      ['2023-08-28T09:20:00Z', ROBOTYNE],
      ['2023-08-28T11:45:00Z', AVDIIVKA],
      ['2023-08-28T14:00:00Z', VERBOVE],
    ]);
    const r = run(moved, [{ action: 'reject', event: keyAt('robotyne'), reason: 'duplicate', by: 'Olena', at }]);
    expect(event(r, 'robotyne')).toBeUndefined();
    expect(event(r, 'avdiivka')).toBeDefined();
  });

  it('warns, naming the decision and what to do, when the sentence changed', () => {
    const changed = entries([
      ['2023-08-28T09:00:00Z', 'Ukrainian forces have fully taken Robotyne from Russian forces, the general staff said.'],
      ['2023-08-28T11:30:00Z', AVDIIVKA],
    ]);
    const r = run(changed, [{ action: 'edit', event: keyAt('robotyne'), set: { actor: 'russia' }, by: 'Olena', at }]);
    expect(event(r, 'robotyne')).toMatchObject({ actor: 'ukraine', review: 'unreviewed' });
    const [w] = r.warnings.filter((x) => x.code === 'correction-unattached');
    expect(w.message).toMatch(/decisions\[0\] \(edit by Olena\)/);
    expect(w.message).toContain(keyAt('robotyne').sentence);
    expect(w.source).toBe('wire');
    expect(w.hint).toMatch(/record a new decision/);
  });

  it('reports a decision a later one on the same event replaces, and applies the later one', () => {
    const r = run(page, [
      { action: 'reject', event: keyAt('robotyne'), reason: 'not-a-change', by: 'Olena', at },
      { action: 'accept', event: keyAt('robotyne'), by: 'Marko', at },
    ]);
    expect(event(r, 'robotyne')!.review).toBe('accepted');
    expect(r.warnings.map((w) => w.code)).toContain('correction-superseded');
  });

  it('adds a missed change from its sentence, and refuses words the sentence lacks', () => {
    const evidence = { source: 'wire', time: '2023-08-28T11:30:00Z', sentence: sentenceHash(AVDIIVKA), text: 'after months of fighting' };
    const r = run(page, [{ action: 'add', kind: 'control', evidence, place: 'verbove', actor: 'russia', by: 'Olena', at }]);
    const added = r.events.features.map((f) => f.properties).find((p) => p.review === 'added')!;
    expect(added).toMatchObject({ placeId: 'verbove', actor: 'russia', entries: ['wire-2'], quotes: [AVDIIVKA] });
    const missing = run(page, [{ action: 'add', kind: 'control', evidence: { ...evidence, text: 'after weeks of shelling' }, place: 'verbove', actor: 'russia', by: 'Olena', at }]);
    expect(missing.events.features.some((f) => f.properties.review === 'added')).toBe(false);
    expect(missing.warnings.find((w) => w.code === 'correction-unattached')!.message).toMatch(/selected words "after weeks of shelling"/);
  });

  it('warns about an actor that is neither in the registry nor new, and keeps the event as it was', () => {
    const r = run(page, [{ action: 'edit', event: keyAt('robotyne'), set: { actor: 'wagner' }, by: 'Olena', at }]);
    expect(event(r, 'robotyne')).toMatchObject({ actor: 'ukraine', review: 'unreviewed' });
    expect(r.warnings.find((w) => w.code === 'correction-unattached')!.message).toMatch(/actor "wagner"/);
  });

  it('keeps only reviewed events when the story shows reviewed changes only', () => {
    const r = run(page, [{ action: 'accept', event: keyAt('avdiivka'), by: 'Olena', at }], true);
    expect(r.events.features.map((f) => f.properties.placeId)).toEqual(['avdiivka']);
    expect(holder(r, 'robotyne')).toBeUndefined();
  });
});
