/**
 * The newsroom's review (`?review`, or Review on an imported story): a queue of every extracted
 * event with its evidence, place on the map, actor, previous holder, time and status; accept,
 * reject or edit each (keys J/K, A/R/E, U to undo), add changes the extraction missed from a text
 * selection, and download the corrections file `ingest` applies (docs/review.md).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Decision } from '../../pipeline/review/corrections.ts';
import { buildQueue, decisionFor, evidenceOf, type AddPrefill } from '../../state/review-queue.ts';
import { store } from '../../state/store.ts';
import { useStore } from '../../state/use-store.ts';
import { MapView } from '../MapView.tsx';
import { reviewStrings as t, strings } from '../strings.ts';
import { AddForm, EditForm, RejectForm } from './ReviewForms.tsx';
import { ReviewBar } from './ReviewBar.tsx';
import { ReviewEntries } from './ReviewEntries.tsx';
import { EventDetails } from './EventDetails.tsx';
import './review.css';

type OpenForm = { kind: 'reject' } | { kind: 'edit' } | { kind: 'add'; prefill: AddPrefill } | null;

const typing = (target: EventTarget | null) => target instanceof HTMLElement && !!target.closest('input, select, textarea, form');

export function ReviewView() {
  const model = useStore((s) => s.model);
  const storyId = useStore((s) => s.storyId);
  const decisions = useStore((s) => s.decisions);
  const index = useStore((s) => s.reviewIndex);
  const [form, setForm] = useState<OpenForm>(null);
  const [message, setMessage] = useState('');
  const queueRef = useRef<HTMLOListElement>(null);
  const story = model?.story;
  const queue = useMemo(() => (story ? buildQueue(story) : []), [story]);
  const current = queue[Math.min(index, queue.length - 1)];

  useEffect(() => {
    if (storyId) store.getState().startReview(storyId);
  }, [storyId]);

  // The map shows the current event's place at the event's time.
  useEffect(() => {
    if (!current) return;
    store.getState().setTime(Date.parse(current.event.time));
    store.getState().selectPlace(current.event.placeId);
  }, [current?.event.id]);

  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!store.getState().unsaved) return;
      e.preventDefault();
      e.returnValue = t.leaveWarning;
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);

  const focusItem = (i: number) => requestAnimationFrame(() => queueRef.current?.querySelectorAll<HTMLElement>('button')[i]?.focus());
  const move = (i: number) => {
    const next = Math.max(0, Math.min(queue.length - 1, i));
    store.getState().moveReview(next);
    setForm(null);
    focusItem(next);
  };
  /** Who and when, or null (and the name field focused) while the editor has no name. */
  const stamp = (): { by: string; at: string } | null => {
    const by = store.getState().editor.trim();
    if (by) return { by, at: new Date().toISOString() };
    setMessage(t.editorNeeded);
    document.querySelector<HTMLInputElement>('#review-editor')?.focus();
    return null;
  };
  const decide = (make: (base: { by: string; at: string }) => Decision, advance = true) => {
    const base = stamp();
    if (!base) return;
    store.getState().decide(make(base));
    setMessage('');
    setForm(null);
    // From the store, not this render: keys pressed faster than the page re-renders still move on.
    if (advance) move(store.getState().reviewIndex + 1);
  };
  const open = (kind: 'reject' | 'edit') => stamp() && setForm({ kind });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !typing(e.target)) {
        e.preventDefault();
        store.getState().undoReview();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || form || !current) return;
      const key = e.key.toLowerCase();
      const at = store.getState().reviewIndex;
      if (key === 'j') move(at + 1);
      else if (key === 'k') move(at - 1);
      else if (key === 'a') decide((b) => ({ ...b, action: 'accept', event: queue[at].key }));
      else if (key === 'r') open('reject');
      else if (key === 'e') open('edit');
      else if (key === 'u') store.getState().undoReview();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!model || !story) {
    return (
      <div class="status-page" aria-busy="true">
        <p>{strings.loading}</p>
      </div>
    );
  }
  const added = decisions.filter((d) => d.action === 'add');
  const actorName = (id?: string) => (id ? model.actorById.get(id)?.name ?? id : '');
  const placeName = (id: string) => model.placeById.get(id)?.properties.name ?? id;
  const cancel = () => (setForm(null), focusItem(index));

  return (
    <div class="review">
      <ReviewBar story={story} queue={queue} message={message} />
      <main class="review-layout">
        <section class="review-queue" aria-labelledby="review-queue-title">
          <h2 id="review-queue-title">{t.queue}</h2>
          {queue.length ? null : <p>{t.empty}</p>}
          <ol ref={queueRef}>
            {queue.map((item, i) => {
              const state = decisionFor(decisions, item.key)?.action ?? 'unreviewed';
              return (
                <li key={item.event.id}>
                  <button type="button" aria-current={i === index ? 'true' : undefined} data-state={state} onClick={() => move(i)}>
                    <span>{t.item(item.event.place, t.kinds[item.event.kind] ?? item.event.kind, actorName(item.event.actor))}</span>
                    <span class="review-state">{t.states[state]}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          {added.length ? (
            <>
              <h2>{t.added}</h2>
              <ul class="review-added">
                {added.map((d, i) =>
                  d.action === 'add' ? (
                    <li key={i}>
                      {placeName(d.place)}: {typeof d.actor === 'string' ? actorName(d.actor) : d.actor.name} — “{d.evidence.text}”{' '}
                      <button type="button" class="link-button" aria-label={t.removeAdded(placeName(d.place))} onClick={() => store.getState().removeDecision(d)}>
                        {t.remove}
                      </button>
                    </li>
                  ) : null,
                )}
              </ul>
            </>
          ) : null}
        </section>
        <section class="review-detail" aria-labelledby="review-detail-title">
          <div class="review-map">
            <MapView />
          </div>
          {current && form?.kind !== 'add' ? (
            <>
              <EventDetails model={model} item={current} decision={decisionFor(decisions, current.key)} />
              <div class="review-actions">
                <button type="button" class="review-primary" data-act="accept" onClick={() => decide((b) => ({ ...b, action: 'accept', event: current.key }))}>
                  {t.accept}
                </button>
                <button type="button" data-act="reject" onClick={() => open('reject')}>
                  {t.reject}
                </button>
                <button type="button" data-act="edit" onClick={() => open('edit')}>
                  {t.edit}
                </button>
              </div>
            </>
          ) : null}
          {form?.kind === 'reject' && current ? (
            <RejectForm
              onCancel={cancel}
              onSave={(reason, note) => decide((b) => ({ ...b, ...(note ? { note } : {}), action: 'reject', event: current.key, reason }))}
            />
          ) : null}
          {form?.kind === 'edit' && current ? (
            <EditForm story={story} event={current.event} onCancel={cancel} onSave={(set) => decide((b) => ({ ...b, action: 'edit', event: current.key, set }))} />
          ) : null}
          {form?.kind === 'add' ? (
            <AddForm
              story={story}
              heading={t.addFrom(form.prefill.text)}
              initial={{ place: form.prefill.place ?? '', gazetteer: '', actor: form.prefill.actor ?? '', newActor: '', from: '', start: form.prefill.time.start, end: form.prefill.time.end, precision: '', status: '' }}
              onCancel={cancel}
              onSave={(f) => {
                const prefilled = f.time.start === form.prefill.time.start && f.time.end === form.prefill.time.end && !f.time.precision;
                // An unchanged window is left to ingest, which reads it from the entry as it reads any report.
                const { time, ...rest } = f;
                decide((b) => ({ ...b, action: 'add', kind: 'control', evidence: evidenceOf(form.prefill), ...rest, ...(prefilled ? {} : { time }) }), false);
              }}
            />
          ) : null}
        </section>
        <ReviewEntries
          story={story}
          event={current?.event}
          onAdd={(prefill) => {
            if (!stamp()) return;
            setForm({ kind: 'add', prefill });
            if (prefill.place) store.getState().selectPlace(prefill.place);
          }}
        />
      </main>
    </div>
  );
}
