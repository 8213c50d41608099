/**
 * All sources' entries merged in time order, with filters; later entries dimmed or hidden,
 * the current one kept in view while playing. Long lists are windowed (`useVirtualRows`): only
 * the rows near the viewport are in the DOM, so a story of thousands of entries stays light.
 */
import type { Ref } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { prefersReducedMotion } from '../state/reduced-motion.ts';
import { countEntriesAt, type StoryModel } from '../state/story-model.ts';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { EntryFilters } from './EntryFilters.tsx';
import { EntryItem, estimateEntryHeight } from './EntryItem.tsx';
import { strings } from './strings.ts';
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

const keyOf = (r: Row) => r.entry.id;
const estimate = (r: Row, width: number) => estimateEntryHeight(r.entry, width);

export function EntriesPanel() {
  const model = useStore((s) => s.model);
  const count = useStore((s) => (s.model ? countEntriesAt(s.model, s.time) : 0));
  const playing = useStore((s) => s.playing);
  const filters = useStore((s) => s.filters);
  const newestFirst = useStore((s) => s.newestFirst);
  const hideFuture = useStore((s) => s.hideFuture);
  const selectedEntry = useStore((s) => s.entryId);
  // The rows wait for the map's first frame: building ~160 of them (text, times, layout) would
  // delay it by a few hundred ms on a slow machine (docs/performance.md).
  const settled = useStore((s) => s.mapSettled);

  const actorsByEntry = useMemo(() => {
    const map = new Map<string, Set<string>>();
    for (const ev of model?.eventById.values() ?? []) {
      for (const id of ev.entries) {
        const set = map.get(id) ?? new Set<string>();
        ev.actors.forEach((a) => set.add(a));
        if (ev.actor) set.add(ev.actor);
        map.set(id, set);
      }
    }
    return map;
  }, [model]);

  const visible = useMemo((): Row[] => {
    if (!model) return [];
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
  }, [model, filters, newestFirst, actorsByEntry]);

  // Shown rows are `visible[from..to]`: hiding later entries cuts one end (rows are in index order).
  let from = 0;
  let to = visible.length;
  if (hideFuture && newestFirst) from = firstWhere(visible, (i) => i < count);
  else if (hideFuture) to = firstWhere(visible, (i) => i >= count);
  const rows = useVirtualRows({ rows: visible, from, to, keyOf, estimate, keyAttribute: 'data-entry-id' });

  useEffect(() => {
    const box = rows.scroller.current;
    if (!playing || !box) return;
    const at = newestFirst ? firstWhere(visible, (i) => i <= count - 1) : firstWhere(visible, (i) => i >= count - 1);
    if (at < from || at >= to || visible[at].index !== count - 1) return;
    // A rendered row is measured where it is; one outside the window by its (estimated) offset.
    const el = box.querySelector<HTMLElement>(`[data-index="${count - 1}"]`);
    const top = el ? el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop : rows.top(at);
    const height = el ? el.offsetHeight : rows.height(at);
    if (top < box.scrollTop || top + height > box.scrollTop + box.clientHeight) {
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    }
  }, [count, playing]);

  if (!model) return null;
  const shown = rows.end - rows.start;
  return (
    <aside class="entries" aria-labelledby="entries-title">
      <div class="entries-head">
        <h2 id="entries-title">{strings.entriesTitle}</h2>
        <EntryFilters />
        <p class="entry-count" aria-live="polite">
          {strings.entryCount(to - from, model.story.entries.length)} · {strings.timesInUtc}
        </p>
      </div>
      <ol
        class="entry-list"
        ref={rows.scroller as Ref<HTMLOListElement>}
        style={{ overflowAnchor: 'none' }}
        onMouseLeave={() => store.getState().hoverPlaces([])}
      >
        {rows.padTop > 0 ? <Spacer height={rows.padTop} /> : null}
        {(settled ? visible.slice(rows.start, rows.end) : []).map(({ entry, index }, i) => (
          <EntryItem
            key={entry.id}
            entry={entry}
            index={index}
            model={model}
            future={index >= count}
            current={index === count - 1}
            selected={entry.id === selectedEntry}
            measure={rows.virtual ? rows.measure : undefined}
            position={rows.virtual ? { at: rows.start - from + i + 1, of: to - from } : undefined}
          />
        ))}
        {rows.padBottom > 0 ? <Spacer height={rows.padBottom} /> : null}
      </ol>
      {shown === 0 && settled ? <p class="empty">{strings.noEntries}</p> : null}
    </aside>
  );
}
