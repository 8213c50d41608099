/** One event under review: what was extracted (place, actor, previous holder, time, status), its evidence and the decision on it. */
import type { Decision } from '../../pipeline/review/corrections.ts';
import type { QueueItem } from '../../state/review-queue.ts';
import type { StoryModel } from '../../state/story-model.ts';
import { formatTime } from '../../state/format.ts';
import { reviewStrings as t } from '../strings.ts';

const when = (iso: string) => `${formatTime(Date.parse(iso), { withDate: true })} ${new Date(iso).getUTCFullYear()}`;

export function EventDetails({ model, item, decision }: { model: StoryModel; item: QueueItem; decision: Decision | undefined }) {
  const { event } = item;
  const actor = (id?: string) => (id ? model.actorById.get(id)?.name ?? id : t.none);
  const sources = new Map(model.story.sources.map((s) => [s.id, s.publisher]));
  const state = decision?.action ?? 'unreviewed';
  return (
    <div class="review-event">
      <h2 id="review-detail-title">
        {t.kinds[event.kind] ?? event.kind}: {event.place}
        <span class="review-state" data-state={state}>
          {t.states[state]}
          {decision?.action === 'reject' ? ` (${t.reasons[decision.reason]})` : ''}
        </span>
      </h2>
      <dl class="review-facts">
        <dt>{t.place}</dt>
        <dd>{event.place}</dd>
        <dt>{t.actor}</dt>
        <dd>{actor(event.actor)}</dd>
        <dt>{t.from}</dt>
        <dd>{actor(event.from)}</dd>
        <dt>{t.time}</dt>
        <dd>
          {when(event.timeStart)} – {when(event.timeEnd)} UTC ({t.precisions[event.timePrecision] ?? event.timePrecision})
        </dd>
        <dt>{t.status}</dt>
        <dd>{t.statuses[event.status] ?? event.status}</dd>
      </dl>
      <h3>{t.evidence}</h3>
      <ul class="review-evidence">
        {event.entries.map((id, i) => {
          const entry = model.entryById.get(id);
          return (
            <li key={id}>
              <span class="review-entry-meta">
                {entry ? `${sources.get(entry.source) ?? entry.source}, ${when(entry.time)} UTC` : id}
              </span>
              <mark>{event.quotes[i]}</mark>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
