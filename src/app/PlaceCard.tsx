/** Card for the selected place: names, who holds it now, and its control history with sources. */
import { changeWhen } from '../state/story-model.ts';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor } from '../theme.ts';
import { holderLabel } from '../map/story-data.ts';
import { ControlHistory } from './ControlHistory.tsx';
import { reviewState } from './review-state.ts';
import { strings } from './strings.ts';
import { WhenText } from './When.tsx';
import { entryWhen } from '../state/time-words.ts';
import type { StoryModel } from '../state/story-model.ts';
import type { BaselineHolder } from '../pipeline/types.ts';

/** How the holder at the story's start is known, with its evidence: the sentence, the file's source, or the rule. */
function BaselineBasisNote({ model, baseline }: { model: StoryModel; baseline: BaselineHolder }) {
  const actor = model.actorById.get(baseline.actor)?.name ?? baseline.actor;
  const entry = baseline.entries?.length ? model.entryById.get(baseline.entries[0]) : undefined;
  const outlet = entry ? (model.sourceById.get(entry.source)?.publisher ?? entry.source) : '';
  return (
    <div class="baseline-basis" data-basis={baseline.basis}>
      <p>{strings.basisLine(strings.basis[baseline.basis], actor, strings.basisReason(baseline.rule, baseline.distanceKm))}</p>
      {baseline.quotes?.length ? (
        <p class="baseline-evidence">
          <q>{baseline.quotes[0]}</q>
          {outlet ? (
            <span class="evidence-source">
              {' '}— {outlet}
              {entry ? <>, <WhenText when={entryWhen(entry)} days={model.days} /></> : null}
            </span>
          ) : null}
        </p>
      ) : null}
      {baseline.source ? <p class="baseline-evidence">{strings.basisSource(baseline.source, (baseline.time ?? '').slice(0, 10))}</p> : null}
    </div>
  );
}

export function PlaceCard() {
  const model = useStore((s) => s.model);
  const placeId = useStore((s) => s.placeId);
  // Only the holder's label is read per tick, so the card re-renders when control changes.
  const holder = useStore((s) => {
    if (!s.model || !s.placeId) return '';
    const c = s.model.control.at(s.time).get(s.placeId);
    return `${c?.actor ?? 'unknown'}|${holderLabel(s.model, c)}|${c?.since ?? ''}|${c?.basis ?? ''}|${c?.events.join(',') ?? ''}`;
  });
  const place = placeId ? model?.placeById.get(placeId) : undefined;
  if (!model || !place) return null;
  const p = place.properties;
  const [actor, label, since, basis, events] = holder.split('|');
  // The review state speaks for reported changes, not for a holder known before any.
  const review = since && events ? reviewState(model, events.split(',')) : undefined;
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
          </>
        ) : (
          strings.unknownControl
        )}
      </p>
      {review ? <p class="review-state" data-review={review}>{review === 'checked' ? strings.reviewChecked : strings.reviewUnchecked}</p> : null}
      {basis && p.baseline ? <BaselineBasisNote model={model} baseline={p.baseline} /> : null}
      {p.precision === 'approximate' ? <p class="place-note">{strings.approximateLocation(p.uncertaintyKm)}</p> : null}
      <ControlHistory placeId={p.id} />
    </section>
  );
}
