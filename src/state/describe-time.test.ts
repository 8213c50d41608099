import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { changesBetween, describeChanges, latestChanges, readoutStep, sliderValueText } from './describe-time.ts';
import { buildStoryModel } from './story-model.ts';

const model = buildStoryModel(buildSyntheticStory());
const t = (iso: string) => Date.parse(iso);

describe('latestChanges', () => {
  it('gives every change at the latest time not after t, at every change time and between', () => {
    const times = [model.min, ...model.changes.flatMap((c) => [c.time - 1, c.time, c.time + 1]), model.end];
    for (const time of times) {
      const last = Math.max(-Infinity, ...model.changes.filter((c) => c.time <= time).map((c) => c.time));
      expect(latestChanges(model, time)).toEqual(model.changes.filter((c) => c.time === last));
    }
    expect(model.changes.length).toBeGreaterThan(3);
  });
});

describe('sliderValueText', () => {
  it('says the time and the change happening at that minute', () => {
    const text = sliderValueText(model, t('2014-06-13T14:00:00Z'));
    expect(text).toMatch(/^Fri 13 Jun, 14:00 UTC — .+ take Alpha/);
  });
  it('says when the last change was when it was earlier', () => {
    expect(sliderValueText(model, t('2014-06-13T14:30:00Z'))).toMatch(/^Fri 13 Jun, 14:30 UTC — last change 14:00: .+ Alpha/);
  });
  it('is only the time before any change', () => {
    expect(sliderValueText(model, model.min)).not.toContain('—');
  });
});

describe('changesBetween', () => {
  it('takes the changes after `from` up to and including `to`', () => {
    const changes = changesBetween(model, t('2014-06-13T01:59:00Z'), t('2014-06-13T14:00:00Z'));
    expect(changes.map((c) => c.placeId)).toContain('alpha');
    expect(describeChanges(model, changes)).toContain('Alpha');
    expect(changesBetween(model, t('2014-06-13T14:00:00Z'), t('2014-06-13T14:00:00Z'))).toEqual([]);
  });
});

describe('readoutStep', () => {
  it('is a minute when still, and a round step changing at most six times a second while playing', () => {
    expect(readoutStep(false, 90)).toBe(1);
    expect(readoutStep(true, 10)).toBe(2);
    expect(readoutStep(true, 30)).toBe(5);
    expect(readoutStep(true, 90)).toBe(15);
    expect(readoutStep(true, 6000)).toBe(60);
  });
});
