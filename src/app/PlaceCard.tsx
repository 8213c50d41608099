/** Card for the selected place: names, who holds it now, and its control history with sources. */
import { changeWhen } from '../state/story-model.ts';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor } from '../theme.ts';
import { holderLabel } from '../map/story-data.ts';
import { ControlHistory } from './ControlHistory.tsx';
import { strings } from './strings.ts';
import { WhenText } from './When.tsx';

export function PlaceCard() {
  const model = useStore((s) => s.model);
  const placeId = useStore((s) => s.placeId);
  // Only the holder's label is read per tick, so the card re-renders when control changes.
  const holder = useStore((s) => {
    if (!s.model || !s.placeId) return '';
    const c = s.model.control.at(s.time).get(s.placeId);
    return `${c?.actor ?? 'unknown'}|${holderLabel(s.model, c)}|${c?.since ?? ''}`;
  });
  const place = placeId ? model?.placeById.get(placeId) : undefined;
  if (!model || !place) return null;
  const p = place.properties;
  const [actor, label, since] = holder.split('|');
  const close = () => {
    store.getState().selectPlace(null);
    store.getState().setFilters({ place: '' });
  };
  return (
    <section class="place-card" aria-labelledby="place-card-title" data-place={p.id}>
      <button type="button" class="close" onClick={close} aria-label={strings.close}>
        ×
      </button>
      <h2 id="place-card-title">
        {p.name}
        {p.nameNative ? (
          <span class="native" lang="ar" dir="auto">
            {p.nameNative}
          </span>
        ) : null}
      </h2>
      <p class="place-meta">{[p.admin1, p.country].filter(Boolean).join(', ')}</p>
      <p class="holder" data-actor={actor}>
        <span class="dot" style={{ background: actorColor(model.story.actors ?? [], actor) }} aria-hidden="true" />
        {label ? (
          <>
            <span class="holder-label">{strings.heldBy} </span>
            <strong>{label}</strong>
            {since ? <span class="since">{strings.changedAt} <WhenText when={changeWhen(model, p.id, Number(since))} days={model.days} /></span> : null}
            {!since && p.timeline?.[0]?.assumed ? <span class="since"> · {strings.assumed}</span> : null}
          </>
        ) : (
          strings.unknownControl
        )}
      </p>
      {p.precision === 'approximate' ? <p class="place-note">{strings.approximateLocation(p.uncertaintyKm)}</p> : null}
      <ControlHistory placeId={p.id} />
    </section>
  );
}
