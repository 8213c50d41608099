/** English month and weekday names, lower case: the calendar words texts write dates with. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const CALENDAR = new Set<string>([...MONTHS, ...WEEKDAYS]);

/** True for a month or weekday name in any case ("January", "MONDAY"). */
export function isCalendarWord(word: string): boolean {
  return CALENDAR.has(word.toLowerCase());
}
