/**
 * Gives every entry of one live blog a UTC time. Printed clocks are read in the page's timezone,
 * the page's reading order is detected, a.m./p.m. ambiguity is settled, and entries that lost
 * their timestamp are placed between their timed neighbours, flagged as estimated with bounds.
 */
import { clockMinutes, findClockReferences } from './clock.ts';
import { headingOffsetDays } from './day-heading.ts';
import type { RawEntry } from './parse-entries.ts';
import { zonedToUtc } from '../timezone.ts';
import type { Warning } from '../types.ts';

export type PageOrder = 'newest-first' | 'oldest-first';

/** A time given by the page itself (printed, or cited by another entry). */
export interface Anchor {
  utc: number;
  /** `printed` for the entry's own clock, `cited` for "see 12:17 entry". */
  how: 'printed' | 'cited';
}

export interface TimedEntry {
  utc: number;
  estimated: boolean;
  bounds?: [number, number];
  clock?: string;
}

const DAY = 1440;
const MINUTE_MS = 60000;

/** Detects whether a page lists its entries newest first, from the clocks it printed. */
export function detectOrder(minutes: Array<number | undefined>): PageOrder {
  let up = 0;
  let down = 0;
  let previous: number | undefined;
  for (const m of minutes) {
    if (m === undefined) continue;
    if (previous !== undefined && m !== previous) (m > previous ? up++ : down++);
    previous = m;
  }
  return down > up ? 'newest-first' : 'oldest-first';
}

/**
 * Reads the printed clocks of a page into UTC anchors.
 * A clock such as `4:37` could be 04:37 or 16:37: the reading that falls inside the span of the
 * page's unambiguous clocks wins (pages append late entries out of place); if that does not
 * decide, the reading that keeps the page's order does.
 */
export function readAnchors(
  entries: RawEntry[],
  page: { date: string; timezone: string },
): { anchors: Map<number, Anchor>; order: PageOrder; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const anchors = new Map<number, Anchor>();
  const readings = entries.map((e) => {
    const c = e.clock;
    if (!c || c.instant !== undefined) return undefined;
    const base = clockMinutes(c);
    return c.ambiguous ? [base, base + 12 * 60] : [base];
  });
  const firm = readings.map((r) => (r && r.length === 1 ? r[0] : undefined));
  const firmCount = firm.filter((m) => m !== undefined).length;
  const order = detectOrder(firmCount >= 2 ? firm : readings.map((r) => r?.[0]));
  const firmValues = firm.filter((m): m is number => m !== undefined);
  const span = firmValues.length >= 2 ? [Math.min(...firmValues), Math.max(...firmValues)] : undefined;

  // Walk the page in the order things happened.
  const sequence = entries.map((_, i) => i);
  if (order === 'newest-first') sequence.reverse();
  let previous: number | undefined;
  let dayOffset = 0;
  for (const i of sequence) {
    const entry = entries[i];
    const clock = entry.clock;
    if (!clock) continue;
    if (clock.instant !== undefined) {
      anchors.set(i, { utc: clock.instant, how: 'printed' });
      continue;
    }
    const options = readings[i]!;
    let minutes = options[0];
    let placedBySpan = false;
    if (options.length > 1) {
      const inSpan = span ? options.filter((m) => m >= span[0] - 30 && m <= span[1] + 30) : [];
      placedBySpan = inSpan.length === 1;
      if (placedBySpan) minutes = inSpan[0];
      else if (previous !== undefined) minutes = options.find((m) => m >= (previous! % DAY) - 5) ?? options[0];
    }
    // A day heading above the entry says which day it is; without one, a page that runs past
    // midnight goes from late evening to early morning.
    const headed = entry.day ? headingOffsetDays(entry.day, page.date) : undefined;
    if (headed !== undefined) dayOffset = headed;
    else if (previous !== undefined && previous % DAY >= 18 * 60 && minutes <= 6 * 60) dayOffset++;
    const absolute = minutes + dayOffset * DAY;
    // An entry placed by the span may sit out of order on the page; it must not steer the rest.
    if (!placedBySpan) previous = absolute;
    anchors.set(i, { utc: zonedToUtc(page.date, absolute, clock.zone ?? page.timezone), how: 'printed' });
  }

  citeReferences(entries, anchors, order, page, warnings);
  return { anchors, order, warnings };
}

/** "Mr Colville (see 12:17 entry) adds…": the earlier entry naming Colville was posted at 12:17. */
function citeReferences(
  entries: RawEntry[],
  anchors: Map<number, Anchor>,
  order: PageOrder,
  page: { date: string; timezone: string },
  warnings: Warning[],
): void {
  entries.forEach((entry, i) => {
    for (const reference of findClockReferences(entry.text)) {
      const names = reference.before.match(/\p{Lu}[\p{L}'-]{2,}/gu) ?? [];
      const name = names[names.length - 1];
      if (!name) continue;
      const step = order === 'oldest-first' ? -1 : 1;
      for (let k = i + step; k >= 0 && k < entries.length; k += step) {
        if (!entries[k].text.includes(name)) continue;
        if (!anchors.has(k)) {
          anchors.set(k, { utc: zonedToUtc(page.date, reference.minutes, page.timezone), how: 'cited' });
        } else {
          warnings.push({ code: 'cited-time', message: `an entry cites the ${name} entry at another time than it shows` });
        }
        break;
      }
    }
  });
}

/**
 * Times for every entry: anchors as they are, other entries spread evenly between the anchors
 * around them (in the page's order) and flagged as estimated with those anchors as bounds.
 * `storySpan` (earliest and latest anchor of the whole story) bounds runs at either end of a page.
 * Summary entries ("Key points") summarise the page, so they take its latest time.
 */
export function fillTimes(
  entries: RawEntry[],
  anchors: Map<number, Anchor>,
  order: PageOrder,
  page: { date: string; timezone: string },
  storySpan?: [number, number],
): { times: TimedEntry[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const times: TimedEntry[] = new Array(entries.length);
  const sequence = entries.map((_, i) => i).filter((i) => entries[i].kind !== 'summary');
  if (order === 'newest-first') sequence.reverse();

  const anchored = sequence.filter((i) => anchors.has(i));
  if (anchored.length === 0) {
    warnings.push({
      code: 'no-timestamps',
      message: 'no entry of this page has a time; times are spread across the day and marked estimated',
      hint: 'Give the page\'s times in the text, or check the date and timezone in the manifest.',
    });
  }
  const dayStart = zonedToUtc(page.date, 0, page.timezone);
  const anchorValues = anchored.map((i) => anchors.get(i)!.utc);
  const first = storySpan?.[0] ?? (anchorValues.length ? Math.min(...anchorValues) : dayStart);
  const last = storySpan?.[1] ?? (anchorValues.length ? Math.max(...anchorValues) : dayStart + (DAY - 1) * MINUTE_MS);

  let run: number[] = [];
  let low: number | undefined;
  const flush = (high: number | undefined) => {
    if (run.length === 0) return;
    // Entries after a page's last clock follow it closely; before its first, the story's
    // earliest clock is the best lower bound there is.
    const step = (run.length + 1) * 5 * MINUTE_MS;
    let lo = low ?? (high === undefined ? first : Math.min(first, high - step));
    let hi = high ?? (low === undefined ? last : low + step);
    if (lo > hi) [lo, hi] = [hi, lo];
    run.forEach((i, k) => {
      const utc = lo + ((hi - lo) * (k + 1)) / (run.length + 1);
      times[i] = { utc: Math.round(utc / MINUTE_MS) * MINUTE_MS, estimated: true, bounds: [lo, hi] };
    });
    run = [];
  };
  for (const i of sequence) {
    const anchor = anchors.get(i);
    if (!anchor) {
      run.push(i);
      continue;
    }
    flush(anchor.utc);
    low = anchor.utc;
    times[i] = { utc: anchor.utc, estimated: false, clock: entries[i].clock?.raw };
  }
  flush(undefined);

  const pageTimes = times.filter(Boolean).map((t) => t.utc);
  const pageFirst = pageTimes.length ? Math.min(...pageTimes) : first;
  const pageLast = pageTimes.length ? Math.max(...pageTimes) : last;
  entries.forEach((entry, i) => {
    if (entry.kind === 'summary') times[i] = { utc: pageLast, estimated: true, bounds: [pageFirst, pageLast] };
  });
  return { times, warnings };
}
