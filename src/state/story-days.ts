/**
 * The calendar days of a story (UTC, as `StoryDays` names them): what the day strip shows, and
 * the track's zoom on one day. A story of weeks is read a day at a time; a one-day story has one
 * day and no strip.
 */
import { strings } from '../app/strings.ts';
import type { StoryModel, TimeScale } from './story-model.ts';

export const DAY_MS = 86_400_000;

/** One calendar day of the story and what happened on it. */
export interface StoryDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  /** Its 00:00 and the next day's 00:00, ms. */
  start: number;
  end: number;
  /** Changes of control timed on this day. */
  changes: number;
  /** Entries posted on this day. */
  entries: number;
}

/**
 * The UTC day of an instant.
 * @example dayOf(Date.UTC(2023, 5, 3, 23, 59)) // '2023-06-03'
 */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * 00:00 UTC of a `YYYY-MM-DD` day, NaN for anything else.
 * @example dayStart('2023-06-03') === Date.UTC(2023, 5, 3) // true
 */
export function dayStart(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
}

/** Whether `date` is one of the story's own days (from its first entry's to its last's). */
export function isStoryDay(model: Pick<StoryModel, 'days'>, date: string): boolean {
  return Number.isFinite(dayStart(date)) && date >= model.days.first && date <= model.days.last;
}

/** Whether the story spans more than one calendar day (then the app shows the day strip). */
export function isMultiDay(model: Pick<StoryModel, 'days'>): boolean {
  return model.days.first !== model.days.last;
}

const cache = new WeakMap<StoryModel, StoryDay[]>();

/**
 * Every day of the story, first to last (days without entries included), with its counts.
 * @example listStoryDays(model).map((d) => d.changes) // [9, 3, 14, …]
 */
export function listStoryDays(model: StoryModel): StoryDay[] {
  const known = cache.get(model);
  if (known) return known;
  const days: StoryDay[] = [];
  const index = new Map<string, StoryDay>();
  for (let t = dayStart(model.days.first); t <= dayStart(model.days.last); t += DAY_MS) {
    const day = { date: dayOf(t), start: t, end: t + DAY_MS, changes: 0, entries: 0 };
    days.push(day);
    index.set(day.date, day);
  }
  for (const c of model.changes) {
    const day = index.get(dayOf(c.time));
    if (day) day.changes++;
  }
  for (const t of model.entryTimes) {
    const day = index.get(dayOf(t));
    if (day) day.entries++;
  }
  cache.set(model, days);
  return days;
}

/**
 * What the track spans: the whole story with its prelude, or 00:00–24:00 of the zoomed day.
 * @example trackScale(model, '2023-06-03').min === Date.UTC(2023, 5, 3) // true
 */
export function trackScale(model: StoryModel, zoomDay: string | null): TimeScale {
  if (!zoomDay || !isStoryDay(model, zoomDay)) return model;
  const start = dayStart(zoomDay);
  return { min: start, start, end: start + DAY_MS, prelude: [] };
}

/**
 * The zoom after time moved to `time`: it stays while the time is on the zoomed day (its closing
 * midnight included, where a zoomed day's playback stops), follows the time to another of the
 * story's days, and ends before or after them.
 * @example zoomAfterMove(model, '2023-06-03', Date.UTC(2023, 5, 5, 12)) // '2023-06-05'
 */
export function zoomAfterMove(model: Pick<StoryModel, 'days'>, zoomDay: string | null, time: number): string | null {
  if (!zoomDay) return null;
  const start = dayStart(zoomDay);
  if (time >= start && time <= start + DAY_MS) return zoomDay;
  const day = dayOf(time);
  return isStoryDay(model, day) ? day : null;
}

const longDate = new Intl.DateTimeFormat(strings.locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long' });
const shortDate = new Intl.DateTimeFormat(strings.locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
const weekdayDate = new Intl.DateTimeFormat(strings.locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });

/**
 * A day in words: `long` for screen readers (`Sat 3 June`), `short` (`3 Jun`) and `weekday`
 * (`Sat 3 Jun`) for the strip's labels.
 * @example dayWords('2023-06-03', 'short') // '3 Jun'
 */
export function dayWords(date: string, style: 'long' | 'short' | 'weekday'): string {
  const ms = dayStart(date) + DAY_MS / 2;
  const f = style === 'long' ? longDate : style === 'short' ? shortDate : weekdayDate;
  return f.format(ms).replace(',', '');
}

const LABEL_STEPS = [1, 2, 3, 7, 14, 28];

/**
 * How often the strip can label its days: every `every` days, with the weekday when there is room.
 * @param cellPx one day's width in CSS px
 * @example dayLabelStep(26) // { every: 2, weekday: false }
 */
export function dayLabelStep(cellPx: number, options: { shortPx?: number; weekdayPx?: number } = {}): { every: number; weekday: boolean } {
  const { shortPx = 44, weekdayPx = 70 } = options;
  if (cellPx >= weekdayPx) return { every: 1, weekday: true };
  const every = LABEL_STEPS.find((n) => n * Math.max(1, cellPx) >= shortPx) ?? LABEL_STEPS[LABEL_STEPS.length - 1];
  return { every, weekday: false };
}
