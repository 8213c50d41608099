import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { assertDate, assertTimeZone, utcToZoned, zonedToUtc, zoneForWord } from './timezone.ts';

describe('timezone', () => {
  it('converts British Summer Time to UTC', () => {
    expect(zonedToUtc('2014-06-13', 16 * 60 + 35, 'Europe/London')).toBe(Date.UTC(2014, 5, 13, 15, 35));
  });

  it('converts US Eastern daylight and standard time to UTC, across midnight', () => {
    expect(zonedToUtc('2017-03-22', 20 * 60, 'America/New_York')).toBe(Date.UTC(2017, 2, 23, 0, 0));
    expect(zonedToUtc('2020-02-27', 20 * 60, 'America/New_York')).toBe(Date.UTC(2020, 1, 28, 1, 0));
  });

  it('handles minutes past 24 h as the next day', () => {
    expect(zonedToUtc('2014-06-13', 24 * 60 + 30, 'Etc/UTC')).toBe(Date.UTC(2014, 5, 14, 0, 30));
  });

  it('goes back from UTC to the local date and minutes', () => {
    expect(utcToZoned(Date.UTC(2022, 3, 1, 21, 30), 'Europe/Kyiv')).toEqual({ date: '2022-04-02', minutes: 30 });
  });

  it('names the bad value of an unknown timezone', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(InputError);
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });

  it('rejects days that do not exist', () => {
    expect(() => assertDate('2014-06-31')).toThrow(/2014-06-31/);
    expect(() => assertDate('13/06/2014')).toThrow(InputError);
    expect(assertDate('2024-02-29')).toBe('2024-02-29');
  });

  it('maps timezone words to IANA zones', () => {
    expect(zoneForWord('BST')).toBe('Europe/London');
    expect(zoneForWord('e.t.')).toBe('America/New_York');
    expect(zoneForWord('XYZ')).toBeUndefined();
  });
});
