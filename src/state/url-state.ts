/**
 * Keeps the URL and the store in step:
 * `?story=…&t=…&day=YYYY-MM-DD&place=…&view=lat,lng,zoom&areas=1&outlet=…&actor=…&q=…`.
 * Discrete actions (a place, an outlet or actor filter, a story) push a history entry; scrubbing,
 * playing, moving the map and typing a search replace it.
 */
import type { AppState, AppStore } from './store.ts';
import { isStoryDay } from './story-days.ts';
import type { Camera } from './view-slice.ts';

export interface UrlState {
  story: string | null;
  time: number | null;
  /** The day the time track is zoomed on (`YYYY-MM-DD`), null for all days. */
  day: string | null;
  place: string | null;
  camera: Camera | null;
  areas: boolean;
  /** `?present` opens the presentation (the embed is fixed at load and never synced). */
  present: boolean;
  /** `?review` opens the newsroom's review of the story. */
  review: boolean;
  /** Entry filters: outlet (source id), actor id and search text; '' when absent. */
  outlet: string;
  actor: string;
  query: string;
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
    day: /^\d{4}-\d{2}-\d{2}$/.test(q.get('day') ?? '') ? q.get('day') : null,
    place: q.get('place'),
    camera,
    areas: q.get('areas') === '1',
    present: q.has('present'),
    review: q.has('review'),
    outlet: q.get('outlet') ?? '',
    actor: q.get('actor') ?? '',
    query: (q.get('q') ?? '').slice(0, 200),
  };
}

/**
 * A time as the URL writes it: minute precision, UTC.
 * @example formatUrlTime(Date.UTC(2014, 5, 13, 12, 0, 30)) // '2014-06-13T12:00Z'
 */
export function formatUrlTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/**
 * A camera as the URL writes it: `lat,lng,zoom`.
 * @example formatUrlView({ center: [44.5, 34.1], zoom: 7 }) // '34.1000,44.5000,7.00'
 */
export function formatUrlView(camera: Camera): string {
  const [lng, lat] = camera.center;
  return `${lat.toFixed(4)},${lng.toFixed(4)},${camera.zoom.toFixed(2)}`;
}

/** Formats the state as a query string (minute precision for time). */
export function formatUrlState(s: AppState): string {
  const q = new URLSearchParams();
  if (s.storyId) q.set('story', s.storyId);
  if (s.model) q.set('t', formatUrlTime(s.time));
  if (s.zoomDay) q.set('day', s.zoomDay);
  if (s.placeId) q.set('place', s.placeId);
  if (s.camera) q.set('view', formatUrlView(s.camera));
  if (s.showAreas) q.set('areas', '1');
  if (s.mode === 'present') q.set('present', '1');
  if (s.mode === 'review') q.set('review', '1');
  if (s.filters.outlet) q.set('outlet', s.filters.outlet);
  if (s.filters.actor) q.set('actor', s.filters.actor);
  if (s.filters.query) q.set('q', s.filters.query);
  return '?' + q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Applies a parsed URL to the store, loading another story if needed. */
export async function applyUrlState(store: AppStore, url: UrlState, fallbackStory: string): Promise<void> {
  const s = store.getState();
  const storyId = url.story ?? fallbackStory;
  s.setCamera(url.camera);
  s.setView({ showAreas: url.areas });
  if (s.mode !== 'embed') s.setMode(url.present ? 'present' : url.review ? 'review' : 'app');
  s.pause();
  if (s.storyId !== storyId || !s.model) await s.loadStory(storyId, { time: url.time });
  else if (url.time !== null) s.setTime(url.time);
  else s.setTime(s.model.end);
  // A day the story does not have is ignored: the track shows all days.
  const loaded = store.getState().model;
  s.setZoomDay(url.day && loaded && isStoryDay(loaded, url.day) ? url.day : null);
  // A place the story does not have is ignored (it would otherwise filter every entry out).
  const place = url.place && store.getState().model?.placeById.has(url.place) ? url.place : null;
  s.selectPlace(place);
  // Filters the story does not have are dropped too, for the same reason.
  const model = store.getState().model;
  const outlet = model?.sourceById.has(url.outlet) ? url.outlet : '';
  const actor = model?.actorById.has(url.actor) ? url.actor : '';
  s.setFilters({ place: place ?? '', outlet, actor, query: url.query });
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
      s.storyId !== p.storyId ||
      s.placeId !== p.placeId ||
      s.showAreas !== p.showAreas ||
      // Zooming in or out is a step Back undoes; moving from day to day (time crossing midnight) is not.
      (s.zoomDay === null) !== (p.zoomDay === null) ||
      s.focusRequest !== p.focusRequest ||
      s.mode !== p.mode ||
      s.filters.outlet !== p.filters.outlet ||
      s.filters.actor !== p.filters.actor;
    if (discrete) {
      // Settle the pending replace with the state before this action, so Back returns to it.
      if (timer) history.replaceState(null, '', formatUrlState(p));
      clearTimeout(timer);
      timer = 0;
      write(p.status === 'ready');
    } else if (s.time !== p.time || s.zoomDay !== p.zoomDay || s.camera !== p.camera || s.filters.query !== p.filters.query) {
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
