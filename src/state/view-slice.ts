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
  /** The table of who holds what is open (it is built only then). */
  tableOpen: boolean;
  /** Camera from the URL or the user's last move; null means "fit the story". */
  camera: Camera | null;
  /**
   * While printing: the map picture for the handout ('' when there is no map). The handout is
   * in the DOM only then; null the rest of the time.
   */
  handout: string | null;
  /**
   * The page's first map has drawn (its first `idle`), or there will be no map (no WebGL, an
   * error). What is not needed for the first view (the entries list) waits for it, so it does not
   * compete with the map for the main thread at start-up.
   */
  mapSettled: boolean;
  setView: (patch: Partial<Pick<ViewSlice, 'newestFirst' | 'hideFuture' | 'showAreas' | 'aboutOpen' | 'tableOpen' | 'mapSettled'>>) => void;
  setFilters: (patch: Partial<EntryFilters>) => void;
  setCamera: (camera: Camera | null) => void;
  setHandout: (picture: string | null) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  newestFirst: false,
  hideFuture: false,
  filters: { outlet: '', actor: '', query: '', place: '' },
  showAreas: false,
  aboutOpen: false,
  tableOpen: false,
  camera: null,
  handout: null,
  mapSettled: false,
  setView: (patch) => set(patch),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  setCamera: (camera) => set({ camera }),
  setHandout: (handout) => set(handout === null ? { handout } : { handout, playing: false }),
});
