/**
 * All sources' entries merged in time order, with filters; later entries dimmed or hidden,
 * the current one kept in view while playing.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { prefersReducedMotion } from '../state/reduced-motion.ts';
import { countEntriesAt } from '../state/story-model.ts';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { EntryFilters } from './EntryFilters.tsx';
import { EntryItem } from './EntryItem.tsx';
import { strings } from './strings.ts';

export function EntriesPanel() {
  const model = useStore((s) => s.model);
  const count = useStore((s) => (s.model ? countEntriesAt(s.model, s.time) : 0));
  const playing = useStore((s) => s.playing);
  const filters = useStore((s) => s.filters);
  const newestFirst = useStore((s) => s.newestFirst);
  const hideFuture = useStore((s) => s.hideFuture);
  const selectedEntry = useStore((s) => s.entryId);
  const list = useRef<HTMLOListElement>(null);

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

  const visible = useMemo(() => {
    if (!model) return [];
    const q = filters.query.trim().toLowerCase();
    const about = filters.place ? model.entriesByPlace.get(filters.place) : null;
    const rows = model.story.entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => {
        if (filters.outlet && entry.source !== filters.outlet) return false;
        if (filters.place && !about?.has(entry.id)) return false;
        if (filters.actor && !actorsByEntry.get(entry.id)?.has(filters.actor)) return false;
        if (q && !entry.text.toLowerCase().includes(q) && !(entry.author ?? '').toLowerCase().includes(q)) return false;
        return true;
      });
    return newestFirst ? rows.reverse() : rows;
  }, [model, filters, newestFirst, actorsByEntry]);

  useEffect(() => {
    if (!playing || !list.current) return;
    const el = list.current.querySelector<HTMLElement>(`[data-index="${count - 1}"]`);
    if (!el) return;
    const box = list.current;
    const top = el.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + el.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    }
  }, [count, playing]);

  if (!model) return null;
  const shown = hideFuture ? visible.filter((r) => r.index < count) : visible;
  return (
    <aside class="entries" aria-labelledby="entries-title">
      <div class="entries-head">
        <h2 id="entries-title">{strings.entriesTitle}</h2>
        <EntryFilters />
        <p class="entry-count" aria-live="polite">
          {strings.entryCount(shown.length, model.story.entries.length)} · {strings.timesInUtc}
        </p>
      </div>
      <ol class="entry-list" ref={list} onMouseLeave={() => store.getState().hoverPlaces([])}>
        {shown.map(({ entry, index }) => (
          <EntryItem
            key={entry.id}
            entry={entry}
            index={index}
            model={model}
            future={index >= count}
            current={index === count - 1}
            selected={entry.id === selectedEntry}
          />
        ))}
      </ol>
      {shown.length === 0 ? <p class="empty">{strings.noEntries}</p> : null}
    </aside>
  );
}
