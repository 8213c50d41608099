/**
 * When an event happened, as opposed to when it was reported: time words in the sentence
 * ("overnight", "late Thursday", "earlier this week") become a window in the place's local time.
 * The words and their windows are data (`data/lexicon/time-cues.json`).
 */
import timeCues from '../../../data/lexicon/time-cues.json';
import type { TimePrecision } from '../types.ts';
import { utcToZoned, zonedToUtc } from '../timezone.ts';

/** A span of time in ms since epoch, with a best estimate. */
export interface TimeWindow {
  start: number;
  end: number;
  best: number;
  precision: TimePrecision;
  /** The cue's label for summaries (`overnight`, `late Thursday`); absent when no cue was found. */
  label?: string;
  /** True when a time word set the start; false when the start is only the look-back assumption. */
  bounded: boolean;
}

type Offset = [number, string];
interface CueSpec {
  phrases: string[];
  anchor: 'today' | 'weekday' | 'week' | 'month' | 'year' | 'named-month' | 'named-day';
  from: Offset;
  to: Offset | 'report' | 'today' | 'month-end';
  label: string;
}

/** A time word found in a sentence. */
export interface FoundCue {
  start: number;
  end: number;
  text: string;
  spec: CueSpec;
  /** 0 = Sunday … 6 = Saturday, for weekday cues. */
  weekday?: number;
  /** 0 = January … 11 = December, for month cues. */
  month?: number;
  /** Day of the month, for date cues ("January 29", "3 Aug"). */
  dayOfMonth?: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const MONTH_START = /(?<![\w-])(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![\w-])/;
/** The month name a cue matched, if any. */
function monthOf(found: RegExpExecArray): string | undefined {
  return found.slice(1).find((g) => g && MONTHS.some((n) => n.startsWith(g.toLowerCase())) && !WEEKDAYS.includes(g.toLowerCase()));
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const compiled = (timeCues.cues as CueSpec[]).map((spec) => ({
  spec,
  res: spec.phrases.map(
    (p) => new RegExp(`(?<![\\w-])${p.replace('{weekday}', `(${WEEKDAYS.join('|')})`).replace('{month}', MONTH_RE).replace('{day}', DAY_RE).replace(/\s+/g, '\\s+')}(?![\\w-])`, 'gi'),
  ),
}));

/** How long before a report an event with no time word may have happened. */
export const LOOKBACK_MS = timeCues.lookbackHours * HOUR;

/**
 * The first time cue in a text, trying cues in the lexicon's order (specific before general).
 * @example findTimeCue('Overnight jihadist fighters took over the cities')?.spec.label // 'overnight'
 */
export function findTimeCue(text: string): FoundCue | undefined {
  // Month cues need a capitalised month name; most sentences have none.
  const hasMonth = MONTH_START.test(text);
  for (const { spec, res } of compiled) {
    if (!hasMonth && spec.phrases.some((p) => p.includes('{month}'))) continue;
    for (const re of res) {
      re.lastIndex = 0;
      let m = re.exec(text);
      // A month name must be capitalised: "may" is a verb, "May" a month.
      while (m && monthOf(m) && !/^\p{Lu}/u.test(monthOf(m)!)) m = re.exec(text);
      if (!m) continue;
      const day = m.slice(1).find((g) => g && WEEKDAYS.includes(g.toLowerCase()));
      const month = monthOf(m);
      const dayOfMonth = m.slice(1).find((g) => g && /^\d{1,2}$/.test(g));
      if (dayOfMonth && (Number(dayOfMonth) < 1 || Number(dayOfMonth) > 31)) continue;
      return {
        dayOfMonth: dayOfMonth ? Number(dayOfMonth) : undefined,
        start: m.index, end: m.index + m[0].length, text: m[0], spec,
        weekday: day ? WEEKDAYS.indexOf(day.toLowerCase()) : undefined,
        month: month ? MONTHS.findIndex((n) => n.startsWith(month.toLowerCase())) : undefined,
      };
    }
  }
  return undefined;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function anchorDate(cue: FoundCue, today: string): string {
  switch (cue.spec.anchor) {
    case 'weekday':
      return addDays(today, -((weekdayOf(today) - (cue.weekday ?? weekdayOf(today)) + 7) % 7));
    case 'week':
      return addDays(today, -((weekdayOf(today) + 6) % 7));
    case 'month':
      return `${today.slice(0, 8)}01`;
    case 'year':
      return `${today.slice(0, 5)}01-01`;
    case 'named-month': {
      // The latest such month before the report's; "in March" written in March is this March.
      const [y, m] = today.split('-').map(Number);
      const target = (cue.month ?? m - 1) + 1;
      const year = target < m || (target === m && !/^last\b/i.test(cue.text)) ? y : y - 1;
      return `${year}-${String(target).padStart(2, '0')}-01`;
    }
    case 'named-day': {
      // The latest such date on or before the report's day: "January 29" in a February report.
      const [y] = today.split('-').map(Number);
      const md = `${String((cue.month ?? 0) + 1).padStart(2, '0')}-${String(cue.dayOfMonth ?? 1).padStart(2, '0')}`;
      return `${md <= today.slice(5) ? y : y - 1}-${md}`;
    }
    default:
      return today;
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Precision of a window from its width: ≤6 h hour, ≤36 h day, ≤10 days week, else month. */
export function precisionOf(widthMs: number): TimePrecision {
  if (widthMs <= 60_000) return 'minute';
  if (widthMs <= 6 * HOUR) return 'hour';
  if (widthMs <= 36 * HOUR) return 'day';
  if (widthMs <= 10 * DAY) return 'week';
  return 'month';
}

/** The window for a report with no time word: by the report, at most `LOOKBACK_MS` before. */
export function reportWindow(reportMs: number): TimeWindow {
  return { start: reportMs - LOOKBACK_MS, end: reportMs, best: reportMs, precision: 'day', bounded: false };
}

/**
 * The window a cue describes, relative to a report time, in a timezone. A window never ends after
 * the report; one that would start after it falls back to `reportWindow`.
 * @param cue from `findTimeCue`, or undefined for none
 * @param reportMs when the entry was published (ms since epoch)
 * @param timeZone IANA zone of the place (or of the source when the place has none)
 * @example resolveTimeWindow(findTimeCue('late Thursday'), Date.parse('2014-06-13T08:45Z'), 'Asia/Baghdad').label // 'late Thursday'
 */
export function resolveTimeWindow(cue: FoundCue | undefined, reportMs: number, timeZone: string): TimeWindow {
  if (!cue) return reportWindow(reportMs);
  const today = utcToZoned(reportMs, timeZone).date;
  const anchor = anchorDate(cue, today);
  const at = ([days, hhmm]: Offset) => zonedToUtc(addDays(anchor, days), minutesOf(hhmm), timeZone);
  const start = at(cue.spec.from);
  const monthEnd = () => {
    const [y, m] = anchor.split('-').map(Number);
    return zonedToUtc(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10), 0, timeZone);
  };
  let end = cue.spec.to === 'report' ? reportMs : cue.spec.to === 'today' ? zonedToUtc(today, 0, timeZone) : cue.spec.to === 'month-end' ? monthEnd() : at(cue.spec.to);
  if (end > reportMs || end <= start) end = reportMs;
  if (start >= end) return reportWindow(reportMs);
  const weekday = cue.weekday === undefined ? '' : WEEKDAYS[cue.weekday][0].toUpperCase() + WEEKDAYS[cue.weekday].slice(1);
  return {
    start,
    end,
    best: Math.round((start + end) / 2 / 60_000) * 60_000,
    precision: precisionOf(end - start),
    label: cue.spec.label.replace('{Weekday}', weekday).replace('{Month}', cue.month === undefined ? '' : MONTHS[cue.month][0].toUpperCase() + MONTHS[cue.month].slice(1)).replace('{day}', String(cue.dayOfMonth ?? '')),
    bounded: true,
  };
}
