import { describe, expect, it } from 'vitest';
import { pace } from './use-paced.ts';

describe('pace', () => {
  it('takes a change at once when the last one is a step ago', () => {
    expect(pace({ value: 1, at: 0 }, 2, 300, 250)).toEqual({ value: 2, at: 300 });
  });

  it('holds a change back within the step, then takes the latest value', () => {
    let shown = { value: 1, at: 1000 };
    for (const [value, now] of [[2, 1050], [3, 1100], [4, 1200]]) shown = pace(shown, value, now, 250);
    expect(shown).toEqual({ value: 1, at: 1000 });
    expect(pace(shown, 5, 1250, 250)).toEqual({ value: 5, at: 1250 });
  });

  it('follows every change when pacing is off', () => {
    expect(pace({ value: 1, at: 1000 }, 2, 1001, 0)).toEqual({ value: 2, at: 1001 });
  });

  it('keeps the time of the last change while the value stays', () => {
    const shown = { value: 1, at: 1000 };
    expect(pace(shown, 1, 5000, 250)).toBe(shown);
  });
});
