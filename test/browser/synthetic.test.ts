/**
 * The app's behaviours on a SYNTHETIC fixture story (invented data), so they are tested even
 * when the pipeline's default story is not built. See default-story.test.ts for the real one.
 */
import { describe } from 'vitest';
import { buildSyntheticStory } from './fixtures/synthetic-story.ts';
import { defineScenario } from './scenario.ts';

const story = buildSyntheticStory();

describe('synthetic story', () => {
  defineScenario({
    story,
    placeId: 'alpha',
    expected: ['gov', 'red', 'gold'],
    from: Date.parse('2014-06-12T19:00:00Z'),
    overrides: {
      '/stories/index.json': JSON.stringify([{ id: story.id, title: story.title }]),
      [`/stories/${story.id}.json`]: JSON.stringify(story),
    },
  });
});
