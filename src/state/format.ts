/** Time formatting for the UI, in UTC and in the outlets' own time zones. */
import type { Source } from '../pipeline/types.ts';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
      timeZoneName: 'short',
    });
    cache.set(key, f);
  }
  return f;
}

/** `Fri 13 Jun, 14:05` in the given zone (default UTC), without the zone name. */
export function formatTime(ms: number, options: { timeZone?: string; withDate?: boolean } = {}): string {
  const parts = formatter(options.timeZone ?? 'UTC', options.withDate ?? false).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const clock = `${get('hour')}:${get('minute')}`;
  return options.withDate ? `${get('weekday')} ${get('day')} ${get('month')}, ${clock}` : clock;
}

const dayFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** `Tuesday 6 June 2023`: the UTC day of a time, in words. */
export function formatDay(ms: number): string {
  const parts = dayFormatter.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** The short zone name at that moment, e.g. `BST`, `GMT+1`, `UTC`. */
export function zoneName(ms: number, timeZone: string): string {
  return formatter(timeZone, false).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * The distinct non-UTC zones of the sources, with the outlets writing in each: an outlet's daily
 * pages name it once.
 */
export function sourceZones(sources: Source[]): { timeZone: string; outlets: string[] }[] {
  const byZone = new Map<string, Set<string>>();
  for (const s of sources) {
    if (!s.timezone || s.timezone === 'UTC' || s.timezone === 'Etc/UTC') continue;
    byZone.set(s.timezone, (byZone.get(s.timezone) ?? new Set()).add(s.publisher));
  }
  return [...byZone].map(([timeZone, outlets]) => ({ timeZone, outlets: [...outlets] }));
}
