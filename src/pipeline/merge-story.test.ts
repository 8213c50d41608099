import { describe, expect, it } from 'vitest';
import { mergeStory, textHash } from './merge-story.ts';
import type { Entry, EventFeature, Story } from './types.ts';

function entry(id: string, time: string, text: string): Entry {
  return { id, source: 'wire', time, timeEstimated: false, kind: 'report', text, mentions: [] };
}

function event(id: string, placeId: string, entries: string[]): EventFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [46.5, 39.5] },
    properties: {
      id, kind: 'control', placeId, place: placeId, actors: [], time: '', timeStart: '', timeEnd: '', timePrecision: 'hour',
      placePrecision: 1, reportedAt: '', entries, sources: ['wire'], status: 'reported', confidence: 0.5, summary: '', quotes: [],
    },
  };
}

function story(entries: Entry[], events: EventFeature[]): Story {
  const places = [...new Set(events.map((e) => e.properties.placeId))].map((id) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [46.5, 39.5] },
    properties: {
      id, name: id, altNames: [], country: 'AZ', kind: 'town' as const, precision: 'exact' as const, role: 'theatre' as const, origin: 'test', mentionCount: 1,
      timeline: [{ actor: 'a', events: events.filter((e) => e.properties.placeId === id).map((e) => e.properties.id) }],
    },
  }));
  return { version: 1, id: 's', title: 's', sources: [], entries, places: { type: 'FeatureCollection', features: places }, events: { type: 'FeatureCollection', features: events }, actors: [], span: { start: '', end: '' }, warnings: [] };
}

describe('mergeStory', () => {
  it('gives entries renumbered by a newer page their old ids, and new entries unused ones', () => {
    const before = story([entry('wire-2', '2020-10-09T09:00:00Z', 'first'), entry('wire-1', '2020-10-09T10:00:00Z', 'second')], []);
    // The page gained a post on top: the pipeline numbers every entry one further.
    const after = story([entry('wire-3', '2020-10-09T09:00:00Z', 'first'), entry('wire-2', '2020-10-09T10:00:00Z', 'second'), entry('wire-1', '2020-10-09T11:00:00Z', 'third')], []);
    const { story: merged, changes } = mergeStory(before, after);
    expect(merged.entries.map((e) => e.id)).toEqual(['wire-2', 'wire-1', 'wire-3']);
    expect(changes.addedEntries).toEqual(['wire-3']);
  });

  it('keeps the id of an entry edited in place (same printed time, new words)', () => {
    const before = story([entry('wire-1', '2020-10-09T09:00:00Z', 'talks begin')], []);
    const after = story([entry('wire-2', '2020-10-09T09:00:00Z', 'talks begin in Moscow'), entry('wire-1', '2020-10-09T10:00:00Z', 'new')], []);
    const { story: merged, changes } = mergeStory(before, after);
    expect(merged.entries[0]).toMatchObject({ id: 'wire-1', text: 'talks begin in Moscow' });
    expect(changes.editedEntries).toEqual(['wire-1']);
    expect(changes.addedEntries).toEqual(['wire-2']);
  });

  it("follows a post by the page's own id, even when its time was corrected", () => {
    const before = story([{ ...entry('wire-1', '2020-10-09T09:00:00Z', 'talks begin'), updateId: 'post-7' }], []);
    const after = story([{ ...entry('wire-2', '2020-10-09T09:30:00Z', 'talks began at 9.30'), updateId: 'post-7' }, { ...entry('wire-1', '2020-10-09T09:00:00Z', 'talks begin'), updateId: 'post-8' }], []);
    const { story: merged, changes } = mergeStory(before, after);
    expect(merged.entries.map((e) => [e.id, e.updateId])).toEqual([['wire-1', 'post-7'], ['wire-2', 'post-8']]);
    expect(changes.editedEntries).toEqual(['wire-1']);
    expect(changes.addedEntries).toEqual(['wire-2']);
  });

  it('keeps an event id when an earlier change at the same place is reported later, and renames the references', () => {
    const before = story([entry('wire-1', '2020-10-09T12:00:00Z', 'town taken')], [event('ev-town-control-1', 'town', ['wire-1'])]);
    // A late post reports an earlier change at the same town: counted in time order it is now number 1.
    const after = story(
      [entry('wire-1', '2020-10-09T13:00:00Z', 'town was lost in the morning'), entry('wire-2', '2020-10-09T12:00:00Z', 'town taken')],
      [event('ev-town-control-1', 'town', ['wire-1']), event('ev-town-control-2', 'town', ['wire-2'])],
    );
    const { story: merged, changes } = mergeStory(before, after);
    const ids = merged.events.features.map((f) => [f.properties.id, f.properties.entries]);
    expect(ids).toEqual([['ev-town-control-2', ['wire-2']], ['ev-town-control-1', ['wire-1']]]);
    expect(merged.places.features[0].properties.timeline![0].events).toEqual(['ev-town-control-2', 'ev-town-control-1']);
    expect(changes.addedEvents).toEqual(['ev-town-control-2']);
  });

  it('counts everything as added without a previous story', () => {
    const only = story([entry('wire-1', '2020-10-09T12:00:00Z', 'x')], []);
    expect(mergeStory(undefined, only)).toEqual({ story: only, changes: { addedEntries: ['wire-1'], editedEntries: [], removedEntries: [], addedEvents: [], removedEvents: [] } });
  });

  it('hashes texts regardless of case and spacing', () => {
    expect(textHash('Talks  begin\n')).toBe(textHash('talks begin'));
    expect(textHash('talks begin')).not.toBe(textHash('talks began'));
  });
});
