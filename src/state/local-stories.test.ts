import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { isLocalStoryId, localStoryId } from './local-stories.ts';

describe('local story ids', () => {
  it('differ for two blogs of one publisher and stay the same for the same story', () => {
    const story = buildSyntheticStory();
    const morning = { ...story, id: 'cnn', title: 'Morning' };
    const evening = { ...story, id: 'cnn', title: 'Evening' };
    expect(localStoryId(morning)).toMatch(/^local-cnn-[0-9a-z]{7}$/);
    expect(localStoryId(morning)).not.toBe(localStoryId(evening));
    expect(localStoryId(morning)).toBe(localStoryId({ ...morning }));
  });
  it('never names a story of the site, and keep to the characters a story id may have', () => {
    const id = localStoryId({ ...buildSyntheticStory(), id: 'iraq-2014-06-13' });
    expect(isLocalStoryId(id)).toBe(true);
    expect(isLocalStoryId('iraq-2014-06-13')).toBe(false);
    expect(localStoryId({ ...buildSyntheticStory(), id: 'a b/../c' })).toMatch(/^local-a-b-\.\.-c-[0-9a-z]{7}$/);
  });
});
