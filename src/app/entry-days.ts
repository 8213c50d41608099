/**
 * The entries list of a story of several days, as rows: a day heading before each UTC day's
 * entries, in the list's order (oldest or newest first), each heading counting the entries of its
 * day that pass the filters. Pure, so the windowed list can place headings like any other row.
 */
import type { Entry } from '../pipeline/types.ts';

/** An entry of the list with its position in the story (`index`, as in `story.entries`). */
export interface EntryRow {
  kind: 'entry';
  entry: Entry;
  index: number;
  /** Position of its day heading in the rows, -1 when the list has none. */
  heading: number;
}

export interface DayRow {
  kind: 'day';
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** Midnight UTC of the day, ms. */
  time: number;
  /** Entries of the day in the list. */
  count: number;
}

export type ListRow = EntryRow | DayRow;

export interface DayRows {
  rows: ListRow[];
  /** Position in `rows` of each entry of the list, by its position in the entries given. */
  at: Int32Array;
}

/**
 * The rows for entries already filtered and ordered; with `byDay` false (a one-day story) the
 * entries alone, as before there were headings.
 * @example entryDayRows([{ entry, index: 0 }], true).rows[0].kind // 'day'
 */
export function entryDayRows(entries: { entry: Entry; index: number }[], byDay: boolean): DayRows {
  const rows: ListRow[] = [];
  const at = new Int32Array(entries.length);
  let day: DayRow | undefined;
  let heading = -1;
  entries.forEach(({ entry, index }, i) => {
    const date = entry.time.slice(0, 10);
    if (byDay && date !== day?.day) {
      day = { kind: 'day', day: date, time: Date.parse(`${date}T00:00:00Z`), count: 0 };
      heading = rows.length;
      rows.push(day);
    }
    if (day) day.count++;
    at[i] = rows.length;
    rows.push({ kind: 'entry', entry, index, heading });
  });
  return { rows, at };
}

/**
 * Whether a story's entries (in time order) fall on more than one UTC day.
 * @example spansDays(story.entries)
 */
export function spansDays(entries: Entry[]): boolean {
  return entries.length > 1 && entries[0].time.slice(0, 10) !== entries[entries.length - 1].time.slice(0, 10);
}
