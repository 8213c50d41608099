/**
 * Windowing for a long list of rows of different heights inside one scrolling element: only
 * the rows within `overscanPx` of the viewport are rendered, the rest are padding. Heights
 * start as estimates, are measured with a ResizeObserver once rendered and cached per key;
 * when a row above the viewport turns out taller or shorter, the scroll position moves with it
 * so the rows in view stay still.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

export interface VirtualRowsOptions<T> {
  /** All rows that could be shown, in display order; `from`..`to` of them are shown now. */
  rows: T[];
  from: number;
  to: number;
  keyOf: (row: T) => string;
  /** Estimated height (px) of a row not yet measured, given the list's width. */
  estimate: (row: T, width: number) => number;
  /** Attribute of each row element holding its key (the rows are measured by it). */
  keyAttribute?: string;
  /** Render every row when `to - from` is at most this (short lists gain nothing). */
  minRows?: number;
  overscanPx?: number;
}

export interface VirtualRows {
  /** The scrolling element. */
  scroller: RefObject<HTMLElement | null>;
  /** Rendered rows: indexes `start`..`end` (end excluded) of `rows`. */
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
  virtual: boolean;
  /** Top (px, from the first shown row) and height of row `i`, measured or estimated. */
  top: (i: number) => number;
  height: (i: number) => number;
  /** Ref callback for each rendered row element: measures it. */
  measure: (el: Element | null) => void;
}

/** First index in `offsets[lo..hi]` whose value is greater than `y` (offsets ascend). */
function firstAbove(offsets: Float64Array, y: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the row with `key` among the rendered rows `start..end`, or -1. */
function indexOfKey<T>(rows: T[], keyOf: (row: T) => string, key: string, start: number, end: number): number {
  for (let i = Math.max(0, start); i < Math.min(rows.length, end); i++) if (keyOf(rows[i]) === key) return i;
  return -1;
}

/**
 * @example const v = useVirtualRows({ rows, from: 0, to: rows.length, keyOf: (r) => r.id, estimate: () => 80 })
 */
export function useVirtualRows<T>(options: VirtualRowsOptions<T>): VirtualRows {
  const { rows, from, to, keyOf, estimate, keyAttribute = 'data-key', minRows = 300, overscanPx = 800 } = options;
  const scroller = useRef<HTMLElement>(null);
  const heights = useRef(new Map<string, number>()).current;
  const [version, setVersion] = useState(0);
  const [, setRangeTick] = useState(0);
  const view = useRef({ top: 0, height: 800, width: 0 }).current;
  // Ratio of measured to estimated heights so far: unmeasured rows borrow it.
  const calibration = useRef({ measured: 0, estimated: 0 }).current;
  // Keys of the rows measured since the offsets were last summed.
  const measuredKeys = useRef(new Set<string>()).current;
  const virtual = to - from > minRows;

  const latest = useRef({ rows, keyOf, estimate, offsets: new Float64Array(1), from, to, start: 0, end: 0, virtual });

  // Each row's estimate, measured height (0: not yet) and position by key, built once per list and
  // width: a row measured while playing then costs one slot, not a key, a lookup and an estimate
  // for each of thousands of rows.
  const table = useMemo(() => {
    const estimated = new Float64Array(rows.length);
    const measured = new Float64Array(rows.length);
    const at = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row);
      at.set(key, i);
      estimated[i] = estimate(row, view.width);
      measured[i] = heights.get(key) ?? 0;
    });
    measuredKeys.clear();
    return { estimated, measured, at };
    // keyOf and estimate are read fresh; the list changes with `rows`.
  }, [rows, view.width]);

  const offsets = useMemo(() => {
    for (const key of measuredKeys) {
      const i = table.at.get(key);
      if (i !== undefined) table.measured[i] = heights.get(key) ?? 0;
    }
    measuredKeys.clear();
    const { estimated, measured } = table;
    const out = new Float64Array(rows.length + 1);
    const ratio = calibration.estimated > 0 ? calibration.measured / calibration.estimated : 1;
    for (let i = 0; i < rows.length; i++) out[i + 1] = out[i] + (measured[i] || estimated[i] * ratio);
    return out;
    // Heights change with `version`.
  }, [table, version]);

  const rangeFor = (top: number, height: number): [number, number] => {
    if (!virtual) return [from, to];
    const base = offsets[from];
    const start = Math.max(from, firstAbove(offsets, base + top - overscanPx, from, to + 1) - 1);
    const end = Math.min(to, firstAbove(offsets, base + top + height + overscanPx, start, to + 1));
    return [start, Math.max(start, end)];
  };
  const [start, end] = rangeFor(view.top, view.height);
  Object.assign(latest.current, { rows, keyOf, estimate, offsets, from, to, start, end, virtual });

  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((records) => {
            const l = latest.current;
            const box = scroller.current;
            let changed = false;
            // The first row at or below the top edge stays where it is on screen.
            const base = l.offsets[l.from];
            const anchor = box ? Math.max(l.from, firstAbove(l.offsets, base + box.scrollTop, l.from, l.to + 1) - 1) : -1;
            const anchorKey = anchor >= 0 && anchor < l.rows.length ? l.keyOf(l.rows[anchor]) : null;
            const anchorShift = anchor >= 0 && box ? l.offsets[anchor] - base - box.scrollTop : 0;
            for (const r of records) {
              const el = r.target as HTMLElement;
              if (el === box) {
                if (Math.abs(box.clientWidth - view.width) > 1) {
                  view.width = box.clientWidth;
                  heights.clear();
                  calibration.measured = calibration.estimated = 0;
                  changed = true;
                }
                view.height = box.clientHeight;
                continue;
              }
              if (!el.isConnected) {
                observer?.unobserve(el);
                continue;
              }
              const key = el.getAttribute(keyAttribute);
              if (!key) continue;
              const h = el.getBoundingClientRect().height;
              if (h <= 0 || heights.get(key) === h) continue;
              if (!heights.has(key)) {
                const i = indexOfKey(l.rows, l.keyOf, key, l.start, l.end);
                if (i >= 0) {
                  calibration.measured += h;
                  calibration.estimated += l.estimate(l.rows[i], view.width);
                }
              }
              heights.set(key, h);
              measuredKeys.add(key);
              changed = true;
            }
            if (changed) {
              pendingAnchor.current = anchorKey && box && box.scrollTop > 0 ? { key: anchorKey, shift: anchorShift } : null;
              setVersion((v) => v + 1);
            } else {
              setRangeTick((n) => n + 1);
            }
          }),
    [],
  );
  const pendingAnchor = useRef<{ key: string; shift: number } | null>(null);

  // Keep the anchor row where it was after heights above it changed.
  useLayoutEffect(() => {
    const a = pendingAnchor.current;
    const box = scroller.current;
    pendingAnchor.current = null;
    if (!a || !box || !virtual) return;
    const i = indexOfKey(rows, keyOf, a.key, start, end);
    if (i < 0) return;
    const want = offsets[i] - offsets[from] - a.shift;
    if (Math.abs(box.scrollTop - want) > 0.5) box.scrollTop = want;
  }, [version]);

  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    view.top = box.scrollTop;
    view.height = box.clientHeight;
    view.width = box.clientWidth;
    observer?.observe(box);
    const onScroll = () => {
      view.top = box.scrollTop;
      const l = latest.current;
      if (!l.virtual) return;
      // Re-render only when the rendered range changes, not on every scrolled pixel.
      const base = l.offsets[l.from];
      const lo = Math.max(l.from, firstAbove(l.offsets, base + view.top - overscanPx, l.from, l.to + 1) - 1);
      const hi = Math.min(l.to, firstAbove(l.offsets, base + view.top + view.height + overscanPx, lo, l.to + 1));
      if (lo !== l.start || hi !== l.end) setRangeTick((n) => n + 1);
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    setRangeTick((n) => n + 1);
    return () => {
      box.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, []);

  const measure = useMemo(
    () => (el: Element | null) => {
      if (el && observer) observer.observe(el);
    },
    [],
  );

  const base = offsets[from];
  return {
    scroller,
    start,
    end,
    padTop: offsets[start] - base,
    padBottom: offsets[to] - offsets[end],
    virtual,
    top: (i) => offsets[i] - base,
    height: (i) => offsets[i + 1] - offsets[i],
    measure,
  };
}
