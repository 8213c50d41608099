import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { nextPlaybackTime, PRELUDE_STEP_MS } from './playback.ts';
import { createAppStore } from './store.ts';
import { buildStoryModel, fractionToTime, timeToFraction } from './story-model.ts';

/** The synthetic story with Betatown taken five months before the story's day. */
function storyWithOldChange() {
  const story = buildSyntheticStory();
  const beta = story.places.features.find((f) => f.properties.id === 'beta')!;
  beta.properties.timeline = [{ actor: 'red', start: '2014-01-15T12:00:00Z', events: ['e0'] }];
  const e0 = story.events.features.find((f) => f.properties.id === 'e0')!.properties;
  Object.assign(e0, { time: '2014-01-15T12:00:00Z', timeStart: '2014-01-15T12:00:00Z', timeEnd: '2014-01-15T12:00:00Z' });
  return buildStoryModel(story);
}

/** Real milliseconds of playback from `time` until the story's start is reached. */
function msToStart(model: ReturnType<typeof buildStoryModel>, time: number, frame = 16): number {
  let held = 0;
  let ms = 0;
  while (time < model.start && ms < 600_000) {
    ({ time, held } = nextPlaybackTime(model, time, frame, 30, held));
    ms += frame;
  }
  return ms;
}

describe('the playback range', () => {
  it('Play from the end starts again at the story’s first entry, not months before it', () => {
    const model = storyWithOldChange();
    const store = createAppStore();
    store.setState({ model, time: model.end });
    store.getState().play();
    expect(model.min).toBeLessThan(Date.parse('2014-01-16T00:00:00Z'));
    expect(store.getState().time).toBe(model.start);
    expect(store.getState().time).toBe(Date.parse(model.story.entries[0].time));
  });

  it('plays the prelude as steps, one per earlier change, never as months of minutes', () => {
    const model = storyWithOldChange();
    expect(model.prelude.map((t) => new Date(t).toISOString())).toEqual(['2014-01-15T12:00:00.000Z', '2014-06-13T02:00:00.000Z']);
    // From the very beginning: a step per knot, not five months at 30 minutes a second.
    expect(msToStart(model, model.min)).toBeLessThanOrEqual((model.prelude.length + 1) * PRELUDE_STEP_MS + 16);
    const first = nextPlaybackTime(model, model.min, PRELUDE_STEP_MS, 30, 0);
    expect(first.time).toBe(model.prelude[0]);
  });

  it('moves speed × real time within the story and stops at its end', () => {
    const model = storyWithOldChange();
    expect(nextPlaybackTime(model, model.start, 1000, 30, 0).time - model.start).toBe(30 * 60_000);
    expect(nextPlaybackTime(model, model.end - 1000, 1000, 30, 0)).toMatchObject({ time: model.end, done: true });
  });

  it('Home goes to the story’s first entry, and a second Home to the prelude’s start', () => {
    const model = storyWithOldChange();
    const store = createAppStore();
    store.setState({ model, time: model.end });
    store.getState().home();
    expect(store.getState().time).toBe(model.start);
    store.getState().home();
    expect(store.getState().time).toBe(model.min);
  });

  it('gives each prelude step the same room on the slider, and maps back', () => {
    const model = storyWithOldChange();
    const [a, b] = model.prelude.map((t) => timeToFraction(model, t));
    const start = timeToFraction(model, model.start);
    expect(b - a).toBeCloseTo(a - 0, 6);
    expect(start - b).toBeCloseTo(a, 6);
    for (const t of [model.min, ...model.prelude, model.start, model.end]) expect(fractionToTime(model, timeToFraction(model, t))).toBeCloseTo(t, -1);
  });
});
