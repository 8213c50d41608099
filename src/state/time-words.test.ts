import { describe, expect, it } from 'vitest';
import type { EventProperties } from '../pipeline/types.ts';
import { certaintyOf, describeWhen, entryWhen, eventWhen, storyDays, type When } from './time-words.ts';

const days = storyDays({ start: '2014-06-13T07:30:00Z', end: '2014-06-13T19:14:00Z' });
const t = (iso: string) => Date.parse(iso);
const BAGHDAD = 'Asia/Baghdad';

/** An event with only the time fields the words read. */
function event(time: string, timeStart: string, timeEnd: string, timeBasis?: 'words' | 'report'): EventProperties {
  return {
    id: 'e', kind: 'control', placeId: 'p', place: 'P', actors: [], time, timeStart, timeEnd, timePrecision: 'day',
    placePrecision: 1, reportedAt: timeEnd, entries: [], sources: [], status: 'reported', confidence: 0.5, summary: '', quotes: [],
    ...(timeBasis ? { timeBasis } : {}),
  };
}

describe('describeWhen', () => {
  it('writes an exact time with its date, and the year only off the story’s day', () => {
    const w: When = { certainty: 'exact', best: t('2014-06-13T14:05:00Z'), start: 0, end: 0 };
    expect(describeWhen(w, days)).toBe('Fri 13 Jun, 14:05 UTC');
    expect(describeWhen({ ...w, best: t('2013-12-31T21:00:00Z') }, days)).toBe('Tue 31 Dec 2013, 21:00 UTC');
    expect(describeWhen({ ...w, best: t('2014-06-12T09:00:00Z') }, days)).toBe('Thu 12 Jun 2014, 09:00 UTC');
  });

  it('says "about" for a window of a few hours, with the entries’ marker when asked', () => {
    const w = eventWhen(event('2014-06-13T15:00:00Z', '2014-06-13T12:00:00Z', '2014-06-13T18:00:00Z', 'words'), BAGHDAD);
    expect(w.certainty).toBe('about');
    expect(describeWhen(w, days)).toBe('Fri 13 Jun, about 15:00 UTC');
    expect(describeWhen(w, days, { marker: true })).toBe('≈ Fri 13 Jun, about 15:00 UTC');
  });

  it('names the local days of a night: "overnight" is 12–13 Jun in Baghdad', () => {
    const w = eventWhen(event('2014-06-12T22:00:00Z', '2014-06-12T17:00:00Z', '2014-06-13T03:00:00Z', 'words'), BAGHDAD);
    expect(w.certainty).toBe('day');
    expect(describeWhen(w, days)).toBe('12–13 Jun 2014');
  });

  it('names one day when the window is that local day ("on Thursday")', () => {
    const w = eventWhen(event('2014-06-12T09:00:00Z', '2014-06-11T21:00:00Z', '2014-06-12T21:00:00Z', 'words'), BAGHDAD);
    expect(describeWhen(w, days)).toBe('Thu 12 Jun 2014');
  });

  it('gives "earlier this week" as its days, the midnight that ends it excluded', () => {
    const w = eventWhen(event('2014-06-10T21:00:00Z', '2014-06-08T21:00:00Z', '2014-06-12T21:00:00Z', 'words'), BAGHDAD);
    expect(w.certainty).toBe('week');
    expect(describeWhen(w, days)).toBe('9–12 Jun 2014');
  });

  it('names a whole month, and days across two months', () => {
    const march = eventWhen(event('2014-03-16T09:00:00Z', '2014-02-28T21:00:00Z', '2014-03-31T21:00:00Z', 'words'), BAGHDAD);
    expect(march.certainty).toBe('month');
    expect(describeWhen(march, days)).toBe('March 2014');
    const across = eventWhen(event('2014-06-01T09:00:00Z', '2014-05-20T21:00:00Z', '2014-06-12T21:00:00Z', 'words'), BAGHDAD);
    expect(describeWhen(across, days)).toBe('21 May – 12 Jun 2014');
  });

  it('says "earlier in 2014, before 13 Jun" for "earlier this year", not a day in March', () => {
    const w = eventWhen(event('2014-03-23T09:00:00Z', '2013-12-31T21:00:00Z', '2014-06-12T21:00:00Z', 'words'), BAGHDAD);
    expect(w.certainty).toBe('year');
    expect(describeWhen(w, days)).toBe('earlier in 2014, before 13 Jun');
    expect(describeWhen(w, days)).not.toMatch(/Mar|09:00/);
  });

  it('says "by" the report when no time word bounds the event', () => {
    const w = eventWhen(event('2014-06-13T08:13:00Z', '2014-06-12T08:13:00Z', '2014-06-13T08:13:00Z', 'report'), BAGHDAD);
    expect(w.certainty).toBe('by');
    expect(describeWhen(w, days)).toBe('by Fri 13 Jun, 08:13 UTC');
  });

  it('says "about" for an entry whose time was estimated, exact for a printed clock', () => {
    const base = { id: 'a-1', source: 'a', kind: 'report' as const, text: '', mentions: [] };
    expect(describeWhen(entryWhen({ ...base, time: '2014-06-13T10:20:00Z', timeEstimated: false }), days, { marker: true })).toBe('Fri 13 Jun, 10:20 UTC');
    expect(describeWhen(entryWhen({ ...base, time: '2014-06-13T10:20:00Z', timeEstimated: true }), days, { marker: true })).toBe('≈ Fri 13 Jun, about 10:20 UTC');
  });
});

describe('certaintyOf', () => {
  it('follows the window’s width', () => {
    expect([0, 3 * 3600_000, 24 * 3600_000, 5 * 86_400_000, 30 * 86_400_000, 160 * 86_400_000].map(certaintyOf)).toEqual([
      'exact', 'about', 'day', 'week', 'month', 'year',
    ]);
  });
});
