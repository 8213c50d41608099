/**
 * The ripple a town makes when it changes hands: animates the `pulse` feature state 0 → 1.
 * One animation loop serves every rippling town, and it stops when the last ripple ends, so a
 * dense story played fast does not pile up one loop (and one cancel closure) per change.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface Pulses {
  /** Starts (or restarts) the ripple of these places. */
  add: (ids: string[]) => void;
  /** Ends every ripple and the loop. */
  stop: () => void;
}

/**
 * @example const pulses = createPulses(map); pulses.add(['jalawla']); … pulses.stop();
 */
export function createPulses(map: MapLibreMap, options: { durationMs?: number } = {}): Pulses {
  const durationMs = options.durationMs ?? 1600;
  const started = new Map<string, number>();
  let frame = 0;
  const set = (id: string, pulse: number) => map.setFeatureState({ source: 'places', id }, { pulse });
  const step = (now: number) => {
    frame = 0;
    for (const [id, start] of started) {
      const p = Math.min(1, (now - start) / durationMs);
      // 0 means "no pulse" to the layer, so the last frame clears it.
      set(id, p >= 1 ? 0 : Math.max(0.001, p));
      if (p >= 1) started.delete(id);
    }
    if (started.size) frame = requestAnimationFrame(step);
  };
  return {
    add: (ids) => {
      const now = performance.now();
      for (const id of ids) started.set(id, now);
      if (!frame && started.size) frame = requestAnimationFrame(step);
    },
    stop: () => {
      cancelAnimationFrame(frame);
      frame = 0;
      for (const id of started.keys()) set(id, 0);
      started.clear();
    },
  };
}
