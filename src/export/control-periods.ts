/**
 * Periods of control: who held each place from one change to the next, read off the story's
 * control timelines and baselines through `compileControl` (the same answers the map gives at any
 * instant), each with how its holder is known and when it began and ended in words.
 */
import { compileControl } from '../pipeline/control/control-at.ts';
import { toIso } from '../pipeline/timezone.ts';
import type { Story } from '../pipeline/types.ts';
import type { When } from '../state/time-words.ts';
import { holderBasis, holderEvidence, type HolderBasis } from './holder-basis.ts';
import { storyTimes } from './time-fields.ts';

export { holderBasis, type HolderBasis } from './holder-basis.ts';

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
  /** When the change that began the period happened, with its precision (null with `start`). */
  startWhen: When | null;
  /** When the change that ended it happened (null with `end`). */
  endWhen: When | null;
  /** `reported`, or the baseline's `stated`, `implied`, `file`, `assumed` for the holder at the start. */
  basis: HolderBasis;
  /** Where the holder comes from: the sentence, the baseline file's source, or the rule. */
  evidence: string;
  /** Event ids behind the period. */
  events: string[];
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? toIso(ms) : null);

/**
 * Every period of control of every place with a timeline or a baseline holder, places in story
 * order, periods in time order. Back-to-back spans with the same holder are one period.
 * @example controlPeriods(story).filter((p) => p.placeId === 'kirkuk').map((p) => [p.actor, p.basis, p.start])
 */
export function controlPeriods(story: Pick<Story, 'places' | 'events' | 'sources'>): ControlPeriod[] {
  const control = compileControl(story);
  const times = storyTimes(story);
  const events = new Map(story.events.features.map((f) => [f.properties.id, f.properties]));
  const out: ControlPeriod[] = [];
  for (const place of story.places.features) {
    const { id, timeline = [], baseline } = place.properties;
    if (!timeline.length && !baseline) continue;
    const starts = [...new Set([-Infinity, ...timeline.map((s) => (s.start ? Date.parse(s.start) : -Infinity))])].sort((a, b) => a - b);
    const whenAt = (t: number) => (Number.isFinite(t) ? times.change(control.placeAt(id, t), t) : null);
    let last: ControlPeriod | undefined;
    starts.forEach((t, i) => {
      const state = control.placeAt(id, t);
      const next = starts[i + 1] ?? NaN;
      const end = iso(next);
      if (state.actor === 'unknown' && !state.events.length) return;
      if (last && last.end === iso(t) && last.actor === state.actor && last.claimants.join() === state.claimants.join()) {
        last.end = end;
        last.endWhen = whenAt(next);
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
        startWhen: whenAt(t),
        endWhen: whenAt(next),
        basis: holderBasis(place, state),
        evidence: holderEvidence(place, state, events),
        events: [...state.events],
      };
      out.push(last);
    });
  }
  return out;
}
