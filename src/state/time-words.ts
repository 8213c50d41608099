/**
 * When something happened, in words that keep how well it is known: an exact clock, about a time,
 * a day, a week, a month, a year, or only "by" the report that told of it. One notion (`When`)
 * for every view and export, so a vague event never shows as an exact minute.
 */
import { strings } from '../app/strings.ts';
import { utcToZoned } from '../pipeline/timezone.ts';
import type { Entry, EventProperties, Story } from '../pipeline/types.ts';

/**
 * How well a time is known. `exact`: a printed clock; `about`: within a few hours; `day`, `week`,
 * `month`, `year`: only that much is known; `by`: no time word, so only that it happened by the
 * report (at most the pipeline's look-back before).
 */
export type TimeCertainty = 'exact' | 'about' | 'day' | 'week' | 'month' | 'year' | 'by';

/** A time with its window and how well it is known. */
export interface When {
  certainty: TimeCertainty;
  /** Best estimate, ms since epoch (where the map puts it). */
  best: number;
  /** Earliest possible, ms. */
  start: number;
  /** Latest possible, ms; a window ending at a local midnight does not include that day. */
  end: number;
  /** IANA zone whose calendar days name a vague window (the place's); UTC when absent. */
  timeZone?: string;
}

/** The story's own days (UTC, `YYYY-MM-DD`): dates on them are written without the year. */
export interface StoryDays {
  first: string;
  last: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Certainty of a window from its width, the pipeline's thresholds (`precisionOf`) plus a year:
 * ≤1 min exact, ≤6 h about, ≤36 h day, ≤10 days week, ≤45 days month, else year.
 */
export function certaintyOf(widthMs: number): TimeCertainty {
  if (widthMs <= MINUTE) return 'exact';
  if (widthMs <= 6 * HOUR) return 'about';
  if (widthMs <= 36 * HOUR) return 'day';
  if (widthMs <= 10 * DAY) return 'week';
  if (widthMs <= 45 * DAY) return 'month';
  return 'year';
}

/**
 * When an event happened, from its window. An event no time word placed (`timeBasis: 'report'`)
 * is `by` its report.
 * @param timeZone the place's zone, whose calendar the words use
 * @example eventWhen(event, 'Asia/Baghdad').certainty // 'week'
 */
export function eventWhen(event: EventProperties, timeZone?: string): When {
  const start = Date.parse(event.timeStart);
  const end = Date.parse(event.timeEnd);
  const certainty = event.timeBasis === 'report' ? 'by' : certaintyOf(end - start);
  return { certainty, best: Date.parse(event.time), start, end, timeZone };
}

/**
 * When each event of a story happened, by event id: the words use the calendar of the event's
 * place, else of the story's first source (the pipeline read the time words there). The map, the
 * panels and the downloads all read this one table.
 * @example eventWhens(story).get('ev-mosul-control-1')?.certainty // 'week'
 */
export function eventWhens(story: Pick<Story, 'events' | 'places' | 'sources'>): Map<string, When> {
  const zones = new Map(story.places.features.map((f) => [f.properties.id, f.properties.timezone]));
  const fallbackZone = story.sources[0]?.timezone;
  const out = new Map<string, When>();
  for (const f of story.events?.features ?? []) out.set(f.properties.id, eventWhen(f.properties, zones.get(f.properties.placeId) ?? fallbackZone));
  return out;
}

/** When an entry was posted: exact when the page printed its clock, else about (between its neighbours). */
export function entryWhen(entry: Entry): When {
  const best = Date.parse(entry.time);
  if (!entry.timeEstimated) return { certainty: 'exact', best, start: best, end: best };
  const [start, end] = entry.timeBounds ? entry.timeBounds.map(Date.parse) : [best, best];
  return { certainty: 'about', best, start, end };
}

/** An exact time. */
export function exactWhen(ms: number): When {
  return { certainty: 'exact', best: ms, start: ms, end: ms };
}

/** The UTC days of a story's span. */
export function storyDays(span: { start: string; end: string }): StoryDays {
  return { first: span.start.slice(0, 10), last: span.end.slice(0, 10) };
}

const dayNames = new Intl.DateTimeFormat(strings.locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const monthNames = new Intl.DateTimeFormat(strings.locale, { timeZone: 'UTC', month: 'long' });

/** Parts of a calendar date (`YYYY-MM-DD`), or of a UTC instant. */
function partsOf(dateOrMs: string | number) {
  const ms = typeof dateOrMs === 'number' ? dateOrMs : Date.parse(`${dateOrMs}T12:00:00Z`);
  const parts = dayNames.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), day: get('day'), month: get('month'), year: get('year'), clock: `${get('hour')}:${get('minute')}` };
}

const onStoryDays = (date: string, days: StoryDays) => date >= days.first && date <= days.last;

/** `Fri 13 Jun`, with the year when the day is not one of the story's. */
function dayWords(date: string, days: StoryDays, weekday = true): string {
  const p = partsOf(date);
  return strings.timeWords.day({ weekday: weekday ? p.weekday : '', day: p.day, month: p.month, year: onStoryDays(date, days) ? '' : p.year });
}

/**
 * An instant's UTC date and clock, the date with its year when it is off the story's days:
 * `{ date: 'Tue 31 Dec 2013', clock: '21:00' }`.
 */
export function momentWords(ms: number, days: StoryDays): { date: string; clock: string } {
  return { date: dayWords(new Date(ms).toISOString().slice(0, 10), days), clock: partsOf(ms).clock };
}

/** `9–12 Jun`, `28 May – 2 Jun`, `28 Dec 2013 – 2 Jan 2014`: the year once, when a day is off the story's. */
function rangeWords(from: string, to: string, days: StoryDays): string {
  if (from === to) return dayWords(from, days);
  const a = partsOf(from);
  const b = partsOf(to);
  const year = onStoryDays(from, days) && onStoryDays(to, days) ? '' : b.year;
  if (a.year !== b.year) return strings.timeWords.range(dayWords(from, { first: '', last: '' }, false), dayWords(to, { first: '', last: '' }, false));
  if (a.month !== b.month) return strings.timeWords.range(strings.timeWords.day({ weekday: '', day: a.day, month: a.month, year: '' }), strings.timeWords.day({ weekday: '', day: b.day, month: b.month, year }));
  return strings.timeWords.dayRange(a.day, b.day, b.month, year);
}

/**
 * A time in words that say how well it is known, for every view and export (plain text).
 * Clocks are UTC; the days of a vague window are the calendar days of its zone (the place's).
 * @param options.marker prefix vague times with the entries' marker (`≈`)
 * @example describeWhen(eventWhen(mosul, 'Asia/Baghdad'), storyDays(story.span)) // '9–12 Jun 2014'
 * @example describeWhen(eventWhen(fallujah, 'Asia/Baghdad'), days) // 'earlier in 2014, before 13 Jun'
 */
export function describeWhen(when: When, days: StoryDays, options: { marker?: boolean } = {}): string {
  const words = whenWords(when, days);
  return options.marker && when.certainty !== 'exact' ? `${strings.approx} ${words}` : words;
}

function whenWords(when: When, days: StoryDays): string {
  const w = strings.timeWords;
  switch (when.certainty) {
    case 'exact': {
      const m = momentWords(when.best, days);
      return w.exact(m.date, m.clock);
    }
    case 'about': {
      const m = momentWords(when.best, days);
      return w.about(m.date, m.clock);
    }
    case 'by': {
      const m = momentWords(when.end, days);
      return w.by(m.date, m.clock);
    }
    default:
      break;
  }
  const zone = when.timeZone ?? 'UTC';
  const from = utcToZoned(when.start, zone);
  const endsAtMidnight = utcToZoned(when.end, zone).minutes === 0;
  // A window ending at a local midnight does not include that day.
  const to = utcToZoned(endsAtMidnight ? when.end - 1 : when.end, zone).date;
  const [fy, fm, fd] = from.date.split('-');
  const startsDay = from.minutes === 0;
  if (when.certainty === 'year' || when.certainty === 'month') {
    const [ty, tm] = to.split('-');
    const nextDay = utcToZoned(when.end, zone).date;
    if (startsDay && fd === '01' && fy === ty && fm === tm && endsAtMidnight && nextDay.slice(8) === '01') {
      return w.month(monthNames.format(Date.parse(`${from.date}T12:00:00Z`)), fy);
    }
    if (startsDay && fm === '01' && fd === '01' && fy === ty) {
      const limit = utcToZoned(when.end, zone).date;
      return endsAtMidnight ? w.earlierIn(fy, dayWords(limit, { first: limit, last: limit }, false)) : w.inYearBy(fy, dayWords(limit, { first: limit, last: limit }, false));
    }
  }
  return rangeWords(from.date, to, days);
}

/** The words for a certainty, e.g. for a tooltip: "Only the week is known". */
export function certaintyName(certainty: TimeCertainty): string {
  return strings.certainty[certainty];
}
