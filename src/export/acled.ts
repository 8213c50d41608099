/**
 * ACLED-like rows for a story's events: the columns of ACLED's codebook that a live blog can
 * fill, with its event types and precision codes, plus what a live blog knows that ACLED rows do
 * not carry: the time and its window, the status and confidence, and each outlet's URL.
 */
import type { Actor, EventProperties, Source, Story, TimePrecision } from '../pipeline/types.ts';
import { readTransferEvidence } from './transfer-evidence.ts';

/** The CSV columns, in order. */
export const ACLED_COLUMNS = [
  'event_id',
  'event_date',
  /** Best estimate of when it happened, ISO UTC. */
  'event_time',
  /** The window it happened in, ISO UTC. */
  'time_start',
  'time_end',
  /** The event's own precision word: minute, hour, day, week or month. */
  'time_precision_word',
  /** ACLED's code: 1 day, 2 week, 3 month. */
  'time_precision',
  'reported_at',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  /** How actor2 (the previous holder) is known: reported, earlier-event or assumed. */
  'actor2_basis',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'status',
  'confidence',
  /** Whether the newsroom checked it: accepted, edited, added or unreviewed (docs/review.md). */
  'review',
  /** Outlet names, `; `-separated. */
  'source',
  /** The outlets' URLs in the same order as `source` (empty where a source has none). */
  'source_url',
  'notes',
] as const;

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string>;

/** ACLED's event type for each sub-event type it defines (the ones this pipeline emits). */
const EVENT_TYPES: Record<string, string> = {
  'Government regains territory': 'Battles',
  'Non-state actor overtakes territory': 'Battles',
  'Armed clash': 'Battles',
  'Non-violent transfer of territory': 'Strategic developments',
  'Air/drone strike': 'Explosions/Remote violence',
  'Shelling/artillery/missile attack': 'Explosions/Remote violence',
  Attack: 'Violence against civilians',
};

const NON_VIOLENT = 'Non-violent transfer of territory';

const captureType = (e: EventProperties, actors: Map<string, Actor>) =>
  actors.get(e.actor ?? '')?.kind === 'state' ? 'Government regains territory' : 'Non-state actor overtakes territory';

/**
 * Sub-event type of an event. For a change of control the event's own sentences decide between a
 * battle and a non-violent transfer: a side giving the place up ("abandoned their posts",
 * "withdrew", "without a fight") with no fighting word makes it *Non-violent transfer of
 * territory*; fighting makes a withdrawal a capture. Otherwise the pipeline's type stands (or,
 * for stories written before events carried one, the type its kind implies).
 * @example subEventTypeOf({ kind: 'control', quotes: ['Kurds took the city after troops abandoned their posts.'], … }, actors) // 'Non-violent transfer of territory'
 */
export function subEventTypeOf(e: EventProperties, actors: Map<string, Actor>): string {
  if (e.kind === 'control') {
    const coded = e.subEventType ?? captureType(e, actors);
    const { fought, givenUp } = readTransferEvidence(e.quotes);
    if (givenUp && !fought) return NON_VIOLENT;
    if (fought && coded === NON_VIOLENT) return captureType(e, actors);
    return coded;
  }
  if (e.subEventType) return e.subEventType;
  if (e.kind === 'clash') return 'Armed clash';
  if (e.kind === 'strike') return 'Shelling/artillery/missile attack';
  return 'Attack';
}

/** ACLED event type for a sub-event type (`Battles` for unknown ones, ACLED's catch-all for fighting). */
export function eventTypeOf(subEventType: string): string {
  return EVENT_TYPES[subEventType] ?? 'Battles';
}

/** ACLED time_precision: 1 the day is known, 2 a week or similar period, 3 only the month. */
export function timePrecisionCode(p: TimePrecision): '1' | '2' | '3' {
  return p === 'week' ? '2' : p === 'month' ? '3' : '1';
}

/**
 * One row per event, in the story's event order.
 * @example toAcledRows(story)[0].event_type // 'Battles'
 */
export function toAcledRows(story: Story): AcledRow[] {
  const actors = new Map(story.actors.map((a) => [a.id, a]));
  const sources = new Map<string, Source>(story.sources.map((s) => [s.id, s]));
  const name = (id: string | undefined) => (id ? (actors.get(id)?.name ?? id) : '');
  return story.events.features.map((f) => {
    const e = f.properties;
    const sub = subEventTypeOf(e, actors);
    const actor1 = e.actor ?? e.actors[0];
    const actor2 = e.kind === 'control' ? e.from : e.actors.find((a) => a !== actor1);
    const [lng, lat] = f.geometry.coordinates;
    const notes = [e.summary, ...e.quotes.map((q) => `"${q}"`)];
    if (e.status === 'claimed' && e.claimant) notes.push(`Claimed by ${name(e.claimant)}.`);
    if (e.status === 'contested') notes.push('Contested: other reports say otherwise.');
    if (e.kind === 'control' && e.from && e.fromBasis === 'assumed') notes.push(`Previous holder (${name(e.from)}) assumed: no report names it.`);
    const urls = e.sources.map((s) => sources.get(s)?.url ?? '');
    return {
      event_id: e.id,
      event_date: e.time.slice(0, 10),
      event_time: e.time,
      time_start: e.timeStart,
      time_end: e.timeEnd,
      time_precision_word: e.timePrecision,
      time_precision: timePrecisionCode(e.timePrecision),
      reported_at: e.reportedAt,
      event_type: eventTypeOf(sub),
      sub_event_type: sub,
      actor1: name(actor1),
      actor2: name(actor2),
      actor2_basis: actor2 && e.kind === 'control' ? (e.fromBasis ?? '') : '',
      location: e.place,
      latitude: lat.toFixed(5),
      longitude: lng.toFixed(5),
      geo_precision: String(e.placePrecision),
      status: e.status,
      confidence: String(e.confidence),
      review: e.review ?? 'unreviewed',
      source: e.sources.map((s) => sources.get(s)?.publisher ?? s).join('; '),
      source_url: urls.some(Boolean) ? urls.join('; ') : '',
      notes: notes.join(' '),
    };
  });
}
