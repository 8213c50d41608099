/**
 * Day headings inside a live blog that runs over several days: a line that is only a date
 * ("Thursday 8 June", "Wednesday, June 7, 2023", "8 June 2023"). The entries under it were
 * posted on that day of the page's clock, whatever the page's own date says.
 */

/** A day as a heading writes it; `year` only when written. */
export interface DayHeading {
  month: number;
  day: number;
  year?: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.map((m) => `${m[0].toUpperCase()}${m.slice(1)}`).join('|')}|${MONTHS.map((m) => `${m[0].toUpperCase()}${m.slice(1, 3)}`).join('|')})\\.?`;
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?(?:\\s+(\\d{4}))?$`, 'i');
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`, 'i');

function monthIndex(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

/**
 * The day a line names when the line is nothing but a date, else undefined.
 * @example readDayHeading('Thursday 8 June') // { month: 6, day: 8 }
 */
export function readDayHeading(line: string): DayHeading | undefined {
  const text = line.trim().replace(/[:.–—-]+$/, '').trim();
  let month: number;
  let day: number;
  let year: number | undefined;
  const first = DAY_FIRST.exec(text);
  const second = first ? null : MONTH_FIRST.exec(text);
  if (first) [day, month, year] = [Number(first[1]), monthIndex(first[2]), first[3] ? Number(first[3]) : undefined];
  else if (second) [month, day, year] = [monthIndex(second[1]), Number(second[2]), second[3] ? Number(second[3]) : undefined];
  else return undefined;
  if (month < 1 || day < 1 || day > 31) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}

/** "Updated on", "Posted", "Published at": words before a post's date and time. */
const STAMP_LEAD = '(?:(?:updated|posted|published|last updated)(?:\\s+(?:on|at))?\\s*:?\\s+)?';
const DATED_DAY_FIRST = new RegExp(`^${STAMP_LEAD}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?(?:\\s+(\\d{4}))?\\s*(?:[,|–—-]|\\bat\\b)?\\s*(?=\\d{1,2}[:.]\\d{2})`, 'i');
const DATED_MONTH_FIRST = new RegExp(`^${STAMP_LEAD}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\s*(?:[,|–—-]|\\bat\\b)?\\s*(?=\\d{1,2}[:.]\\d{2})`, 'i');

/**
 * A post's stamp that writes its date before its clock: "May 17, 2022 07:19 AM IST", "Updated on
 * May 17, 2022 07:19", "Thursday 25 November 2021 - 08:33", "Wednesday, May 11, 3:01 a.m.:".
 * @returns the day, and the line from its clock on; undefined when the line does not start so
 * @example readDatedClock('May 17, 2022 07:19 AM IST Russia says…') // { day: { month: 5, day: 17, year: 2022 }, rest: '07:19 AM IST Russia says…' }
 */
export function readDatedClock(line: string): { day: DayHeading; rest: string } | undefined {
  const first = DATED_DAY_FIRST.exec(line);
  const second = first ? null : DATED_MONTH_FIRST.exec(line);
  let month: number;
  let day: number;
  let year: number | undefined;
  if (first) [day, month, year] = [Number(first[1]), monthIndex(first[2]), first[3] ? Number(first[3]) : undefined];
  else if (second) [month, day, year] = [monthIndex(second[1]), Number(second[2]), second[3] ? Number(second[3]) : undefined];
  else return undefined;
  if (month < 1 || day < 1 || day > 31) return undefined;
  const rest = line.slice((first ?? second)![0].length);
  return { day: year === undefined ? { month, day } : { month, day, year }, rest };
}

const DAY_MS = 86_400_000;

/**
 * Whole days from the page's date (YYYY-MM-DD) to the heading's day; a heading without a year
 * takes the year that puts it nearest the page's date (a page of 31 December may go on to
 * "1 January"). Undefined when the day does not exist.
 * @example headingOffsetDays({ month: 6, day: 9 }, '2023-06-08') // 1
 */
export function headingOffsetDays(heading: DayHeading, pageDate: string): number | undefined {
  const page = Date.parse(`${pageDate}T00:00:00Z`);
  const pageYear = Number(pageDate.slice(0, 4));
  const years = heading.year !== undefined ? [heading.year] : [pageYear - 1, pageYear, pageYear + 1];
  let best: number | undefined;
  for (const y of years) {
    const t = Date.UTC(y, heading.month - 1, heading.day);
    const d = new Date(t);
    if (d.getUTCMonth() !== heading.month - 1) continue;
    const offset = Math.round((t - page) / DAY_MS);
    if (best === undefined || Math.abs(offset) < Math.abs(best)) best = offset;
  }
  return best;
}
