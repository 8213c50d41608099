/**
 * Preact hook reading the store through a selector; re-renders only when the selected value
 * changes (by `Object.is`, or `shallow` for derived arrays and objects).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { shallow } from 'zustand/vanilla/shallow';
import { store, type AppState } from './store.ts';

export function useStore<T>(selector: (s: AppState) => T, options: { shallow?: boolean } = {}): T {
  const [, force] = useState(0);
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  const value = selector(store.getState());
  const valueRef = useRef(value);
  valueRef.current = value;
  useEffect(() => {
    const equal = options.shallow ? shallow : Object.is;
    const check = (state: AppState) => {
      const next = selectorRef.current(state);
      if (!equal(next, valueRef.current)) force((n) => n + 1);
    };
    const unsubscribe = store.subscribe(check);
    // The store may have changed between this render and the subscription (a URL applied
    // while the component mounted): catch up, as useSyncExternalStore does.
    check(store.getState());
    return unsubscribe;
  }, [options.shallow]);
  return value;
}
