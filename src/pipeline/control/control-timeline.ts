/**
 * Each place's control timeline: who held it, from when, on what evidence — including what was
 * known before the story starts (the holder before the first change is that change's `from`).
 * A change that later reports contradict becomes a contested span citing both sides.
 */
import type { ControlSpan, FromBasis } from '../types.ts';
import { toIso } from '../timezone.ts';

/** What the timeline needs from a control event. */
export interface TimelineEvent {
  id: string;
  placeId: string;
  actor: string;
  from?: string;
  /** True when a report names the previous holder (otherwise it may be replaced by the timeline's). */
  fromExplicit: boolean;
  /** Best estimate of when it happened (ms). */
  time: number;
  /** Earliest report (ms). */
  reportedAt: number;
  entries: string[];
}

/** The timelines, and what building them found out about the events. */
export interface TimelineResult {
  timelines: Map<string, ControlSpan[]>;
  /** Events whose change other reports contradict. */
  contested: Set<string>;
  /** Previous holders learnt from the timeline, for events whose reports did not name one. */
  from: Map<string, string>;
  /** How each event's previous holder is known, for events that have one. */
  fromBasis: Map<string, FromBasis>;
}

/**
 * Builds control timelines from control events. `asOf` gives, per entry id, the time the entry
 * speaks for (its publication time; for a summary, the latest update of its page).
 *
 * Contested rule: a change to Y (from X) is contested when an entry that speaks for a time at or
 * after the change was reported says X took or holds the place, and that entry reports no change
 * to Y there. The span then has actor `contested` and claimants [Y, X].
 * @example buildTimelines(events, new Map([['ibtimes-1', Date.parse('2014-06-13T16:55Z')]])).timelines.get('jalawla')
 */
export function buildTimelines(events: TimelineEvent[], asOf: Map<string, number>): TimelineResult {
  const byPlace = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    if (!byPlace.has(e.placeId)) byPlace.set(e.placeId, []);
    byPlace.get(e.placeId)!.push(e);
  }
  const timelines = new Map<string, ControlSpan[]>();
  const contested = new Set<string>();
  const from = new Map<string, string>();
  const fromBasis = new Map<string, FromBasis>();
  for (const placeId of [...byPlace.keys()].sort()) {
    const list = byPlace.get(placeId)!.sort((a, b) => a.time - b.time || a.reportedAt - b.reportedAt || a.id.localeCompare(b.id));
    // Which holders each entry asserts for this place.
    const asserted = new Map<string, Set<string>>();
    for (const e of list) {
      for (const entry of e.entries) {
        if (!asserted.has(entry)) asserted.set(entry, new Set());
        asserted.get(entry)!.add(e.actor);
      }
    }
    const spans: ControlSpan[] = [];
    if (list[0].from) spans.push({ actor: list[0].from, events: [list[0].id], ...(list[0].fromExplicit ? {} : { assumed: true }) });
    let holder = list[0].from;
    // Whether `holder` comes from an earlier event here (not from the first event's `from`).
    let known = false;
    for (const e of list) {
      if (holder && holder !== e.actor && !e.fromExplicit && e.from !== holder) from.set(e.id, holder);
      // The basis of the `from` the event ends up with: its own, or the timeline's holder.
      const fromEarlier = known && !!holder && holder !== e.actor && (from.has(e.id) || holder === e.from);
      const basis: FromBasis | undefined = e.fromExplicit ? 'reported' : fromEarlier ? 'earlier-event' : e.from ? 'assumed' : undefined;
      if (basis) fromBasis.set(e.id, basis);
      known = true;
      const previous = e.fromExplicit ? e.from : (holder ?? e.from);
      const against = previous
        ? list.find(
            (a) =>
              a !== e &&
              a.actor === previous &&
              a.entries.some((entry) => (asOf.get(entry) ?? -Infinity) >= e.reportedAt && !asserted.get(entry)!.has(e.actor)),
          )
        : undefined;
      const start = toIso(e.time);
      const last = spans[spans.length - 1];
      if (against && previous) {
        contested.add(e.id);
        spans.push({ actor: 'contested', claimants: [e.actor, previous], start, events: [e.id, against.id] });
        holder = e.actor;
        continue;
      }
      if (last && last.actor === e.actor) {
        if (!last.events.includes(e.id)) last.events.push(e.id);
      } else {
        spans.push({ actor: e.actor, start, events: [e.id] });
      }
      holder = e.actor;
    }
    timelines.set(placeId, spans);
  }
  return { timelines, contested, from, fromBasis };
}
