import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { buildStoryModel, timeToFraction } from '../state/story-model.ts';
import { theme } from '../theme.ts';
import { trackPicture } from './track-marks.ts';

const story = buildSyntheticStory();
const model = buildStoryModel(story);
const colorOf = (id: string) => story.actors.find((a) => a.id === id)!.color;

describe('trackPicture', () => {
  const picture = trackPicture(model, 24);

  it('marks each change of control where it happens, in the new holder’s colour', () => {
    const control = picture.marks.filter((m) => m.kind === 'control');
    expect(control).toHaveLength(model.changes.length);
    const retaken = Date.parse('2014-06-13T14:00:00Z');
    expect(control).toContainEqual({ kind: 'control', x: timeToFraction(model, retaken), color: colorOf('gold') });
    expect(control.every((m) => m.x >= 0 && m.x <= 1)).toBe(true);
  });

  it('marks clashes in the accent colour, drawn before the changes so changes stay on top', () => {
    const first = picture.marks.findIndex((m) => m.kind === 'control');
    const clashes = picture.marks.filter((m) => m.kind === 'clash');
    expect(clashes).toEqual([{ kind: 'clash', x: timeToFraction(model, Date.parse('2014-06-13T09:00:00Z')), color: theme.accent }]);
    expect(picture.marks.indexOf(clashes[0])).toBeLessThan(first);
  });

  it('scales entry density to the fullest bin', () => {
    expect(picture.density).toHaveLength(24);
    expect(Math.max(...picture.density)).toBe(1);
    expect(picture.density.filter((d) => d > 0).length).toBeGreaterThan(1);
  });
});
