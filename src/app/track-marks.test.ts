import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { buildStoryModel, timeToFraction } from '../state/story-model.ts';
import { theme } from '../theme.ts';
import { trackScale } from '../state/story-days.ts';
import { trackPicture, trackTicks, visibleMarks, type TrackMark } from './track-marks.ts';

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

describe('the track zoomed on a day, and its ticks', () => {
  const threeDays = buildStoryModel({ ...story, span: { ...story.span, end: '2014-06-15T17:00:00Z' } });

  it('a zoomed day shows only its own marks, spread over 00:00–24:00', () => {
    const day = trackScale(threeDays, '2014-06-13');
    const zoomed = trackPicture(threeDays, 96, day);
    const onDay = threeDays.changes.filter((c) => c.time >= day.min && c.time <= day.end);
    expect(zoomed.marks.filter((m) => m.kind === 'control')).toHaveLength(onDay.length);
    // Retaken at 14:00: 14/24 of the zoomed track.
    expect(zoomed.marks).toContainEqual({ kind: 'control', x: 14 / 24, color: colorOf('gold') });
    expect(trackPicture(threeDays, 96, trackScale(threeDays, '2014-06-14')).marks).toEqual([]);
  });

  it('a one-day story keeps its clock ticks every three hours', () => {
    expect(trackTicks(model, 900).map((k) => k.label)).toEqual(['06:00', '09:00', '12:00', '15:00']);
    expect(trackTicks(model, 300)).toEqual(trackTicks(model, 900));
  });

  it('a zoomed day has clock ticks from 00:00 to 21:00; a long story dated midnights as room allows', () => {
    expect(trackTicks(trackScale(threeDays, '2014-06-14'), 900).map((k) => k.label)).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00']);
    const month = { min: Date.parse('2023-06-01T00:00:00Z'), start: Date.parse('2023-06-01T00:00:00Z'), end: Date.parse('2023-06-30T20:00:00Z'), prelude: [] };
    expect(trackTicks(month, 3000).map((k) => k.label).slice(0, 3)).toEqual(['1 Jun', '2 Jun', '3 Jun']);
    expect(trackTicks(month, 800).map((k) => k.label).slice(0, 3)).toEqual(['1 Jun', '3 Jun', '5 Jun']);
  });
});

describe('visibleMarks', () => {
  const red = '#ff0000';
  const blue = '#0000ff';

  it('keeps the last of the marks of one kind and colour on one device pixel, in drawing order', () => {
    const marks: TrackMark[] = [
      { x: 0.1, kind: 'control', color: red },
      { x: 0.1004, kind: 'control', color: blue },
      { x: 0.1002, kind: 'control', color: red },
      { x: 0.5, kind: 'clash', color: red },
    ];
    // 1,000 px: 0.1, 0.1002 and 0.1004 all fall on pixel 100.
    expect(visibleMarks(marks, 1000)).toEqual([
      { x: 0.1, kind: 'control', color: blue },
      { x: 0.1, kind: 'control', color: red },
      { x: 0.5, kind: 'clash', color: red },
    ]);
  });

  it('keeps marks apart when the screen has pixels between them', () => {
    const marks: TrackMark[] = [
      { x: 0.1, kind: 'control', color: red },
      { x: 0.1004, kind: 'control', color: red },
    ];
    expect(visibleMarks(marks, 1000, 1)).toHaveLength(1);
    expect(visibleMarks(marks, 1000, 2)).toHaveLength(2);
  });

  it('draws a month of changes with at most a few shapes a pixel', () => {
    const many: TrackMark[] = Array.from({ length: 13_759 }, (_, i) => ({ x: i / 13_759, kind: 'control', color: i % 2 ? red : blue }));
    expect(visibleMarks(many, 800).length).toBeLessThanOrEqual(2 * 801);
  });
});
