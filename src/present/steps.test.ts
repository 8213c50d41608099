import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { presentSteps, stepAt } from './steps.ts';

describe('presentSteps', () => {
  it('gives one step per event, in time order, with a caption from the event', () => {
    const story = buildSyntheticStory();
    const steps = presentSteps(story);
    expect(steps).toHaveLength(story.events.features.length);
    for (let i = 1; i < steps.length; i++) expect(steps[i].time).toBeGreaterThanOrEqual(steps[i - 1].time);
    const first = story.events.features.find((f) => f.properties.id === steps[0].eventId)!.properties;
    expect(steps[0].headline).toBe(first.summary);
    expect(steps[0].quote).toBe(first.quotes[0]);
    expect(steps[0].where.startsWith(first.place)).toBe(true);
  });
  it('finds the step shown at a time', () => {
    const steps = presentSteps(buildSyntheticStory());
    expect(stepAt(steps, steps[0].time - 1)).toBe(-1);
    expect(stepAt(steps, steps[1].time)).toBeGreaterThanOrEqual(1);
    expect(stepAt(steps, Infinity)).toBe(steps.length - 1);
  });
});
