/**
 * Advances time while `playing`: through the story at `speed` story minutes per real second (or
 * by day, `day-pace.ts`), through the prelude before it (months, maybe) one step at a time, never
 * as empty minutes, and through one day only when the reader zoomed on it.
 */
import { advanceByDay, DAY_PACE, ZOOMED_DAY_PACE } from './day-pace.ts';
import type { AppStore } from './store.ts';
import { dayStart, DAY_MS } from './story-days.ts';
import type { StoryModel } from './story-model.ts';

/** Story minutes per real second, or `'day'`: each day in a few seconds, slow around its changes. */
export type Speed = number | 'day';

/** Real time each step of the prelude stays on screen while playing. */
export const PRELUDE_STEP_MS = 800;

/** Where playback is after `dt` more real milliseconds. */
export interface PlaybackMove {
  time: number;
  /** Real ms spent on the current prelude step (0 once in the story). */
  held: number;
  /** True when the end of the story is reached. */
  done: boolean;
}

/**
 * Where playback stops: the story's end, or the end of the day the reader zoomed on.
 * @example playbackEnd(model, '2023-06-03') === Date.UTC(2023, 5, 4) // true (the story goes on)
 */
export function playbackEnd(model: StoryModel, zoomDay: string | null = null): number {
  const day = zoomDay ? dayStart(zoomDay) : NaN;
  return Number.isFinite(day) ? Math.min(model.end, day + DAY_MS) : model.end;
}

/**
 * One step of playback. Before the story's start, time holds each prelude step for
 * `PRELUDE_STEP_MS`, then jumps to the next (the last jump lands on the story's start); within
 * the story it moves `dt × speed` story minutes per second, or by day (`advanceByDay`, slower on
 * a zoomed day), and stops at `playbackEnd`.
 * @example nextPlaybackTime(model, model.start, 1000, 30, 0).time - model.start // 1_800_000
 */
export function nextPlaybackTime(
  model: StoryModel,
  time: number,
  dt: number,
  speed: Speed,
  held: number,
  options: { zoomDay?: string | null } = {},
): PlaybackMove {
  if (time < model.start) {
    if (held + dt < PRELUDE_STEP_MS) return { time, held: held + dt, done: false };
    return { time: model.prelude.find((t) => t > time) ?? model.start, held: 0, done: false };
  }
  const zoomDay = options.zoomDay ?? null;
  const stop = playbackEnd(model, zoomDay);
  const next = speed === 'day' ? advanceByDay(model, time, dt, zoomDay ? ZOOMED_DAY_PACE : DAY_PACE) : time + dt * speed * 60;
  return next >= stop ? { time: stop, held: 0, done: true } : { time: next, held: 0, done: false };
}

/** @returns a function that stops the loop and unsubscribes. */
export function startPlayback(store: AppStore): () => void {
  let frame = 0;
  let last = 0;
  let held = 0;
  const tick = (now: number) => {
    const s = store.getState();
    if (!s.playing || !s.model) return;
    // A frame's timestamp is when the frame began, which can precede the `performance.now()`
    // taken when Play was pressed: time must not step back (before the story's first entry).
    const dt = Math.max(0, Math.min(250, now - last));
    last = now;
    const move = nextPlaybackTime(s.model, s.time, dt, s.speed, held, { zoomDay: s.zoomDay });
    held = move.held;
    if (move.done) {
      s.setTime(move.time);
      s.pause();
      return;
    }
    if (move.time !== s.time) s.advance(move.time);
    frame = requestAnimationFrame(tick);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing) {
      last = performance.now();
      held = 0;
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
