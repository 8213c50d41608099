/**
 * Who holds each place at a given time, derived from `places[].properties.timeline`.
 * Adapter until the pipeline's shared `controlAt` exists: swap `compileControl` for it.
 */
import type { Story } from '../pipeline/types.ts';

/** Control of one place at one moment. */
export interface PlaceControl {
  /** Actor id, or `contested` / `unknown`. */
  actor: string;
  contested: boolean;
  /** Actors claiming the place when contested. */
  claimants: string[];
  /** Event ids behind the current span. */
  events: string[];
  /** Start of the current span in ms, or null when held since before the story. */
  since: number | null;
}

export interface CompiledControl {
  /** Control of every place at `time` (ms since epoch), keyed by place id. */
  at(time: number): Map<string, PlaceControl>;
}

const UNKNOWN: PlaceControl = { actor: 'unknown', contested: false, claimants: [], events: [], since: null };

/**
 * Pre-sorts each place's timeline so `at(t)` is a short scan per place.
 * @example compileControl(story).at(Date.parse('2014-06-13T12:00Z')).get('jalawla')?.actor
 */
export function compileControl(story: Story): CompiledControl {
  const places = story.places.features.map((f) => {
    const spans = (f.properties.timeline ?? []).map((s) => {
      const contested = s.actor === 'contested' || (s.claimants?.length ?? 0) > 0;
      return {
        start: s.start ? Date.parse(s.start) : -Infinity,
        control: {
          actor: s.actor,
          contested,
          claimants: s.claimants ?? [],
          events: s.events,
          since: s.start ? Date.parse(s.start) : null,
        } satisfies PlaceControl,
      };
    });
    spans.sort((a, b) => a.start - b.start);
    return { id: f.properties.id, spans };
  });
  return {
    at(time) {
      const out = new Map<string, PlaceControl>();
      for (const p of places) {
        let current = UNKNOWN;
        for (const s of p.spans) {
          if (s.start <= time) current = s.control;
          else break;
        }
        out.set(p.id, current);
      }
      return out;
    },
  };
}
