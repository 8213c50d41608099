/** Plain table of who holds each theatre town at the current time (the no-map fallback). */
import { isMappedTown } from '../map/story-data.ts';
import { store } from '../state/store.ts';
import { changeWhen, type StoryModel } from '../state/story-model.ts';
import type { BaselineHolder } from '../pipeline/types.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor } from '../theme.ts';
import { reviewState } from './review-state.ts';
import { strings } from './strings.ts';
import { WhenText } from './When.tsx';

/** The first quoted sentence behind a span, with its outlet: why the table says what it says. */
function evidence(model: StoryModel, eventIds: string[]) {
  for (const id of eventIds) {
    const ev = model.eventById.get(id);
    if (!ev?.quotes.length) continue;
    const entry = model.entryById.get(ev.entries[0]);
    const outlet = entry ? (model.sourceById.get(entry.source)?.publisher ?? entry.source) : '';
    return (
      <>
        <q>{ev.quotes[0]}</q>
        {outlet ? <span class="evidence-source"> — {outlet}</span> : null}
      </>
    );
  }
  return null;
}

/** Why a holder at the start is given: the stating sentence, the file's source, or the assumption's rule. */
function baselineEvidence(model: StoryModel, baseline: BaselineHolder) {
  const reason = `${strings.basis[baseline.basis]}: ${strings.basisReason(baseline.rule, baseline.distanceKm)}`;
  if (baseline.quotes?.length) {
    const entry = baseline.entries?.length ? model.entryById.get(baseline.entries[0]) : undefined;
    const outlet = entry ? (model.sourceById.get(entry.source)?.publisher ?? entry.source) : '';
    return (
      <>
        <q>{baseline.quotes[0]}</q>
        {outlet ? <span class="evidence-source"> — {outlet}</span> : null}
      </>
    );
  }
  if (baseline.source) return strings.basisSource(baseline.source, (baseline.time ?? '').slice(0, 10));
  return reason;
}

export function ControlTable() {
  const model = useStore((s) => s.model);
  // Re-render only when the table's content changes, not on every tick.
  const rows = useStore(
    (s) => {
      if (!s.model) return [];
      const control = s.model.control.at(s.time);
      return s.model.story.places.features.filter(isMappedTown).map((f) => {
        const c = control.get(f.properties.id);
        return `${f.properties.id}|${f.properties.name}|${c?.actor ?? 'unknown'}|${c?.contested ? 1 : 0}|${c?.since ?? ''}|${c?.events.join(',') ?? ''}|${c?.basis ?? ''}`;
      });
    },
    { shallow: true },
  );
  if (!model) return null;
  const actors = model.story.actors ?? [];
  return (
    <table class="control-table">
      <caption>{strings.tableTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{strings.tablePlace}</th>
          <th scope="col">{strings.tableHolder}</th>
          <th scope="col">{strings.tableSince}</th>
          <th scope="col">{strings.tableEvidence}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const [id, name, actor, contested, since, events, basis] = row.split('|');
          const baseline = basis ? model.placeById.get(id)?.properties.baseline : undefined;
          const review = since && events ? reviewState(model, events.split(',')) : undefined;
          const label =
            actor === 'unknown' ? strings.unknown : (model.actorById.get(actor)?.name ?? actor);
          return (
            <tr key={id}>
              <th scope="row">
                <button type="button" class="link-button" onClick={() => store.getState().selectPlace(id)}>
                  {name}
                </button>
              </th>
              <td>
                <span class="swatch" style={{ background: actorColor(actors, actor) }} aria-hidden="true" />
                {label}
                {contested === '1' ? ` (${strings.contested})` : ''}
              </td>
              <td>
                {since
                  ? <WhenText when={changeWhen(model, id, Number(since))} days={model.days} />
                  : strings.heldBefore + (baseline ? ` (${strings.basis[baseline.basis].toLowerCase()})` : '')}
              </td>
              <td class="evidence" data-basis={basis || undefined}>
                {baseline && baseline.basis !== 'implied' ? baselineEvidence(model, baseline) : evidence(model, events ? events.split(',') : [])}
                {review ? <span class="review-state" data-review={review}>{review === 'checked' ? strings.reviewChecked : strings.reviewUnchecked}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
