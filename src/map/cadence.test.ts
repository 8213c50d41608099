import { describe, expect, it } from 'vitest';
import { createCadence } from './cadence.ts';

describe('createCadence', () => {
  it('gives redraws a set share of the main thread: slow redraws, longer steps', () => {
    const cadence = createCadence({ share: 0.1, firstCostMs: 50 });
    expect(cadence.stepMs()).toBe(500);
    for (let i = 0; i < 5; i++) cadence.record(20);
    expect(cadence.stepMs()).toBe(200);
  });

  it('by default gives redraws 7 % of it', () => {
    expect(createCadence({ firstCostMs: 35 }).stepMs()).toBeCloseTo(500, 6);
  });

  it('keeps the step between its bounds', () => {
    expect(createCadence({ firstCostMs: 1 }).stepMs()).toBe(100);
    expect(createCadence({ firstCostMs: 400 }).stepMs()).toBe(1000);
  });

  it('is not thrown by one slow frame or a nonsense reading', () => {
    const cadence = createCadence({ share: 0.1, firstCostMs: 20 });
    cadence.record(20);
    cadence.record(300);
    cadence.record(Number.NaN);
    cadence.record(-5);
    expect(cadence.stepMs()).toBe(200);
    cadence.record(300);
    cadence.record(300);
    expect(cadence.stepMs()).toBe(1000);
  });
});
