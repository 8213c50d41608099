/**
 * Review slice: the editor's decisions on the loaded story, where they are in the queue, the last
 * 20 steps to undo, and whether the decisions were downloaded since they last changed. A draft is
 * kept in localStorage per story until it is downloaded, so a reload or a crash loses nothing.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Decision } from '../pipeline/review/corrections.ts';
import { withDecision } from './review-decisions.ts';
import type { AppState } from './store.ts';

/** Steps Undo remembers. */
export const UNDO_STEPS = 20;
const EDITOR_KEY = 'livemap-review-editor';
const draftKey = (storyId: string) => `livemap-review:${storyId}`;

interface Draft {
  decisions: Decision[];
  unsaved: boolean;
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage full or refused: the decisions stay in the page, and the leave warning still guards them.
  }
}

function readDraft(storyId: string): Draft {
  try {
    const draft = JSON.parse(readStorage(draftKey(storyId)) ?? 'null') as Draft | null;
    if (draft && Array.isArray(draft.decisions)) return { decisions: draft.decisions, unsaved: !!draft.unsaved };
  } catch {
    // A damaged draft is dropped: nothing else can be made of it.
  }
  return { decisions: [], unsaved: false };
}

export interface ReviewSlice {
  /** The story the decisions are about (null until review starts). */
  reviewStoryId: string | null;
  decisions: Decision[];
  /** Position in the queue. */
  reviewIndex: number;
  /** The editor's name, recorded as `by`; typed once, kept in localStorage. */
  editor: string;
  /** Earlier decision lists, newest last (at most `UNDO_STEPS`). */
  undoStack: Decision[][];
  /** Decisions changed since they were last downloaded or opened. */
  unsaved: boolean;
  /** Opens the review of a story: its draft from localStorage, or none. */
  startReview: (storyId: string) => void;
  setEditor: (name: string) => void;
  moveReview: (index: number) => void;
  /** Records a decision (replacing an earlier one on the same event). */
  decide: (decision: Decision) => void;
  /** Takes a decision back out (an added change the editor no longer wants); undoable. */
  removeDecision: (decision: Decision) => void;
  undoReview: () => void;
  /** Replaces the decisions with a corrections file's (reopened); undoable. */
  openDecisions: (decisions: Decision[]) => void;
  /** The decisions were downloaded: nothing is unsaved. */
  markSaved: () => void;
}

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set, get) => {
  const commit = (decisions: Decision[], unsaved: boolean) => {
    const { reviewStoryId, decisions: before, undoStack } = get();
    set({ decisions, unsaved, undoStack: [...undoStack, before].slice(-UNDO_STEPS) });
    if (reviewStoryId) writeStorage(draftKey(reviewStoryId), JSON.stringify({ decisions, unsaved }));
  };
  return {
    reviewStoryId: null,
    decisions: [],
    reviewIndex: 0,
    editor: '',
    undoStack: [],
    unsaved: false,
    startReview: (storyId) => {
      if (get().reviewStoryId === storyId) return;
      const draft = readDraft(storyId);
      set({ reviewStoryId: storyId, ...draft, reviewIndex: 0, undoStack: [], editor: readStorage(EDITOR_KEY) ?? '' });
    },
    setEditor: (editor) => {
      set({ editor });
      writeStorage(EDITOR_KEY, editor.trim() || null);
    },
    moveReview: (reviewIndex) => set({ reviewIndex }),
    decide: (decision) => commit(withDecision(get().decisions, decision), true),
    removeDecision: (decision) => commit(get().decisions.filter((d) => d !== decision), true),
    undoReview: () => {
      const { undoStack, reviewStoryId } = get();
      const decisions = undoStack.at(-1);
      if (!decisions) return;
      set({ decisions, undoStack: undoStack.slice(0, -1), unsaved: true });
      if (reviewStoryId) writeStorage(draftKey(reviewStoryId), JSON.stringify({ decisions, unsaved: true }));
    },
    openDecisions: (decisions) => commit(decisions, false),
    markSaved: () => {
      const { reviewStoryId, decisions } = get();
      set({ unsaved: false });
      if (reviewStoryId) writeStorage(draftKey(reviewStoryId), JSON.stringify({ decisions, unsaved: false }));
    },
  };
};
