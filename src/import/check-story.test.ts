import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { storyProblems } from '../pipeline/story-schema.ts';
import { checkStoryText } from './check-story.ts';

describe('checkStoryText', () => {
  it('accepts a story the schema accepts', () => {
    const story = buildSyntheticStory();
    expect(checkStoryText(JSON.stringify(story), 's.json').id).toBe(story.id);
  });
  it('names an unknown version and broken JSON like readStory does', () => {
    expect(() => checkStoryText('{"version": 2}', 'x.json')).toThrow('x.json: story format version 2 is not supported (this build reads version 1)');
    expect(() => checkStoryText('{', 'x.json')).toThrow(/x.json: not valid JSON/);
  });
  it('refuses shapes the app cannot show, which the schema refuses too', () => {
    for (const broken of [
      (s: Record<string, unknown>) => delete s.entries,
      (s: Record<string, unknown>) => (s.places = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: ['a', 1] }, properties: { id: 'x' } }] }),
      (s: Record<string, unknown>) => (s.span = { start: 'soon', end: 'later' }),
      (s: Record<string, unknown>) => (s.id = '../../etc'),
    ]) {
      const story = buildSyntheticStory() as unknown as Record<string, unknown>;
      broken(story);
      expect(() => checkStoryText(JSON.stringify(story), 'b.json')).toThrow(/b.json: not a valid story/);
      expect(storyProblems(story)).not.toEqual([]);
    }
  });
});
