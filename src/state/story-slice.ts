/** Story slice: the list of stories, the loaded story and its index. */
import type { StateCreator } from 'zustand/vanilla';
import type { Story } from '../pipeline/types.ts';
import { strings } from '../app/strings.ts';
import { isLocalStoryId, readLocalStory } from './local-stories.ts';
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

/** A story's JSON requested before the index arrived (`prefetchStory`), taken by the first `loadStory` that wants that URL. */
let early: { url: string; json: Promise<unknown> } | null = null;

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
  const json = fetchJson<unknown>(url);
  json.catch(() => undefined); // a failure is reported by the loadStory that takes it
  early = { url, json };
}

function takeEarly(url: string): Promise<unknown> | null {
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
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export const createStorySlice: StateCreator<AppState, [], [], StorySlice> = (set, get) => ({
  stories: [],
  storyId: null,
  model: null,
  status: 'idle',
  error: null,
  localStory: null,
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
        set({ model, status: 'ready', error: null, storyId: id, localStory: 'kept' });
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
    set({ status: 'loading', error: null, storyId: id, localStory: null });
    try {
      const url = storyUrl(item, document.baseURI);
      const story = (await (takeEarly(url) ?? fetchJson<Story>(url))) as Story;
      const model = buildStoryModel(story);
      if (get().storyId !== id) return;
      const wanted = options.time ?? null;
      const time = wanted !== null && Number.isFinite(wanted) ? wanted : model.end;
      set({ model, status: 'ready' });
      get().setTime(time);
    } catch (err) {
      if (get().storyId !== id) return;
      set({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  },
});
