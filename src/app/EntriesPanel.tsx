/**
 * All sources' entries merged in time order, with filters; later entries dimmed or hidden,
 * the current one kept in view while playing. Long lists are windowed (`useVirtualRows`): only
 * the rows near the viewport are in the DOM, so a story of thousands of entries stays light.
 * A story of several days is grouped by UTC day, each day a list under a heading that stays at
 * the top while its entries scroll by; a one-day story has no headings.
 */
import type { Ref } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { formatDay } from '../state/format.ts';
import { prefersReducedMotion } from '../state/reduced-motion.ts';
import { countEntriesAt, type StoryModel } from '../state/story-model.ts';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { EntryFilters } from './EntryFilters.tsx';
import { entryDayRows, type ListRow, spansDays } from './entry-days.ts';
import { EntryItem, estimateEntryHeight } from './EntryItem.tsx';
import { strings, weeksStrings } from './strings.ts';
import { useVirtualRows } from './use-virtual-rows.ts';

interface Row {
  entry: StoryModel['story']['entries'][number];
  index: number;
}

/** First position in `rows` (ordered by index, ascending or descending) where `test` turns true. */
function firstWhere(rows: Row[], test: (index: number) => boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(rows[mid].index)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Stands in for the rows not rendered (padding would not do: a flex item cannot shrink it). */
function Spacer({ height }: { height: number }) {
  return <li class="entry-spacer" role="presentation" aria-hidden="true" style={{ height: `${height}px` }} />;
}

/** How long a follow's smooth scroll is taken to last (Chromium's take a few hundred ms). */
const FOLLOW_SETTLE_MS = 600;
/** While playing, the list shows the clock's progress at most this often. */
const LIST_STEP_MS = 250;

const keyOf = (r: ListRow) => (r.kind === 'day' ? `day:${r.day}` : r.entry.id);
/** A day heading is one line of small capitals with padding. */
const DAY_HEIGHT = 33;
const estimate = (r: ListRow, width: number) => (r.kind === 'day' ? DAY_HEIGHT : estimateEntryHeight(r.entry, width));

/** A day's heading: a real heading (h3 under the panel's h2), stuck to the list's top while its day scrolls. */
function DayHeading({ row, measure }: { row: Extract<ListRow, { kind: 'day' }>; measure?: (el: Element | null) => void }) {
  return (
    <h3 class="entry-day-title" id={`entry-day-${row.day}`} data-row-key={`day:${row.day}`} ref={measure}>
      {weeksStrings.dayHeading(formatDay(row.time), row.count)}
    </h3>
  );
}

export function EntriesPanel() {
  const model = useStore((s) => s.model);
  const playing = useStore((s) => s.playing);
  // While playing, the list moves on a few times a second: at the fastest speeds dozens of entries
  // pass each second, and each pass re-rendered, re-laid-out and repainted the list.
  const count = useStore((s) => (s.model ? countEntriesAt(s.model, s.time) : 0), { paceMs: playing ? LIST_STEP_MS : 0 });
  const filters = useStore((s) => s.filters);
  const newestFirst = useStore((s) => s.newestFirst);
  const hideFuture = useStore((s) => s.hideFuture);
  const selectedEntry = useStore((s) => s.entryId);
  // The rows wait for the map's first frame: building ~160 of them (text, times, layout) would
  // delay it by a few hundred ms on a slow machine (docs/performance.md).
  const settled = useStore((s) => s.mapSettled);

  // Like the rows, the filtering of thousands of entries waits for the map's first frame.
  const actorsByEntry = useMemo(() => {
    const map = new Map<string, Set<string>>();
    if (!settled) return map;
    for (const ev of model?.eventById.values() ?? []) {
      for (const id of ev.entries) {
        const set = map.get(id) ?? new Set<string>();
        ev.actors.forEach((a) => set.add(a));
        if (ev.actor) set.add(ev.actor);
        map.set(id, set);
      }
    }
    return map;
  }, [model, settled]);

  const visible = useMemo((): Row[] => {
    if (!model || !settled) return [];
    const q = filters.query.trim().toLowerCase();
    const about = filters.place ? model.entriesByPlace.get(filters.place) : null;
    // A link may name any page of an outlet: the filter is the whole outlet.
    const outlet = filters.outlet ? (model.outletOf.get(filters.outlet) ?? filters.outlet) : '';
    const rows = model.story.entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => {
        if (outlet && model.outletOf.get(entry.source) !== outlet) return false;
        if (filters.place && !about?.has(entry.id)) return false;
        if (filters.actor && !actorsByEntry.get(entry.id)?.has(filters.actor)) return false;
        if (q && !entry.text.toLowerCase().includes(q) && !(entry.author ?? '').toLowerCase().includes(q)) return false;
        return true;
      });
    return newestFirst ? rows.reverse() : rows;
  }, [model, filters, newestFirst, actorsByEntry, settled]);

  const byDay = useMemo(() => !!model && spansDays(model.story.entries), [model]);
  const list = useMemo(() => entryDayRows(visible, byDay), [visible, byDay]);

  // Shown entries are `visible[from..to]`: hiding later entries cuts one end (rows are in index order).
  let from = 0;
  let to = visible.length;
  if (hideFuture && newestFirst) from = firstWhere(visible, (i) => i < count);
  else if (hideFuture) to = firstWhere(visible, (i) => i >= count);
  // The same cut in the list's rows: a day's heading goes with its first shown entry.
  const rowFrom = from >= to ? 0 : headingOrSelf(list.rows, list.at[from]);
  const rowTo = from >= to ? 0 : list.at[to - 1] + 1;
  const rows = useVirtualRows({ rows: list.rows, from: rowFrom, to: rowTo, keyOf, estimate, keyAttribute: 'data-row-key' });

  // The list follows the current entry: `active` while playing, and after a pause until settled
  // on the paused entry (the paced list may not have reached it). A layout effect, so the list
  // is scrolled before the frame that shows the row is painted.
  const follow = useRef({ top: 0, at: -Infinity, smooth: false, active: false });
  useLayoutEffect(() => {
    const box = rows.scroller.current;
    const f = follow.current;
    if (playing) f.active = true;
    if (!f.active || !box) return;
    const at = newestFirst ? firstWhere(visible, (i) => i <= count - 1) : firstWhere(visible, (i) => i >= count - 1);
    if (at < from || at >= to || visible[at].index !== count - 1) {
      f.active = playing;
      return;
    }
    // A rendered row is measured where it is; one outside the window by its (estimated) offset.
    const el = box.querySelector<HTMLElement>(`[data-index="${count - 1}"]`);
    if (!playing && el) f.active = false;
    const row = list.at[at];
    const top = el ? el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop : rows.top(row);
    const height = el ? el.offsetHeight : rows.height(row);
    // The stuck day heading covers the list's top edge.
    const covered = byDay ? box.querySelector<HTMLElement>('.entry-day-title')?.offsetHeight ?? 0 : 0;
    // While the last follow's scroll is under way, the list is judged where it is going: a row
    // that will be in view needs no new scroll (one per passed entry kept the list in motion).
    const now = performance.now();
    const moving = playing && f.smooth && now - f.at < FOLLOW_SETTLE_MS;
    const scrollTop = moving ? f.top : box.scrollTop;
    if (top < scrollTop + covered || top + height > scrollTop + box.clientHeight) {
      const target = Math.max(0, top - box.clientHeight / 3);
      // A jump to a row not rendered yet: a smooth scroll there would be restarted at every range
      // change. Entries passing faster than a smooth scroll ends, and a pause, are followed by jumps too.
      const smooth = !!el && playing && now - f.at >= FOLLOW_SETTLE_MS && !prefersReducedMotion();
      box.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
      Object.assign(f, { top: target, at: now, smooth });
    }
    // A row far away is reached by its estimated offset; once the rows there are rendered and
    // measured (the range changes), this runs again and settles on the row itself.
  }, [count, playing, rows.start, rows.end]);

  if (!model) return null;
  const shown = rows.end - rows.start;
  const entryOf = (row: Extract<ListRow, { kind: 'entry' }>, i: number) => (
    <EntryItem
      key={row.entry.id}
      entry={row.entry}
      index={row.index}
      model={model}
      future={row.index >= count}
      current={row.index === count - 1}
      selected={row.entry.id === selectedEntry}
      measure={rows.virtual ? rows.measure : undefined}
      position={rows.virtual ? { at: i - from + 1, of: to - from } : undefined}
    />
  );
  // Entry number (in `visible`) of each rendered entry row, for its place in the whole list.
  let entryNumber = firstEntryNumber(list.at, rows.start, from);
  const rendered = settled ? list.rows.slice(rows.start, rows.end) : [];
  let body;
  let padTop = rows.padTop;
  if (!byDay) {
    body = rendered.map((row) => (row.kind === 'entry' ? entryOf(row, entryNumber++) : null));
  } else {
    // Days as groups: the heading of the first rendered day is rendered even when its row is
    // above the window, so it stays stuck at the top; the padding above gives up its height.
    const groups: { heading: number; rows: ListRow[] }[] = [];
    rendered.forEach((row, k) => {
      const at = rows.start + k;
      if (row.kind === 'day') groups.push({ heading: at, rows: [] });
      else {
        if (groups.length === 0) groups.push({ heading: row.heading, rows: [] });
        groups[groups.length - 1].rows.push(row);
      }
    });
    if (groups[0] && groups[0].heading < rows.start) padTop -= rows.height(groups[0].heading);
    body = groups.map((g) => {
      const day = list.rows[g.heading] as Extract<ListRow, { kind: 'day' }>;
      return (
        <li key={day.day} class="entry-day" aria-labelledby={`entry-day-${day.day}`}>
          <DayHeading row={day} measure={rows.virtual && g.heading >= rows.start ? rows.measure : undefined} />
          <ol class="entry-day-list">{g.rows.map((row) => (row.kind === 'entry' ? entryOf(row, entryNumber++) : null))}</ol>
        </li>
      );
    });
  }
  return (
    <aside class="entries" aria-labelledby="entries-title">
      <div class="entries-head">
        <h2 id="entries-title">{strings.entriesTitle}</h2>
        <EntryFilters />
        <p class="entry-count" aria-live="polite">
          {settled ? `${strings.entryCount(to - from, model.story.entries.length)} · ${strings.timesInUtc}` : null}
        </p>
      </div>
      <ol
        class={byDay ? 'entry-list by-day' : 'entry-list'}
        ref={rows.scroller as Ref<HTMLOListElement>}
        style={{ overflowAnchor: 'none' }}
        onMouseLeave={() => store.getState().hoverPlaces([])}
      >
        {padTop > 0 ? <Spacer height={padTop} /> : null}
        {body}
        {rows.padBottom > 0 ? <Spacer height={rows.padBottom} /> : null}
      </ol>
      {shown === 0 && settled ? <p class="empty">{strings.noEntries}</p> : null}
    </aside>
  );
}

/** The row itself, or the day heading just before it when it is its day's first shown entry. */
function headingOrSelf(rows: ListRow[], at: number): number {
  return at > 0 && rows[at - 1].kind === 'day' ? at - 1 : at;
}

/** Number (in the filtered entries) of the first entry at or after row `start`. */
function firstEntryNumber(at: Int32Array, start: number, from: number): number {
  let lo = from;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] >= start) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
