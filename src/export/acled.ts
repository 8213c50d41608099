/**
 * ACLED-like rows for a story's events: the columns of ACLED's codebook that a live blog can
 * fill, with its event types and precision codes.
 */
import type { Actor, EventProperties, Source, Story, TimePrecision } from '../pipeline/types.ts';

/** The CSV columns, in order. */
export const ACLED_COLUMNS = [
  'event_id',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
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

/** Sub-event type of an event, falling back on its kind for stories written before events carried one. */
export function subEventTypeOf(e: EventProperties, actors: Map<string, Actor>): string {
  if (e.subEventType) return e.subEventType;
  if (e.kind === 'control') return actors.get(e.actor ?? '')?.kind === 'state' ? 'Government regains territory' : 'Non-state actor overtakes territory';
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
    return {
      event_id: e.id,
      event_date: e.time.slice(0, 10),
      time_precision: timePrecisionCode(e.timePrecision),
      event_type: eventTypeOf(sub),
      sub_event_type: sub,
      actor1: name(actor1),
      actor2: name(actor2),
      location: e.place,
      latitude: lat.toFixed(5),
      longitude: lng.toFixed(5),
      geo_precision: String(e.placePrecision),
      source: e.sources.map((s) => sources.get(s)?.publisher ?? s).join('; '),
      notes: notes.join(' '),
    };
  });
}
