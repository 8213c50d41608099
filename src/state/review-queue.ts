/**
 * The review queue and the decisions an editor makes on it, built with the corrections file's own
 * types and keys (`src/pipeline/review/*`), so the file the app downloads is exactly what `ingest
 * --corrections` reads. Pure: the slice and the view call these.
 */
import { splitSentences } from '../pipeline/entries/split-sentences.ts';
import { reportWindow } from '../pipeline/events/event-time.ts';
import { CORRECTIONS_VERSION, readCorrections, type Corrections, type Decision } from '../pipeline/review/corrections.ts';
import { eventKeys, sentenceHash, type EventKey } from '../pipeline/review/event-key.ts';
import type { Entry, EventProperties, Story } from '../pipeline/types.ts';

export { decisionFor, sameKey, withDecision } from './review-decisions.ts';

/** One extracted event to check, with the key a decision on it records. */
export interface QueueItem {
  event: EventProperties;
  key: EventKey;
}

/**
 * Every extracted event that has an evidence sentence, in the story's order, with its first key.
 * Events a newsroom added (`review: added`) are not in the queue: they are decisions already.
 * @example buildQueue(story).length
 */
export function buildQueue(story: Story): QueueItem[] {
  const entries = new Map(story.entries.map((e) => [e.id, e]));
  return (story.events?.features ?? []).flatMap((f) => {
    if (f.properties.review === 'added') return [];
    const [key] = eventKeys(f.properties, entries);
    return key ? [{ event: f.properties, key }] : [];
  });
}

/**
 * The corrections file as text, checked with the parser `ingest` uses (throws `InputError` on a
 * decision it would refuse, so a bad file is never downloaded).
 * @example correctionsText('iraq-2014-06-13', decisions)
 */
export function correctionsText(storyId: string, decisions: Decision[]): string {
  const file: Corrections = { version: CORRECTIONS_VERSION, story: storyId, decisions };
  readCorrections(JSON.parse(JSON.stringify(file)), 'corrections.json', storyId);
  return JSON.stringify(file, null, 2) + '\n';
}

/** What "Add a change here" fills in from a text selection. */
export interface AddPrefill {
  entry: Entry;
  /** The sentence the selection starts in, and the selected words inside it. */
  sentence: string;
  text: string;
  /** The place mention under the selection, else the sentence's first. */
  place?: string;
  /** A story actor named in the sentence (by name or short label). */
  actor?: string;
  /** The window the pipeline gives a report without time words: up to the entry's time. */
  time: { start: string; end: string };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a selection in an entry's text (character offsets) into a missed change's first draft.
 * @returns null when the selection holds no words
 * @example prefillAdd(story, entry, 10, 24)?.place // 'mosul'
 */
export function prefillAdd(story: Story, entry: Entry, start: number, end: number): AddPrefill | null {
  const sentence = splitSentences(entry.text).find((s) => start < s.end && end > s.start) ?? null;
  if (!sentence) return null;
  const text = entry.text.slice(Math.max(start, sentence.start), Math.min(end, sentence.end)).trim();
  if (!/\w/.test(text)) return null;
  const inSentence = entry.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
  const under = inSentence.find((m) => m.start < end && m.end > start) ?? inSentence[0];
  const actor = (story.actors ?? []).find((a) =>
    [a.name, a.short].some((n) => n && new RegExp(`\\b${escapeRe(n)}\\b`, 'i').test(sentence.text)),
  );
  const window = reportWindow(Date.parse(entry.time));
  return {
    entry,
    sentence: sentence.text,
    text,
    ...(under ? { place: under.placeId } : {}),
    ...(actor ? { actor: actor.id } : {}),
    time: { start: new Date(window.start).toISOString().replace('.000Z', 'Z'), end: entry.time },
  };
}

/** The evidence reference of a prefilled selection. */
export function evidenceOf(prefill: AddPrefill): { source: string; time: string; sentence: string; text: string } {
  return { source: prefill.entry.source, time: prefill.entry.time, sentence: sentenceHash(prefill.sentence), text: prefill.text };
}
