/**
 * Advances time while `playing`, at `speed` story minutes per real second.
 * @returns a function that stops the loop and unsubscribes.
 */
import type { AppStore } from './store.ts';

export function startPlayback(store: AppStore): () => void {
  let frame = 0;
  let last = 0;
  const tick = (now: number) => {
    const s = store.getState();
    if (!s.playing || !s.model) return;
    const dt = Math.min(250, now - last);
    last = now;
    const next = s.time + dt * s.speed * 60;
    if (next >= s.model.end) {
      s.setTime(s.model.end);
      s.pause();
      return;
    }
    s.advance(next);
    frame = requestAnimationFrame(tick);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing) {
      last = performance.now();
      frame = requestAnimationFrame(tick);
    } else if (!s.playing && prev.playing) {
      cancelAnimationFrame(frame);
    }
  });
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
  };
}
