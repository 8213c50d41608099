/** User-facing strings of stories of several days: the day strip, playback by day, entries by day. */
/** The day strip and playback by day (stories of several days; `DayStrip.tsx`). */
export const dayStrings = {
  days: 'Days',
  allDays: 'All days',
  allDaysHint: 'Show every day on the time track',
  /** A day's button for screen readers: "Sat 3 June: 4 changes of control, 52 entries". */
  dayCell: (date: string, changes: number, entries: number) =>
    `${date}: ${changes === 1 ? '1 change' : `${changes} changes`} of control, ${entries === 1 ? '1 entry' : `${entries} entries`}`,
  dayTitle: (date: string, changes: number, entries: number) =>
    `${date} · ${changes === 1 ? '1 change' : `${changes} changes`} of control · ${entries === 1 ? '1 entry' : `${entries} entries`} — zoom the track on this day`,
  /** The speed that plays each day in a few seconds, slow around its changes. */
  byDay: 'By day',
} as const;

/** Weeks of coverage: outlets with a page a day, and the entries list grouped by day. */
export const weeksStrings = {
  /** After an outlet's name in the masthead when it has more than one page. */
  pages: (n: number) => `${n} pages`,
  /** The day heading of the entries list: `Tuesday 6 June 2023 · 24 entries`. */
  dayHeading: (day: string, n: number) => `${day} · ${n} ${n === 1 ? 'entry' : 'entries'}`,
} as const;
