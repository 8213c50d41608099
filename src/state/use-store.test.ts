import { describe, expect, it } from 'vitest';
import { waitFor } from './use-store.ts';

describe('waitFor (a paced selector)', () => {
  it('re-renders at once when the last re-render is a step ago', () => {
    expect(waitFor(1000, 1250, 250)).toBe(0);
    expect(waitFor(1000, 5000, 250)).toBe(0);
  });

  it('holds a change back for the rest of the step', () => {
    expect(waitFor(1000, 1100, 250)).toBe(150);
    expect(waitFor(1000, 1000, 250)).toBe(250);
  });

  it('never waits without pacing, nor before the first re-render', () => {
    expect(waitFor(1000, 1001, 0)).toBe(0);
    expect(waitFor(-Infinity, 0, 250)).toBe(0);
  });
});
