import { describe, expect, it } from 'vitest';
import { loadManifest } from '../cli/load-story-input.ts';
import { runIngest } from '../cli/run-ingest.ts';
import { parseCorrections } from '../pipeline/review/corrections.ts';
import { sentenceHash } from '../pipeline/review/event-key.ts';
import type { Entry, Story } from '../pipeline/types.ts';
import { buildQueue, correctionsText, decisionFor, prefillAdd, withDecision } from './review-queue.ts';

const entry: Entry = {
  id: 'kyiv-3', source: 'kyiv', time: '2022-03-04T10:00:00Z', timeEstimated: false, kind: 'report',
  text: 'Shelling went on overnight. Russian forces have seized the town of Vorzel, officials said.',
  mentions: [{ start: 68, end: 74, text: 'Vorzel', placeId: 'vorzel' }],
};
const story = {
  id: 'test', entries: [entry], actors: [{ id: 'russia', name: 'Russian forces', short: 'RU', color: '#c33' }],
  events: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [30, 50] },
    properties: { id: 'ev-vorzel-control-1', kind: 'control', placeId: 'vorzel', entries: ['kyiv-3'], quotes: ['Russian forces have seized the town of Vorzel, officials said.'] } }] },
} as unknown as Story;
const by = { by: 'Ana', at: '2025-03-02T10:00:00Z' };

describe('review queue', () => {
  it('keys each event by its first evidence sentence, as ingest matches it', () => {
    const [item] = buildQueue(story);
    expect(item.key).toEqual({ source: 'kyiv', time: entry.time, sentence: sentenceHash(item.event.quotes[0]), place: 'vorzel', kind: 'control' });
  });

  it('keeps one decision per event: a later one replaces the earlier', () => {
    const [{ key }] = buildQueue(story);
    let decisions = withDecision([], { ...by, action: 'accept', event: key });
    decisions = withDecision(decisions, { ...by, action: 'reject', event: { ...key, time: '2022-03-04T11:00:00Z' }, reason: 'duplicate' });
    expect(decisions).toHaveLength(1);
    expect(decisionFor(decisions, key)?.action).toBe('reject');
  });

  it('writes a file the corrections parser reads back unchanged, and refuses one it would not', () => {
    const [{ key }] = buildQueue(story);
    const decisions = withDecision([], { ...by, action: 'edit', event: key, set: { actor: { name: 'Wagner Group' } } });
    expect(parseCorrections(correctionsText('test', decisions), 'c.json', 'test').decisions).toEqual(decisions);
    expect(() => correctionsText('test', [{ ...by, action: 'reject', event: key, reason: 'other' }])).toThrow(/needs a note/);
  });

  it('prefills a missed change from a selection: its sentence, the place under it, the actor named, the entry time', () => {
    const start = entry.text.indexOf('seized');
    const prefill = prefillAdd(story, entry, start, start + 'seized the town of Vorzel'.length)!;
    expect(prefill.sentence).toBe('Russian forces have seized the town of Vorzel, officials said.');
    expect(prefill).toMatchObject({ text: 'seized the town of Vorzel', place: 'vorzel', actor: 'russia', time: { start: '2022-03-03T10:00:00Z', end: entry.time } });
    expect(prefillAdd(story, entry, 3, 3)).toBeNull();
  });

  it('queues every event of the default story', async () => {
    // built here, as build:stories would: unit tests run before any build
    const { story: built } = await runIngest(await loadManifest('data/stories/iraq-2014-06-13/story.json'));
    expect(built.events.features.length).toBeGreaterThan(10);
    expect(buildQueue(built)).toHaveLength(built.events.features.length);
  }, 60_000);
});
