/**
 * Preact hook reading the store through a selector; re-renders only when the selected value
 * changes (by `Object.is`, or `shallow` for derived arrays and objects), and with `paceMs` at
 * most once every `paceMs` ms (a change held back re-renders when the step ends).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { shallow } from 'zustand/vanilla/shallow';
import { store, type AppState } from './store.ts';

/**
 * How long a change must wait before it re-renders: 0 at once, else the rest of the step that
 * began with the last re-render (`pacedAt`) for pacing `paceMs` (0: no pacing).
 * @example waitFor(1000, 1100, 250) // 150
 */
export function waitFor(pacedAt: number, now: number, paceMs: number): number {
  return paceMs > 0 ? Math.max(0, paceMs - (now - pacedAt)) : 0;
}

/**
 * @example const count = useStore((s) => countEntriesAt(s.model, s.time), { paceMs: playing ? 250 : 0 });
 */
export function useStore<T>(selector: (s: AppState) => T, options: { shallow?: boolean; paceMs?: number } = {}): T {
  const [, force] = useState(0);
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  const value = selector(store.getState());
  const valueRef = useRef(value);
  const paced = useRef({ at: -Infinity, ms: 0 });
  if (!Object.is(valueRef.current, value)) paced.current.at = performance.now();
  valueRef.current = value;
  paced.current.ms = options.paceMs ?? 0;
  useEffect(() => {
    const equal = options.shallow ? shallow : Object.is;
    let timer = 0;
    const check = (state: AppState) => {
      const next = selectorRef.current(state);
      if (equal(next, valueRef.current)) return;
      const wait = waitFor(paced.current.at, performance.now(), paced.current.ms);
      if (wait === 0) force((n) => n + 1);
      else if (!timer) {
        timer = window.setTimeout(() => {
          timer = 0;
          check(store.getState());
        }, wait);
      }
    };
    const unsubscribe = store.subscribe(check);
    // The store may have changed between this render and the subscription (a URL applied
    // while the component mounted): catch up, as useSyncExternalStore does.
    check(store.getState());
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [options.shallow]);
  return value;
}
