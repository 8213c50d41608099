/**
 * The map panel: MapLibre canvas (created once per story, then driven by the store),
 * legend, place card; without WebGL, a plain table of who holds what.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { prefetchBasemap } from '../map/basemap.ts';
import { createStoryMap, hasWebgl, prewarmMap, type StoryMap } from '../map/create-map.ts';
import { prefersReducedMotion } from '../state/reduced-motion.ts';
import { store } from '../state/store.ts';
import type { StoryModel } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { ControlTable } from './ControlTable.tsx';
import { Legend } from './Legend.tsx';
import { strings } from './strings.ts';

declare global {
  interface Window {
    /** The live map, for browser tests and debugging. */
    __storyMap?: StoryMap['map'];
  }
}

const STYLE_URL: string | undefined = import.meta.env.VITE_MAP_STYLE_URL || undefined;

// The map needs the countries, its workers and the story: get the first two while the story loads.
if (typeof document !== 'undefined' && hasWebgl()) {
  prefetchBasemap();
  prewarmMap();
}

/**
 * Narrow layout (entries below the map): tapping an entry or a place named in one scrolls the
 * map back into view, where the map shows it and the place card opens.
 * @returns the unsubscribe function.
 */
function revealMapOnPhone(container: { current: HTMLDivElement | null }): () => void {
  return store.subscribe((s, p) => {
    if (s.mode !== 'app' || window.innerWidth >= 900) return;
    if (s.focusRequest === p.focusRequest && (!s.placeId || s.placeId === p.placeId)) return;
    const wrap = container.current?.parentElement;
    if (!wrap) return;
    const r = wrap.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= window.innerHeight) return;
    wrap.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  });
}

export function MapView() {
  const model = useStore((s) => s.model);
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error' | 'no-webgl'>(() =>
    hasWebgl() ? 'loading' : 'no-webgl',
  );
  // One map per story: a newer version of a live story (same id) is shown on the same map.
  const loads = useStore((s) => s.loads);
  const live = useRef<{ map: StoryMap; model: StoryModel } | null>(null);
  useEffect(() => {
    if (!model || !container.current || state === 'no-webgl') return;
    let cancelled = false;
    setState('loading');
    createStoryMap(container.current, store, model, { styleUrl: STYLE_URL }).then(
      (m) => {
        if (cancelled) return m.destroy();
        live.current = { map: m, model };
        window.__storyMap = m.map;
        // A newer version may have come while the map was being made.
        const latest = store.getState().model;
        if (latest && latest !== model) {
          m.update(latest);
          live.current.model = latest;
        }
        setState('ready');
      },
      (err) => {
        console.error(err);
        if (!cancelled) setState('error');
      },
    );
    return () => {
      cancelled = true;
      live.current?.map.destroy();
      live.current = null;
      window.__storyMap = undefined;
    };
  }, [loads]);
  useEffect(() => {
    const current = live.current;
    if (!model || !current || current.model === model) return;
    current.map.update(model);
    current.model = model;
  }, [model]);

  useEffect(() => revealMapOnPhone(container), []);
  // No map will draw: what waits for its first idle need not wait any longer.
  useEffect(() => {
    if ((state === 'error' || state === 'no-webgl') && !store.getState().mapSettled) store.getState().setView({ mapSettled: true });
  }, [state]);

  if (state === 'no-webgl' || state === 'error') {
    return (
      <div class="map-fallback">
        <p class="notice" role="status">
          {state === 'no-webgl' ? strings.noWebgl : strings.mapError}
        </p>
        <ControlTable />
      </div>
    );
  }
  return (
    <div class="map-wrap">
      <div ref={container} class="map" data-state={state} />
      {state === 'loading' ? <div class="map-loading">{strings.loadingMap}</div> : null}
      <Legend />
    </div>
  );
}
