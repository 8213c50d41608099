/** Story slice: the list of stories, the loaded story and its index. */
import type { StateCreator } from 'zustand/vanilla';
import type { Story } from '../pipeline/types.ts';
import { buildStoryModel, type StoryModel } from './story-model.ts';
import type { AppState } from './store.ts';

export interface StoryListItem {
  id: string;
  title: string;
}

export interface StorySlice {
  stories: StoryListItem[];
  storyId: string | null;
  model: StoryModel | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
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
  loadIndex: async () => {
    try {
      const stories = await fetchJson<StoryListItem[]>('stories/index.json');
      set({ stories });
      return stories;
    } catch {
      return [];
    }
  },
  loadStory: async (id, options = {}) => {
    if (!/^[\w.-]+$/.test(id)) {
      set({ status: 'error', error: `invalid story id: ${id}` });
      return;
    }
    set({ status: 'loading', error: null, storyId: id });
    try {
      const story = await fetchJson<Story>(`stories/${encodeURIComponent(id)}.json`);
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
