/**
 * Keeps the URL and the store in step: `?story=…&t=…&place=…&view=lat,lng,zoom&areas=1`.
 * Discrete actions push a history entry; scrubbing, playing and panning replace it.
 */
import type { AppState, AppStore } from './store.ts';
import type { Camera } from './view-slice.ts';

export interface UrlState {
  story: string | null;
  time: number | null;
  place: string | null;
  camera: Camera | null;
  areas: boolean;
  /** `?present` opens the presentation (the embed is fixed at load and never synced). */
  present: boolean;
}

/** Parses a query string into the state it describes; unknown or malformed parts are ignored. */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const t = q.get('t');
  const time = t ? Date.parse(t) : NaN;
  const view = (q.get('view') ?? '').split(',').map(Number);
  // Out-of-range views are clamped to the world; times are clamped to the story when it loads.
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  const camera =
    view.length === 3 && view.every(Number.isFinite)
      ? { center: [clamp(view[1], -180, 180), clamp(view[0], -85, 85)] as [number, number], zoom: clamp(view[2], 0, 20) }
      : null;
  return {
    story: q.get('story'),
    time: Number.isFinite(time) ? time : null,
    place: q.get('place'),
    camera,
    areas: q.get('areas') === '1',
    present: q.has('present'),
  };
}

/** Formats the state as a query string (minute precision for time). */
export function formatUrlState(s: AppState): string {
  const q = new URLSearchParams();
  if (s.storyId) q.set('story', s.storyId);
  if (s.model) q.set('t', new Date(s.time).toISOString().slice(0, 16) + 'Z');
  if (s.placeId) q.set('place', s.placeId);
  if (s.camera) {
    const [lng, lat] = s.camera.center;
    q.set('view', `${lat.toFixed(4)},${lng.toFixed(4)},${s.camera.zoom.toFixed(2)}`);
  }
  if (s.showAreas) q.set('areas', '1');
  if (s.mode === 'present') q.set('present', '1');
  return '?' + q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Applies a parsed URL to the store, loading another story if needed. */
export async function applyUrlState(store: AppStore, url: UrlState, fallbackStory: string): Promise<void> {
  const s = store.getState();
  const storyId = url.story ?? fallbackStory;
  s.setCamera(url.camera);
  s.setView({ showAreas: url.areas });
  if (s.mode !== 'embed') s.setMode(url.present ? 'present' : 'app');
  s.pause();
  if (s.storyId !== storyId || !s.model) await s.loadStory(storyId, { time: url.time });
  else if (url.time !== null) s.setTime(url.time);
  else s.setTime(s.model.end);
  // A place the story does not have is ignored (it would otherwise filter every entry out).
  const place = url.place && store.getState().model?.placeById.has(url.place) ? url.place : null;
  s.selectPlace(place);
  s.setFilters({ place: place ?? '' });
}

/**
 * Writes store changes to the URL and applies back/forward navigation to the store.
 * @returns a function that stops syncing.
 */
export function syncUrl(store: AppStore, fallbackStory: string): () => void {
  let applying = false;
  let timer = 0;
  const write = (push: boolean) => {
    const next = formatUrlState(store.getState());
    if (next === location.search) return;
    if (push) history.pushState(null, '', next);
    else history.replaceState(null, '', next);
  };
  const unsubscribe = store.subscribe((s, p) => {
    if (applying || s.status !== 'ready') return;
    const discrete =
      s.storyId !== p.storyId || s.placeId !== p.placeId || s.showAreas !== p.showAreas || s.focusRequest !== p.focusRequest || s.mode !== p.mode;
    if (discrete) {
      // Settle the pending replace with the state before this action, so Back returns to it.
      if (timer) history.replaceState(null, '', formatUrlState(p));
      clearTimeout(timer);
      timer = 0;
      write(p.status === 'ready');
    } else if (s.time !== p.time || s.camera !== p.camera) {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        timer = 0;
        write(false);
      }, 300);
    }
  });
  const onPop = async () => {
    applying = true;
    try {
      await applyUrlState(store, parseUrlState(location.search), fallbackStory);
    } finally {
      applying = false;
    }
  };
  window.addEventListener('popstate', onPop);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
