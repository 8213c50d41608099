/** View slice: panel toggles, entry filters, map layers and camera. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

export interface EntryFilters {
  outlet: string;
  actor: string;
  query: string;
  /** Restrict to entries about this place (set by clicking a place). */
  place: string;
}

export interface Camera {
  center: [number, number];
  zoom: number;
}

export interface ViewSlice {
  newestFirst: boolean;
  hideFuture: boolean;
  filters: EntryFilters;
  showAreas: boolean;
  aboutOpen: boolean;
  /** Camera from the URL or the user's last move; null means "fit the story". */
  camera: Camera | null;
  setView: (patch: Partial<Pick<ViewSlice, 'newestFirst' | 'hideFuture' | 'showAreas' | 'aboutOpen'>>) => void;
  setFilters: (patch: Partial<EntryFilters>) => void;
  setCamera: (camera: Camera | null) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  newestFirst: false,
  hideFuture: false,
  filters: { outlet: '', actor: '', query: '', place: '' },
  showAreas: false,
  aboutOpen: false,
  camera: null,
  setView: (patch) => set(patch),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  setCamera: (camera) => set({ camera }),
});
