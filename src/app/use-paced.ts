/**
 * A value that follows another at most once every `stepMs`, for what re-renders, lays out and
 * repaints a large part of the page each time it changes while the clock runs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** When a paced value last changed, and to what. */
export interface Paced<T> {
  value: T;
  at: number;
}

/**
 * The paced value at `now`: `latest` if `stepMs` have passed since the last change (or pacing is
 * off, `stepMs` 0), else the value shown until then.
 * @example pace({ value: 3, at: 1000 }, 5, 1100, 250) // { value: 3, at: 1000 }: wait until 1250
 */
export function pace<T>(shown: Paced<T>, latest: T, now: number, stepMs: number): Paced<T> {
  if (Object.is(shown.value, latest) || (stepMs > 0 && now - shown.at < stepMs)) return shown;
  return { value: latest, at: now };
}

/**
 * `value`, changing at most once every `stepMs` ms, to the latest value each time (a change
 * held back is shown when the step ends); `stepMs` 0 follows `value` at once.
 * @example const count = usePaced(liveCount, playing ? 250 : 0);
 */
export function usePaced<T>(value: T, stepMs: number): T {
  const shown = useRef<Paced<T>>({ value, at: -Infinity });
  const [, wake] = useState(0);
  shown.current = pace(shown.current, value, performance.now(), stepMs);
  const held = !Object.is(shown.current.value, value);
  useEffect(() => {
    if (!held) return;
    const timer = setTimeout(() => wake((n) => n + 1), Math.max(0, stepMs - (performance.now() - shown.current.at)));
    return () => clearTimeout(timer);
  });
  return shown.current.value;
}
