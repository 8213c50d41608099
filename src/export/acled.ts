/**
 * ACLED-like rows for a story's events: the columns of ACLED's codebook that a live blog can
 * fill, with its event types and precision codes, plus what a live blog knows that ACLED rows do
 * not carry: the time and its window, the status and confidence, and each outlet's URL.
 */
import { compileControl, type CompiledControl } from '../pipeline/control/control-at.ts';
import type { Actor, EventProperties, PlaceFeature, Source, Story, TimePrecision } from '../pipeline/types.ts';
import { previousHolder, type PreviousHolder } from './holder-basis.ts';
import { storyTimes, timeFields } from './time-fields.ts';
import { readTransferEvidence } from '../pipeline/events/transfer-evidence.ts';

/** The CSV columns, in order. */
export const ACLED_COLUMNS = [
  'event_id',
  'event_date',
  /** Best estimate of when it happened, ISO UTC. */
  'event_time',
  /** The window it happened in, ISO UTC. */
  'time_start',
  'time_end',
  /** How well the time is known, the app's word: exact, about, day, week, month, year or by. */
  'time_precision_word',
  /** The time as the app writes it, `≈` when not exact and always with its year ("≈ 9–12 Jun 2014"). */
  'time_words',
  /** ACLED's code: 1 day, 2 week, 3 month. */
  'time_precision',
  'reported_at',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  /**
   * How actor2 (a change's previous holder) is known: reported, earlier-event or assumed (the
   * event's own), or stated or file when a sentence or the baseline file gives the place's holder
   * at the start.
   */
  'actor2_basis',
  /** Where actor2 comes from when the event's sentence does not name it: the sentence, the file's source, or the rule. */
  'actor2_evidence',
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

/** The previous holder of a control event as the map shows it just before the change. */
function previousHolderOf(e: EventProperties, place: PlaceFeature | undefined, control: CompiledControl): PreviousHolder | undefined {
  if (e.kind !== 'control') return undefined;
  const change = place?.properties.timeline?.find((s) => s.start && s.events.includes(e.id))?.start ?? e.time;
  return previousHolder(e, place, control.placeAt(e.placeId, Date.parse(change) - 1));
}

/**
 * The previous holder of every control event, by event id (the CSV's actor2 and the events
 * GeoJSON's `previousHolder`).
 * @example previousHolders(story).get('ev-kirkuk-control-1')?.basis // 'reported'
 */
export function previousHolders(story: Pick<Story, 'events' | 'places'>): Map<string, PreviousHolder> {
  const control = compileControl(story);
  const places = new Map(story.places.features.map((f) => [f.properties.id, f]));
  const out = new Map<string, PreviousHolder>();
  for (const f of story.events.features) {
    const holder = previousHolderOf(f.properties, places.get(f.properties.placeId), control);
    if (holder) out.set(f.properties.id, holder);
  }
  return out;
}

/**
 * One row per event, in the story's event order.
 * @example toAcledRows(story)[0].event_type // 'Battles'
 */
export function toAcledRows(story: Story): AcledRow[] {
  const actors = new Map(story.actors.map((a) => [a.id, a]));
  const sources = new Map<string, Source>(story.sources.map((s) => [s.id, s]));
  const name = (id: string | undefined) => (id ? (actors.get(id)?.name ?? id) : '');
  const times = storyTimes(story);
  const previous = previousHolders(story);
  return story.events.features.map((f) => {
    const e = f.properties;
    const sub = subEventTypeOf(e, actors);
    const actor1 = e.actor ?? e.actors[0];
    const before = previous.get(e.id);
    const actor2 = e.kind === 'control' ? before?.actor : e.actors.find((a) => a !== actor1);
    const when = timeFields(times.events.get(e.id));
    const [lng, lat] = f.geometry.coordinates;
    const notes = [e.summary, ...e.quotes.map((q) => `"${q}"`)];
    if (e.status === 'claimed' && e.claimant) notes.push(`Claimed by ${name(e.claimant)}.`);
    if (e.status === 'contested') notes.push('Contested: other reports say otherwise.');
    if (before?.basis === 'assumed') notes.push(`Previous holder (${name(before.actor)}) assumed: no report names it.`);
    const urls = e.sources.map((s) => sources.get(s)?.url ?? '');
    return {
      event_id: e.id,
      event_date: e.time.slice(0, 10),
      event_time: e.time,
      time_start: e.timeStart,
      time_end: e.timeEnd,
      time_precision_word: when.precision,
      time_words: when.words,
      time_precision: timePrecisionCode(e.timePrecision),
      reported_at: e.reportedAt,
      event_type: eventTypeOf(sub),
      sub_event_type: sub,
      actor1: name(actor1),
      actor2: name(actor2),
      actor2_basis: before?.basis ?? '',
      actor2_evidence: before?.evidence ?? '',
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
