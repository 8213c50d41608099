/** Search, outlet and actor filters, the place filter chip, and order/visibility toggles. */
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { strings } from './strings.ts';

export function EntryFilters() {
  const model = useStore((s) => s.model);
  const filters = useStore((s) => s.filters);
  const newestFirst = useStore((s) => s.newestFirst);
  const hideFuture = useStore((s) => s.hideFuture);
  if (!model) return null;
  const s = store.getState();
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  const place = filters.place ? model.placeById.get(filters.place)?.properties.name : null;
  return (
    <div class="filters">
      <input
        type="search"
        class="search"
        placeholder={strings.searchPlaceholder}
        aria-label={strings.searchPlaceholder}
        value={filters.query}
        onInput={(e) => s.setFilters({ query: value(e) })}
      />
      <div class="filter-row">
        <select
          aria-label={strings.allOutlets}
          value={model.outletOf.get(filters.outlet) ?? filters.outlet}
          onChange={(e) => s.setFilters({ outlet: value(e) })}
        >
          <option value="">{strings.allOutlets}</option>
          {model.outlets.map((outlet) => (
            <option key={outlet.id} value={outlet.id}>
              {outlet.publisher}
            </option>
          ))}
        </select>
        {(model.story.actors ?? []).length > 0 ? (
          <select aria-label={strings.allActors} value={filters.actor} onChange={(e) => s.setFilters({ actor: value(e) })}>
            <option value="">{strings.allActors}</option>
            {model.story.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {place ? (
        <p class="chip">
          {strings.filterPlace(place)}
          <button type="button" onClick={() => s.setFilters({ place: '' })}>
            {strings.clearFilter}
          </button>
        </p>
      ) : null}
      <div class="toggles">
        <label>
          <input type="checkbox" checked={newestFirst} onChange={(e) => s.setView({ newestFirst: (e.target as HTMLInputElement).checked })} />
          {strings.newestFirst}
        </label>
        <label>
          <input type="checkbox" checked={hideFuture} onChange={(e) => s.setView({ hideFuture: (e.target as HTMLInputElement).checked })} />
          {strings.hideFuture}
        </label>
      </div>
    </div>
  );
}
