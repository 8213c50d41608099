/**
 * The stable key of an event's evidence: the outlet, the entry's time and a hash of the sentence,
 * never array positions or generated ids, so an editor's decision still finds its event after the
 * texts are read again (an entry inserted above shifts every `bbc-12`, not the sentence's hash).
 * Pure and dependency-free (FNV-1a), so the browser computes the same keys as the CLI.
 */
import type { Entry, EventKind, EventProperties } from '../types.ts';

/** Where a decision points: one evidence sentence of an event, and optionally its place and kind. */
export interface EventKey {
  /** Source id, e.g. `bbc`. */
  source: string;
  /** The entry's time (ISO UTC), as the story gives it; only breaks ties between equal sentences. */
  time: string;
  /** `sentenceHash` of the evidence sentence. */
  sentence: string;
  /** The event's place id, when one sentence reports events at several places. */
  place?: string;
  /** The event's kind, when one sentence reports several kinds at one place. */
  kind?: EventKind;
}

/**
 * The sentence as its hash sees it: Unicode NFKC, curly quotes and dashes made plain, lower case,
 * whitespace collapsed, so a re-typeset page (non-breaking spaces, ’ for ') keeps its hashes.
 * @example normaliseSentence('  ISIS  took\u00a0“Mosul” ') // 'isis took "mosul"'
 */
export function normaliseSentence(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * 32-bit FNV-1a over the UTF-16 code units of a string, as 8 hex digits.
 * @example fnv1a('') // '811c9dc5'
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The hash a decision records for a sentence.
 * @example sentenceHash('Kurdish Peshmerga fighters have taken over Jalawla.') === sentenceHash('kurdish  peshmerga fighters have taken over Jalawla.')
 */
export function sentenceHash(sentence: string): string {
  return fnv1a(normaliseSentence(sentence));
}

/**
 * One line for messages: `bbc 2014-06-13T14:50:00Z #1a2b3c4d at fallujah (control)`.
 * @example formatKey({ source: 'bbc', time: '2014-06-13T14:50:00Z', sentence: '1a2b3c4d' })
 */
export function formatKey(key: EventKey): string {
  return `${key.source} ${key.time} #${key.sentence}${key.place ? ` at ${key.place}` : ''}${key.kind ? ` (${key.kind})` : ''}`;
}

/**
 * The keys of an event: one per evidence sentence (in `entries` order), each with the event's place
 * and kind. A review tool records the first; a decision matches an event through any of them.
 * @param entries the story's entries by id
 * @example eventKeys(story.events.features[0].properties, new Map(story.entries.map((e) => [e.id, e])))[0]
 */
export function eventKeys(event: Pick<EventProperties, 'entries' | 'quotes' | 'placeId' | 'kind'>, entries: Map<string, Pick<Entry, 'source' | 'time'>>): EventKey[] {
  return event.entries.flatMap((id, i) => {
    const entry = entries.get(id);
    const quote = event.quotes[i];
    return entry && quote !== undefined ? [{ source: entry.source, time: entry.time, sentence: sentenceHash(quote), place: event.placeId, kind: event.kind }] : [];
  });
}
