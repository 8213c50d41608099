/**
 * The ripple a town makes when it changes hands: animates the `pulse` feature state 0 → 1.
 * @returns a function cancelling the animation.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function pulsePlaces(map: MapLibreMap, ids: string[], durationMs = 1600): () => void {
  let frame = 0;
  const start = performance.now();
  const step = (now: number) => {
    const p = Math.min(1, (now - start) / durationMs);
    // 0 means "no pulse" to the layer, so the last frame clears it.
    const value = p >= 1 ? 0 : Math.max(0.001, p);
    for (const id of ids) map.setFeatureState({ source: 'places', id }, { pulse: value });
    if (p < 1) frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => {
    cancelAnimationFrame(frame);
    for (const id of ids) map.setFeatureState({ source: 'places', id }, { pulse: 0 });
  };
}
