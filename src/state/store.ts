/**
 * The app's one store, built from slices. The map reads it with `store.subscribe`;
 * components read it with `useStore` and narrow selectors.
 */
import { createStore } from 'zustand/vanilla';
import { createModeSlice, type ModeSlice } from './mode-slice.ts';
import { createReviewSlice, type ReviewSlice } from './review-slice.ts';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts';
import { createStorySlice, type StorySlice } from './story-slice.ts';
import { createTimeSlice, type TimeSlice } from './time-slice.ts';
import { createViewSlice, type ViewSlice } from './view-slice.ts';

export type AppState = StorySlice & TimeSlice & SelectionSlice & ViewSlice & ModeSlice & ReviewSlice;
export type AppStore = ReturnType<typeof createAppStore>;

/** Creates a fresh store (one per page; tests make their own). */
export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createStorySlice(...a),
    ...createTimeSlice(...a),
    ...createSelectionSlice(...a),
    ...createViewSlice(...a),
    ...createModeSlice(...a),
    ...createReviewSlice(...a),
  }));
}

/** The page's store. */
export const store = createAppStore();
