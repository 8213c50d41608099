import { describe, expect, it } from 'vitest';
import { headingOffsetDays, readDayHeading } from './day-heading.ts';

describe('readDayHeading', () => {
  it('reads a line that is only a date, with or without weekday and year', () => {
    expect(readDayHeading('Thursday 8 June')).toEqual({ month: 6, day: 8 });
    expect(readDayHeading('Wednesday, June 7, 2023')).toEqual({ month: 6, day: 7, year: 2023 });
    expect(readDayHeading('8 June 2023')).toEqual({ month: 6, day: 8, year: 2023 });
    expect(readDayHeading('Sat 2nd Dec:')).toEqual({ month: 12, day: 2 });
    expect(readDayHeading('March 1')).toEqual({ month: 3, day: 1 });
  });

  it('leaves sentences, clocks and other short lines alone', () => {
    for (const line of ['On 8 June the town fell.', '8 June: the town fell', 'June', 'Thursday', '14:05 8 June', 'Kherson, 8 June', '32 June']) {
      expect(readDayHeading(line)).toBeUndefined();
    }
  });
});

describe('headingOffsetDays', () => {
  it('counts days from the page date, taking the nearest year when none is written', () => {
    expect(headingOffsetDays({ month: 6, day: 9 }, '2023-06-08')).toBe(1);
    expect(headingOffsetDays({ month: 6, day: 7 }, '2023-06-08')).toBe(-1);
    expect(headingOffsetDays({ month: 1, day: 1 }, '2023-12-31')).toBe(1);
    expect(headingOffsetDays({ month: 12, day: 31, year: 2022 }, '2023-01-01')).toBe(-1);
  });

  it('has no offset for a day that does not exist', () => {
    expect(headingOffsetDays({ month: 2, day: 30 }, '2023-02-27')).toBeUndefined();
  });
});
