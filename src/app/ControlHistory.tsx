/** A place's control timeline: each change with who, when, the quoted sentences and a jump. */
import { formatTime } from '../state/format.ts';
import { store } from '../state/store.ts';
import { changeWhen } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor } from '../theme.ts';
import { SourceName } from './SourceName.tsx';
import { strings } from './strings.ts';
import { WhenText } from './When.tsx';

export function ControlHistory({ placeId }: { placeId: string }) {
  const model = useStore((s) => s.model);
  // The index of the span in force now: re-renders only when it changes.
  const currentIndex = useStore((s) => {
    const spans = s.model?.placeById.get(placeId)?.properties.timeline ?? [];
    let index = -1;
    spans.forEach((span, i) => {
      if (!span.start || Date.parse(span.start) <= s.time) index = i;
    });
    return index;
  });
  if (!model) return null;
  const spans = model.placeById.get(placeId)?.properties.timeline ?? [];
  // the holder before the first report, as the card and table give it: with its basis and reason
  const baseline = model.placeById.get(placeId)?.properties.baseline;
  const startNote = (span: (typeof spans)[number]) =>
    baseline && baseline.actor === span.actor
      ? ` · ${strings.basis[baseline.basis]?.toLowerCase() ?? baseline.basis}: ${strings.basisReason(baseline.rule, baseline.distanceKm)}`
      : span.assumed
        ? ` · ${strings.assumed}`
        : '';
  const actors = model.story.actors ?? [];
  const entryById = new Map(model.story.entries.map((e) => [e.id, e]));
  if (!spans.length || spans.every((s) => !s.start)) {
    return <p class="place-note">{strings.noHistory}</p>;
  }
  // Each event's quotes appear once, under the span it started (an event listed by the span
  // it ended would repeat them).
  const shown = new Set<string>();
  const spanEvents = spans.map((span) =>
    span.events.filter((id) => {
      const ev = model.eventById.get(id);
      if (!ev || shown.has(id)) return false;
      const starts = ev.kind !== 'control' || ev.actor === span.actor || span.actor === 'contested';
      if (starts) shown.add(id);
      return starts;
    }),
  );
  return (
    <div class="history">
      <h3>{strings.controlHistory}</h3>
      <ol>
        {spans.map((span, i) => {
          const start = span.start ? Date.parse(span.start) : null;
          const current = i === currentIndex;
          const name = span.actor === 'contested' ? strings.contested : (model.actorById.get(span.actor)?.name ?? span.actor);
          return (
            <li key={i} class={current ? 'current' : ''}>
              <span class="dot" style={{ background: actorColor(actors, span.actor) }} aria-hidden="true" />
              <div class="history-body">
                <p class="history-head">
                  <strong>{name}</strong>
                  {span.claimants?.length ? ` (${span.claimants.map((c) => model.actorById.get(c)?.short ?? c).join(' / ')})` : ''}
                  <span class="history-time">
                    {start !== null ? <WhenText when={changeWhen(model, placeId, start)} days={model.days} /> : strings.heldBefore}
                    {start === null ? startNote(span) : ''}
                  </span>
                </p>
                {spanEvents[i].map((id) => {
                  const ev = model.eventById.get(id);
                  if (!ev) return null;
                  return ev.quotes.map((quote, qi) => {
                    const entry = entryById.get(ev.entries[qi]);
                    return (
                      <blockquote key={`${id}-${qi}`}>
                        <p>“{quote}”</p>
                        <footer>
                          {entry ? <SourceName source={model.sourceById.get(entry.source)} fallback={entry.source} /> : null}
                          {entry ? `, ${entry.timeEstimated ? strings.approx : ''}${formatTime(Date.parse(entry.time))} UTC` : ''}
                          {ev.status !== 'reported' ? ` · ${ev.status}` : ''}
                        </footer>
                      </blockquote>
                    );
                  });
                })}
                {start !== null ? (
                  <button type="button" class="jump" onClick={() => store.getState().setTime(start)}>
                    {strings.jump}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
