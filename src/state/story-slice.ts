/** Story slice: the list of stories, the loaded story and its index. */
import type { StateCreator } from 'zustand/vanilla';
import type { Story } from '../pipeline/types.ts';
import { strings } from '../app/strings.ts';
import { isLocalStoryId, readLocalStory } from './local-stories.ts';
import { zoomAfterMove } from './story-days.ts';
import { buildStoryModel, type StoryModel } from './story-model.ts';
import type { AppState } from './store.ts';

export interface StoryListItem {
  id: string;
  title: string;
  /**
   * Where the story's JSON is, when not `stories/<id>.json`: a path on this site, or a URL on an
   * origin the deployer allowed at build time (`VITE_STORY_ORIGINS`).
   */
  url?: string;
}

/** Origins stories may be fetched from besides the page's own (comma- or space-separated). */
const STORY_ORIGINS: string[] = (import.meta.env?.VITE_STORY_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * The URL to fetch a story from: its index entry's `url` when that is on this site or an allowed
 * origin, else `stories/<id>.json`. Throws for any other origin.
 * @example storyUrl({ id: 'x', title: 'X', url: 'https://data.example.org/x.json' }, 'https://map.example.org/', ['https://data.example.org'])
 */
export function storyUrl(item: StoryListItem, base: string, allowed: string[] = STORY_ORIGINS): string {
  if (!item.url) return `stories/${encodeURIComponent(item.id)}.json`;
  const url = new URL(item.url, base);
  const here = new URL(base).origin;
  const origins = allowed.map((o) => new URL(o).origin);
  if (url.origin !== here && !origins.includes(url.origin)) throw new Error(`story origin not allowed: ${url.origin}`);
  return url.href;
}

/** What a story's response said about its version, sent back on re-fetches of a live story. */
export interface StoryValidators {
  etag?: string;
  lastModified?: string;
}

interface Fetched {
  json: unknown;
  validators: StoryValidators;
}

/** A story's JSON requested before the index arrived (`prefetchStory`), taken by the first `loadStory` that wants that URL. */
let early: { url: string; json: Promise<Fetched> } | null = null;

/**
 * Starts fetching `stories/<id>.json` while the index loads, instead of after it: the index
 * only decides whether the story may be shown and where it is. `loadStory` uses the response
 * only when the index lists the story at that URL. For the site's own default story only (the
 * caller's choice): an id from the URL must not make the page request a file the site does not list.
 * @example prefetchStory(DEFAULT_STORY)
 */
export function prefetchStory(id: string): void {
  if (isLocalStoryId(id) || !/^[\w.-]+$/.test(id)) return;
  const url = storyUrl({ id, title: id }, document.baseURI);
  const json = fetchStory(url);
  json.catch(() => undefined); // a failure is reported by the loadStory that takes it
  early = { url, json };
}

function takeEarly(url: string): Promise<Fetched> | null {
  if (early?.url !== url) return null;
  const { json } = early;
  early = null;
  return json;
}

export interface StorySlice {
  stories: StoryListItem[];
  storyId: string | null;
  model: StoryModel | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /**
   * For a story not from the site (imported, opened from a file): `kept` in this tab's storage,
   * `page` when the browser refused to keep it (a reload loses it); null for the site's stories.
   */
  localStory: 'kept' | 'page' | null;
  /** Fetches `stories/index.json`; returns the list (empty on failure). */
  loadIndex: () => Promise<StoryListItem[]>;
  /** Fetches `stories/<id>.json`, builds its model and keeps `time` inside the new domain. */
  loadStory: (id: string, options?: { time?: number | null }) => Promise<void>;
  /**
   * Where the shown story was fetched from and its validators: a live story is re-fetched from
   * there (`live-follow.ts`), never from anywhere else. Null for a story not from the site.
   */
  source: { url: string; validators: StoryValidators } | null;
  /** Counts the stories shown (a newer version of a live story does not count): the map is made anew for each. */
  loads: number;
  /** Entries a live story gained while the reader was looking at an earlier time. */
  newUpdates: number;
  /**
   * Asks the story's own URL for a newer version (a conditional request); a new one replaces the
   * story (`replaceStory`). Resolves whether it got one; a failure or a 304 leaves the story as it is.
   */
  refreshStory: () => Promise<boolean>;
  /**
   * Shows a newer version of the same story. A reader at the latest time (or playing) follows it
   * to its new end; anyone else keeps their time, and `newUpdates` counts the entries they have
   * not seen. Entry and event ids are stable across versions, so the selection stays.
   */
  replaceStory: (story: Story, validators?: StoryValidators) => void;
  /** Moves to the story's latest time and clears `newUpdates`. */
  goToLatest: () => void;
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

function validatorsOf(res: Response): StoryValidators {
  const etag = res.headers.get('etag') ?? undefined;
  const lastModified = res.headers.get('last-modified') ?? undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

async function fetchStory(url: string): Promise<Fetched> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { json: await res.json(), validators: validatorsOf(res) };
}

export const createStorySlice: StateCreator<AppState, [], [], StorySlice> = (set, get) => ({
  stories: [],
  storyId: null,
  model: null,
  status: 'idle',
  error: null,
  localStory: null,
  source: null,
  loads: 0,
  newUpdates: 0,
  loadIndex: async () => {
    try {
      const list = await fetchJson<unknown>('stories/index.json');
      const stories = (Array.isArray(list) ? list : []).filter(
        (s): s is StoryListItem =>
          !!s && typeof s.id === 'string' && typeof s.title === 'string' && (s.url === undefined || typeof s.url === 'string'),
      );
      set({ stories });
      return stories;
    } catch {
      return [];
    }
  },
  loadStory: async (id, options = {}) => {
    if (isLocalStoryId(id)) {
      // Imported in this tab: from sessionStorage, never from the site (`local-stories.ts`).
      const story = readLocalStory(id);
      if (!story) return set({ status: 'error', error: strings.localStoryGone, storyId: id, model: null, localStory: null });
      try {
        const model = buildStoryModel(story);
        set({ model, status: 'ready', error: null, storyId: id, localStory: 'kept', source: null, newUpdates: 0, loads: get().loads + 1 });
        get().fitTimeToStory(model);
        get().setTime(options.time ?? model.end);
      } catch (err) {
        set({ status: 'error', error: err instanceof Error ? err.message : String(err), storyId: id, model: null, localStory: null });
      }
      return;
    }
    // Only stories the site lists (when it lists any): a URL cannot name another file.
    const known = get().stories;
    const item = known.length ? known.find((s) => s.id === id) : { id, title: id };
    if (!/^[\w.-]+$/.test(id) || !item) {
      set({ status: 'error', error: `unknown story: ${id.slice(0, 80)}` });
      return;
    }
    set({ status: 'loading', error: null, storyId: id, localStory: null, source: null, newUpdates: 0 });
    try {
      const url = storyUrl(item, document.baseURI);
      const fetched = await (takeEarly(url) ?? fetchStory(url));
      const model = buildStoryModel(fetched.json as Story);
      if (get().storyId !== id) return;
      const wanted = options.time ?? null;
      const time = wanted !== null && Number.isFinite(wanted) ? wanted : model.end;
      set({ model, status: 'ready', loads: get().loads + 1, source: { url: new URL(url, document.baseURI).href, validators: fetched.validators } });
      get().fitTimeToStory(model);
      get().setTime(time);
    } catch (err) {
      if (get().storyId !== id) return;
      set({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  },
  refreshStory: async () => {
    const { source, storyId } = get();
    if (!source) return false;
    const headers: Record<string, string> = {};
    if (source.validators.etag) headers['if-none-match'] = source.validators.etag;
    if (source.validators.lastModified) headers['if-modified-since'] = source.validators.lastModified;
    try {
      // The validators are sent by hand and the browser's cache is left out, so a 304 reaches
      // this code (with the cache in the way it would answer the old copy as a 200).
      const res = await fetch(source.url, { cache: 'no-store', headers });
      if (res.status === 304 || !res.ok) return false;
      const story = (await res.json()) as Story;
      if (get().storyId !== storyId || get().source?.url !== source.url) return false;
      get().replaceStory(story, validatorsOf(res));
      return true;
    } catch {
      // Offline for a moment, or a half-written file: the next round tries again.
      return false;
    }
  },
  replaceStory: (story, validators) => {
    const { model: before, time, playing, newUpdates, placeId, entryId, source, zoomDay } = get();
    const model = buildStoryModel(story);
    const seen = new Set(before?.story.entries.map((e) => e.id));
    const added = before ? story.entries.filter((e) => !seen.has(e.id)).length : 0;
    const atLatest = !before || playing || time >= before.end;
    const nextTime = atLatest && !playing ? model.end : Math.max(model.min, Math.min(model.end, time));
    set({
      model,
      // One update: the map sees the new story and the new time together, and pulses what changed.
      time: nextTime,
      zoomDay: zoomAfterMove(model, zoomDay, nextTime),
      moved: 'seek',
      newUpdates: atLatest ? 0 : newUpdates + added,
      placeId: placeId && model.placeById.has(placeId) ? placeId : null,
      entryId: entryId && model.entryById.has(entryId) ? entryId : null,
      ...(source && validators ? { source: { ...source, validators } } : {}),
    });
  },
  goToLatest: () => {
    const model = get().model;
    if (!model) return;
    set({ newUpdates: 0 });
    get().setTime(model.end);
  },
});
