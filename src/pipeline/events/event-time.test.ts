import { describe, expect, it } from 'vitest';
import { findTimeCue, precisionOf, resolveTimeWindow } from './event-time.ts';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const window = (text: string, report: string, tz: string) => {
  const w = resolveTimeWindow(findTimeCue(text), Date.parse(report), tz);
  return { start: iso(w.start), end: iso(w.end), best: iso(w.best), precision: w.precision, label: w.label };
};

describe('resolveTimeWindow', () => {
  it('"overnight" is the night before the report, in the place\'s timezone', () => {
    expect(window('Overnight jihadist fighters took over the cities', '2014-06-13T07:30:00Z', 'Asia/Baghdad')).toEqual({
      start: '2014-06-12T17:00:00Z', end: '2014-06-13T03:00:00Z', best: '2014-06-12T22:00:00Z', precision: 'day', label: 'overnight',
    });
  });

  it('"late Thursday" in a Friday report is Thursday evening', () => {
    const w = window('militants entered the two towns late Thursday', '2014-06-13T08:45:00Z', 'Asia/Baghdad');
    expect(w).toMatchObject({ start: '2014-06-12T15:00:00Z', end: '2014-06-12T23:00:00Z', precision: 'day', label: 'late Thursday' });
  });

  it('"on Thursday" is the whole local day', () => {
    expect(window('On Thursday, Kurdish forces took control', '2014-06-13T10:41:00Z', 'UTC')).toMatchObject({
      start: '2014-06-12T00:00:00Z', end: '2014-06-13T00:00:00Z', label: 'on Thursday',
    });
  });

  it('"earlier this week" runs from Monday to the start of the report day', () => {
    expect(window('Mosul, which was seized earlier this week', '2014-06-13T08:42:00Z', 'UTC')).toMatchObject({
      start: '2014-06-09T00:00:00Z', end: '2014-06-13T00:00:00Z', precision: 'week',
    });
  });

  it('"yesterday" and "earlier this year"', () => {
    expect(window('yesterday the town fell', '2022-04-02T12:00:00Z', 'UTC')).toMatchObject({ start: '2022-04-01T00:00:00Z', end: '2022-04-02T00:00:00Z' });
    expect(window('Earlier this year, after ISIS took over Fallujah', '2014-06-13T14:50:00Z', 'UTC')).toMatchObject({ start: '2014-01-01T00:00:00Z', precision: 'month' });
  });

  it('with no cue, the event happened by the report, within the look-back', () => {
    expect(window('Kurdish Peshmerga fighters retake Jalawla', '2014-06-13T15:35:00Z', 'UTC')).toEqual({
      start: '2014-06-12T15:35:00Z', end: '2014-06-13T15:35:00Z', best: '2014-06-13T15:35:00Z', precision: 'day', label: undefined,
    });
  });

  it('never ends after the report', () => {
    const w = window('this evening the rebels entered', '2020-02-27T10:00:00Z', 'UTC');
    expect(Date.parse(w.end)).toBeLessThanOrEqual(Date.parse('2020-02-27T10:00:00Z'));
  });
});

describe('precisionOf', () => {
  it('maps widths to precisions', () => {
    expect([0, 3, 24, 96, 2000].map((h) => precisionOf(h * 3600_000))).toEqual(['minute', 'hour', 'day', 'week', 'month']);
  });
});

describe('month names', () => {
  const baghdad = 'Asia/Baghdad';
  it('"last May" in a February report is May of the year before', () => {
    const w = resolveTimeWindow(findTimeCue('since they seized the city last May'), Date.parse('2024-02-17T10:00:00Z'), 'Europe/Kyiv');
    expect(new Date(w.start).toISOString()).toBe('2023-04-30T21:00:00.000Z');
    expect(new Date(w.end).toISOString()).toBe('2023-05-31T21:00:00.000Z');
    expect(w).toMatchObject({ precision: 'month', label: 'in May' });
  });

  it('"in March" written in December is this year\'s March', () => {
    const w = resolveTimeWindow(findTimeCue('had recaptured the town in March'), Date.parse('2016-12-11T10:00:00Z'), baghdad);
    expect(new Date(w.start).toISOString().slice(0, 10)).toBe('2016-02-29');
  });

  it('"may" the verb is not a month', () => {
    expect(findTimeCue('the army may retake the town')).toBeUndefined();
  });
});

describe('dates', () => {
  it('"January 29" in a February report is that day, in the place\'s zone', () => {
    const w = resolveTimeWindow(findTimeCue('The capture of the town January 29 opened the road'), Date.parse('2020-02-02T10:00:00Z'), 'Asia/Damascus');
    expect(new Date(w.start).toISOString()).toBe('2020-01-28T22:00:00.000Z');
    expect(new Date(w.end).toISOString()).toBe('2020-01-29T22:00:00.000Z');
    expect(w).toMatchObject({ precision: 'day', label: 'on January 29' });
  });

  it('"on Aug. 3" and "3 August"; a date after the report is last year\'s', () => {
    expect(findTimeCue('rebels entered the town on Aug. 3')).toMatchObject({ month: 7, dayOfMonth: 3 });
    expect(findTimeCue('since 3 August')?.dayOfMonth).toBe(3);
    const w = resolveTimeWindow(findTimeCue('it fell on December 30'), Date.parse('2021-01-02T10:00:00Z'), 'UTC');
    expect(new Date(w.start).toISOString().slice(0, 10)).toBe('2020-12-30');
  });

  it('not a clock or a count: "may 3" lower-case, "Mar 45"', () => {
    expect(findTimeCue('they may 3 times')).toBeUndefined();
    expect(findTimeCue('Mar 45 units')?.dayOfMonth).toBeUndefined();
  });
});
