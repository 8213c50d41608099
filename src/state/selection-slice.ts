/** Selection slice: the selected place, the focused entry and hover highlights. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

export interface SelectionSlice {
  placeId: string | null;
  entryId: string | null;
  /** Places highlighted on the map while an entry is hovered. */
  hoverPlaceIds: string[];
  /** Incremented when the map should show the focused entry's places. */
  focusRequest: number;
  selectPlace: (id: string | null) => void;
  /** Jumps to an entry's time and asks the map to show its places. */
  selectEntry: (id: string) => void;
  hoverPlaces: (ids: string[]) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  placeId: null,
  entryId: null,
  hoverPlaceIds: [],
  focusRequest: 0,
  selectPlace: (id) => set({ placeId: id }),
  selectEntry: (id) => {
    const model = get().model;
    const entry = model?.story.entries.find((e) => e.id === id);
    if (!model || !entry) return;
    // One update, so the URL gets one history entry with the new time.
    const time = Math.max(model.min, Math.min(model.end, Date.parse(entry.time)));
    set({ entryId: id, playing: false, focusRequest: get().focusRequest + 1, time });
  },
  hoverPlaces: (ids) => {
    const prev = get().hoverPlaceIds;
    if (prev.length === ids.length && prev.every((p, i) => p === ids[i])) return;
    set({ hoverPlaceIds: ids });
  },
});
