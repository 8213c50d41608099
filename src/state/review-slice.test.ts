import { describe, expect, it } from 'vitest';
import type { Decision } from '../pipeline/review/corrections.ts';
import { UNDO_STEPS } from './review-slice.ts';
import { createAppStore } from './store.ts';

const accept = (n: number): Decision => ({ action: 'accept', event: { source: 'kyiv', time: '2022-03-04T10:00:00Z', sentence: n.toString(16).padStart(8, '0') }, by: 'Ana', at: '2025-03-02T10:00:00Z' });

describe('review slice', () => {
  it('undoes the last 20 actions, no more', () => {
    const store = createAppStore();
    store.getState().startReview('test');
    for (let i = 0; i < 25; i++) store.getState().decide(accept(i));
    expect(store.getState().decisions).toHaveLength(25);
    for (let i = 0; i < UNDO_STEPS + 3; i++) store.getState().undoReview();
    expect(UNDO_STEPS).toBe(20);
    expect(store.getState().decisions).toHaveLength(5);
  });

  it('keeps one decision per event and marks the decisions unsaved until downloaded', () => {
    const store = createAppStore();
    store.getState().startReview('test');
    store.getState().decide(accept(1));
    store.getState().decide({ ...accept(1), action: 'reject', reason: 'duplicate' } as Decision);
    expect(store.getState().decisions.map((d) => d.action)).toEqual(['reject']);
    expect(store.getState().unsaved).toBe(true);
    store.getState().markSaved();
    expect(store.getState().unsaved).toBe(false);
    store.getState().removeDecision(store.getState().decisions[0]);
    expect(store.getState().decisions).toEqual([]);
    store.getState().undoReview();
    expect(store.getState().decisions).toHaveLength(1);
  });
});
