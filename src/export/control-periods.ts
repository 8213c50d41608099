/**
 * Periods of control: who held each place from one change to the next, read off the story's
 * control timelines through `compileControl` (the same answers the map gives at any instant).
 */
import { compileControl, type PlaceControl } from '../pipeline/control/control-at.ts';
import { toIso } from '../pipeline/timezone.ts';
import type { ControlSpan, PlaceFeature, Story } from '../pipeline/types.ts';

/**
 * How the holder of a period is known. Today: `assumed` when no report names it (the span before
 * a place's first change, filled from the actor registry), `reported` otherwise. This is the one
 * place to read a richer basis from (e.g. a baseline's stated/assumed holder).
 */
export type HolderBasis = string;

/** One place held by one actor (or contested) between two changes. */
export interface ControlPeriod {
  placeId: string;
  place: string;
  /** [lon, lat] of the place. */
  coordinates: [number, number];
  /** Actor id, or `contested`. */
  actor: string;
  /** The sides when contested (the new claimant first). */
  claimants: string[];
  /** ISO UTC start, or null when held since before the story's knowledge. */
  start: string | null;
  /** ISO UTC start of the next change, or null when still held at the end of the story. */
  end: string | null;
  basis: HolderBasis;
  /** Event ids behind the period. */
  events: string[];
}

/**
 * The basis of a place's holder as shown at some instant.
 * @example holderBasis(place, control.placeAt('mosul', t)) // 'assumed'
 */
export function holderBasis(place: PlaceFeature, control: PlaceControl): HolderBasis {
  const span: ControlSpan | undefined = place.properties.timeline?.find((s) => s.events === control.events);
  return span?.assumed ? 'assumed' : 'reported';
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? toIso(ms) : null);

/**
 * Every period of control of every place with a timeline, places in story order, periods in time
 * order. Back-to-back spans with the same holder are one period.
 * @example controlPeriods(story).filter((p) => p.placeId === 'kirkuk').map((p) => [p.actor, p.start, p.end])
 */
export function controlPeriods(story: Pick<Story, 'places'>): ControlPeriod[] {
  const control = compileControl(story);
  const out: ControlPeriod[] = [];
  for (const place of story.places.features) {
    const timeline = place.properties.timeline;
    if (!timeline?.length) continue;
    const id = place.properties.id;
    const starts = [...new Set(timeline.map((s) => (s.start ? Date.parse(s.start) : -Infinity)))].sort((a, b) => a - b);
    let last: ControlPeriod | undefined;
    starts.forEach((t, i) => {
      const state = control.placeAt(id, t);
      const end = iso(starts[i + 1] ?? NaN);
      if (state.actor === 'unknown' && !state.events.length) return;
      if (last && last.end === iso(t) && last.actor === state.actor && last.claimants.join() === state.claimants.join()) {
        last.end = end;
        last.events = [...new Set([...last.events, ...state.events])];
        return;
      }
      const [lon, lat] = place.geometry.coordinates;
      last = {
        placeId: id,
        place: place.properties.name,
        coordinates: [lon, lat],
        actor: state.actor,
        claimants: [...state.claimants],
        start: iso(t),
        end,
        basis: holderBasis(place, state),
        events: [...state.events],
      };
      out.push(last);
    });
  }
  return out;
}
