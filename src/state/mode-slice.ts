/** Mode slice: which view the page shows — the full app, the article embed, the presentation or the newsroom's review. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

export type PageMode = 'app' | 'embed' | 'present' | 'review';

export interface ModeSlice {
  mode: PageMode;
  setMode: (mode: PageMode) => void;
}

/**
 * The mode a query string asks for: `?embed`, `?present` or `?review` (any value), else the app.
 * @example readMode('?present&story=iraq') // 'present'
 */
export function readMode(search: string): PageMode {
  const q = new URLSearchParams(search);
  return q.has('embed') ? 'embed' : q.has('present') ? 'present' : q.has('review') ? 'review' : 'app';
}

export const createModeSlice: StateCreator<AppState, [], [], ModeSlice> = (set) => ({
  mode: 'app',
  setMode: (mode) => set({ mode, playing: false }),
});
