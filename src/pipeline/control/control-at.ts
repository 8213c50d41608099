/**
 * Who holds every place at any instant, fast enough for every frame of the time slider:
 * compile the places' timelines once, then `at(t)` is a binary search per place that returns
 * shared, precomputed state objects (no allocation but the result map).
 */
import type { BaselineBasis, ControlSpan, Story } from '../types.ts';

/** Control of one place at one moment. */
export interface PlaceControl {
  /** Actor id, or `contested` / `unknown`. */
  actor: string;
  contested: boolean;
  /** Actors claiming the place when contested (the new claimant first). */
  claimants: string[];
  /** Event ids behind the current span. */
  events: string[];
  /** Start of the current span in ms, or null when held since before the story's knowledge. */
  since: number | null;
  /**
   * How the holder is known when no change has been reported yet: the place's baseline basis
   * (`stated`, `implied`, `file`, `assumed`; its evidence is the place's `baseline`). Null for a
   * holder a reported change gives, and for unknown places.
   */
  basis: BaselineBasis | null;
}

export interface CompiledControl {
  /** Control of every place with a timeline at `time` (ms since epoch or ISO text), keyed by place id. */
  at(time: number | string): Map<string, PlaceControl>;
  /** Control of one place at `time`, without building a map. */
  placeAt(placeId: string, time: number | string): PlaceControl;
}

const UNKNOWN: PlaceControl = Object.freeze({ actor: 'unknown', contested: false, claimants: [], events: [], since: null, basis: null }) as PlaceControl;

interface CompiledPlace {
  id: string;
  starts: Float64Array;
  states: PlaceControl[];
}

const toMs = (time: number | string): number => {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (Number.isNaN(ms)) throw new TypeError(`invalid time: ${String(time)}`);
  return ms;
};

/** State at `t`: the last span starting at or before `t` (binary search). */
function stateAt(p: CompiledPlace, t: number): PlaceControl {
  let lo = 0;
  let hi = p.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.starts[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found < 0 ? UNKNOWN : p.states[found];
}

/**
 * Precompiles control state from the places' timelines and baselines (the holder before the first
 * change, with its basis). Places with neither are left out of `at()` (they have no known
 * controller); `placeAt` answers `unknown` for them.
 * @example
 * const control = compileControl(story);
 * control.at('2022-04-02T12:00:00Z').get('hostomel')?.actor // 'ukraine'
 */
export function compileControl(story: Pick<Story, 'places'>): CompiledControl {
  const places: CompiledPlace[] = [];
  const byId = new Map<string, CompiledPlace>();
  for (const f of story.places.features) {
    const { timeline = [], baseline } = f.properties;
    if (!timeline.length && !baseline) continue;
    let ordered: ControlSpan[] = [...timeline];
    if (baseline) {
      // The holder before the first reported change is the baseline's: it replaces the span of
      // the first change's previous holder, or goes before a first span that has a start.
      const start: ControlSpan = { actor: baseline.actor, events: baseline.events ?? [] };
      ordered = ordered[0] && !ordered[0].start ? [{ ...start, events: ordered[0].events }, ...ordered.slice(1)] : [start, ...ordered];
    }
    const spans = ordered
      .map((s, i) => ({ s, i, start: s.start ? Date.parse(s.start) : -Infinity }))
      .sort((a, b) => a.start - b.start || a.i - b.i);
    const place: CompiledPlace = {
      id: f.properties.id,
      starts: Float64Array.from(spans.map((x) => x.start)),
      states: spans.map(({ s, start }) =>
        Object.freeze({
          actor: s.actor,
          contested: s.actor === 'contested',
          claimants: s.claimants ?? [],
          events: s.events,
          since: Number.isFinite(start) ? start : null,
          basis: baseline && !Number.isFinite(start) ? baseline.basis : null,
        }),
      ),
    };
    places.push(place);
    byId.set(place.id, place);
  }
  return {
    at(time) {
      const t = toMs(time);
      const out = new Map<string, PlaceControl>();
      for (const p of places) out.set(p.id, stateAt(p, t));
      return out;
    },
    placeAt(placeId, time) {
      const p = byId.get(placeId);
      return p ? stateAt(p, toMs(time)) : UNKNOWN;
    },
  };
}

const cache = new WeakMap<object, CompiledControl>();

/**
 * Every place's control at an instant. Compiles once per `story.places` object and caches it, so
 * calling it on every slider frame costs one binary search per place.
 * @example controlAt(story, '2014-06-13T16:00:00Z').get('jalawla') // { actor: 'kurdish-forces', … }
 */
export function controlAt(story: Pick<Story, 'places'>, time: number | string): Map<string, PlaceControl> {
  let compiled = cache.get(story.places);
  if (!compiled) {
    compiled = compileControl(story);
    cache.set(story.places, compiled);
  }
  return compiled.at(time);
}
