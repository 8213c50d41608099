/**
 * Wall-clock ↔ UTC conversion for IANA timezones, with nothing but `Intl`
 * (available in Node and every browser), and the timezone words pages print.
 */
import zoneWords from '../../data/text/timezones.json';
import { InputError } from './errors.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Checks an IANA timezone name and returns it; throws `InputError` naming it otherwise.
 * @example assertTimeZone('Europe/London') // 'Europe/London'
 */
export function assertTimeZone(timeZone: string): string {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    throw new InputError('bad-timezone', `unknown timezone: ${timeZone} (use an IANA name such as Europe/London)`);
  }
}

/**
 * Checks a calendar date `YYYY-MM-DD` that exists (no 31 June); throws `InputError` otherwise.
 * @example assertDate('2014-06-13')
 */
export function assertDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d) return date;
  }
  throw new InputError('bad-date', `invalid date: ${date} (expected an existing day as YYYY-MM-DD)`);
}

const offsetCache = new Map<string, number>();
const QUARTER_HOUR = 15 * 60000;

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (BST → 60). */
export function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  // Offsets change only on quarter-hour boundaries, so one lookup serves a quarter of an hour.
  const key = `${timeZone}|${Math.floor(utcMs / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > 50000) offsetCache.clear();
    offset = computeOffset(utcMs, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeOffset(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The UTC instant of a wall-clock time in a timezone. `minutes` counts from midnight of `date`
 * and may run past 24 h (the next day) or below 0.
 * @example zonedToUtc('2014-06-13', 16 * 60 + 35, 'Europe/London') // Date.UTC(2014, 5, 13, 15, 35)
 */
export function zonedToUtc(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minutes * 60000;
  // Two passes settle the offset even next to a daylight-saving change.
  let utc = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
  utc = wall - zoneOffsetMinutes(utc, timeZone) * 60000;
  return utc;
}

/** The local calendar date (YYYY-MM-DD) and minutes since local midnight of a UTC instant. */
export function utcToZoned(utcMs: number, timeZone: string): { date: string; minutes: number } {
  const local = utcMs + zoneOffsetMinutes(utcMs, timeZone) * 60000;
  const day = new Date(local);
  const date = day.toISOString().slice(0, 10);
  return { date, minutes: day.getUTCHours() * 60 + day.getUTCMinutes() };
}

/**
 * The IANA zone for a timezone word a page prints (`GMT`, `BST`, `ET`), or undefined.
 * @example zoneForWord('bst') // 'Europe/London'
 */
export function zoneForWord(word: string): string | undefined {
  const key = word.replace(/\./g, '').trim().toUpperCase();
  if (key.startsWith('$')) return undefined;
  const zone = (zoneWords as unknown as Record<string, unknown>)[key];
  return typeof zone === 'string' ? zone : undefined;
}

/** Zone abbreviations that name several zones ("IST"): recognised after a clock, never resolved. */
export const AMBIGUOUS_ZONE_WORDS: string[] = (zoneWords as unknown as { $ambiguous: string[] }).$ambiguous;

/** All timezone words known, longest first, for building patterns. */
export const ZONE_WORDS: string[] = Object.keys(zoneWords)
  .filter((k) => !k.startsWith('$') && typeof (zoneWords as Record<string, unknown>)[k] === 'string')
  .sort((a, b) => b.length - a.length);

/** ISO-8601 UTC text of an instant, to the second. */
export function toIso(utcMs: number): string {
  return new Date(Math.round(utcMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
