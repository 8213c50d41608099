import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { createAppStore } from './store.ts';
import { buildStoryModel } from './story-model.ts';

function storeWithStory() {
  const store = createAppStore();
  const model = buildStoryModel(buildSyntheticStory());
  store.setState({ model, time: model.min });
  return { store, model };
}

describe('how time moved', () => {
  it('tells playback’s own moves from the reader’s, so the map can step only the former', () => {
    const { store, model } = storeWithStory();
    store.getState().play();
    store.getState().advance(model.min + 60_000);
    expect(store.getState()).toMatchObject({ time: model.min + 60_000, moved: 'play' });
    store.getState().stepBy(600_000);
    expect(store.getState()).toMatchObject({ time: model.min + 660_000, moved: 'seek', playing: true });
  });

  it('clamps playback to the story like any other move', () => {
    const { store, model } = storeWithStory();
    store.getState().advance(model.end + 3_600_000);
    expect(store.getState().time).toBe(model.end);
  });

  it('starting again from the end is a jump, not a playback step', () => {
    const { store, model } = storeWithStory();
    store.getState().advance(model.end);
    store.getState().play();
    expect(store.getState()).toMatchObject({ time: model.start, moved: 'seek', playing: true });
  });
});
