/**
 * The forms of a review decision: reject with a reason, edit an event's place, actor, time or
 * status, add a change the extraction missed. Each returns the decision's own fields; the view adds
 * who and when. Escape cancels.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { EDIT_STATUSES, REJECT_REASONS, type ActorRef, type EditDecision, type EditStatus, type RejectReason, type TimeEdit } from '../../pipeline/review/corrections.ts';
import type { EventProperties, Story, TimePrecision } from '../../pipeline/types.ts';
import { store } from '../../state/store.ts';
import { reviewStrings as t } from '../strings.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const PRECISIONS = ['', 'minute', 'hour', 'day', 'week', 'month'] as const;

interface FormProps {
  title: string;
  error: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}

/** A decision form: focuses its first field, submits on Enter, cancels on Escape. */
function DecisionForm({ title, error, onSubmit, onCancel, children }: FormProps) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
    form.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  return (
    <form
      ref={form}
      class="review-form"
      aria-label={title}
      onSubmit={(e) => (e.preventDefault(), onSubmit())}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}
    >
      <h3>{title}</h3>
      {children}
      {error ? (
        <p class="review-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="review-form-buttons">
        <button type="submit" class="review-primary">
          {t.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

export function RejectForm({ onSave, onCancel }: { onSave: (reason: RejectReason, note: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState<RejectReason>('not-a-change');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const submit = () => (reason === 'other' && !note.trim() ? setError(t.noteNeeded) : onSave(reason, note.trim()));
  return (
    <DecisionForm title={t.rejectTitle} error={error} onSubmit={submit} onCancel={onCancel}>
      <label>
        {t.reason}
        <select name="reason" value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as RejectReason)}>
          {REJECT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t.reasons[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.note}
        <input name="note" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </label>
    </DecisionForm>
  );
}

/** What the place, actor, time and status fields hold. */
export interface ChangeFields {
  place: string;
  gazetteer: string;
  actor: string;
  newActor: string;
  from: string;
  start: string;
  end: string;
  precision: TimePrecision | '';
  status: EditStatus | '';
}

/** A choice among the story's actors, with an empty first option. */
function ActorSelect(props: { label: string; name: string; value: string; empty: string; actors: Story['actors']; onChange: (e: Event) => void }) {
  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value} onChange={props.onChange}>
        <option value="">{props.empty}</option>
        {props.actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Fields({ story, value, onChange, withFrom }: { story: Story; value: ChangeFields; onChange: (v: ChangeFields) => void; withFrom?: boolean }) {
  const on = (key: keyof ChangeFields) => (e: Event) => {
    const v = (e.target as HTMLInputElement | HTMLSelectElement).value;
    onChange({ ...value, [key]: v });
    // The map shows the place being chosen.
    if (key === 'place' && v) store.getState().selectPlace(v);
  };
  const places = [...story.places.features].map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name));
  const actors = story.actors ?? [];
  return (
    <>
      <div class="review-fields">
        <label>
          {t.storyPlace}
          <select name="place" value={value.place} onChange={on('place')}>
            <option value="">{t.none}</option>
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.admin1 ? `, ${p.admin1}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.gazetteerPlace}
          <input name="gazetteer" value={value.gazetteer} onInput={on('gazetteer')} spellcheck={false} />
        </label>
      </div>
      <div class="review-fields">
        <ActorSelect label={t.storyActor} name="actor" value={value.actor} empty={t.none} actors={actors} onChange={on('actor')} />
        <label>
          {t.newActor}
          <input name="new-actor" value={value.newActor} onInput={on('newActor')} />
        </label>
        {withFrom ? (
          <ActorSelect label={t.from} name="from" value={value.from} empty={t.noFrom} actors={actors} onChange={on('from')} />
        ) : null}
      </div>
      <div class="review-fields">
        <label>
          {t.start}
          <input name="start" value={value.start} onInput={on('start')} spellcheck={false} />
        </label>
        <label>
          {t.end}
          <input name="end" value={value.end} onInput={on('end')} spellcheck={false} />
        </label>
        <label>
          {t.precision}
          <select name="precision" value={value.precision} onChange={on('precision')}>
            {PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {t.precisions[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.status}
          <select name="status" value={value.status} onChange={on('status')}>
            <option value="">{t.keepStatus}</option>
            {EDIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}

/** The window the fields give, or an error message. */
function readTime(v: ChangeFields): TimeEdit | string {
  if (!ISO.test(v.start.trim()) || !ISO.test(v.end.trim()) || Date.parse(v.start) > Date.parse(v.end)) return t.badTime;
  return { start: v.start.trim(), end: v.end.trim(), ...(v.precision ? { precision: v.precision } : {}) };
}

const placeOf = (v: ChangeFields) => v.gazetteer.trim() || v.place;
const actorOf = (v: ChangeFields): ActorRef | undefined => (v.newActor.trim() ? { name: v.newActor.trim() } : v.actor || undefined);

export function EditForm({ story, event, onSave, onCancel }: { story: Story; event: EventProperties; onSave: (set: EditDecision['set']) => void; onCancel: () => void }) {
  const initial: ChangeFields = {
    place: event.placeId, gazetteer: '', actor: event.actor ?? '', newActor: '', from: event.from ?? '',
    start: event.timeStart, end: event.timeEnd, precision: '', status: '',
  };
  const [value, setValue] = useState(initial);
  const [error, setError] = useState('');
  const submit = () => {
    const set: EditDecision['set'] = {};
    if (placeOf(value) && placeOf(value) !== event.placeId) set.place = placeOf(value);
    const actor = actorOf(value);
    if (actor && actor !== (event.actor ?? '')) set.actor = actor;
    if (value.start !== initial.start || value.end !== initial.end || value.precision) {
      const time = readTime(value);
      if (typeof time === 'string') return setError(time);
      set.time = time;
    }
    if (value.status) set.status = value.status;
    if (!Object.keys(set).length) return setError(t.noChange);
    onSave(set);
  };
  return (
    <DecisionForm title={t.editTitle} error={error} onSubmit={submit} onCancel={onCancel}>
      <Fields story={story} value={value} onChange={setValue} />
    </DecisionForm>
  );
}

/** A missed change as the add form returns it. */
export interface AddFields {
  place: string;
  actor: ActorRef;
  from?: ActorRef;
  time: TimeEdit;
  status?: EditStatus;
}

export function AddForm({ story, initial, heading, onSave, onCancel }: { story: Story; initial: ChangeFields; heading: string; onSave: (fields: AddFields) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState('');
  const submit = () => {
    const place = placeOf(value);
    const actor = actorOf(value);
    const time = readTime(value);
    if (!place) return setError(`${t.place}: ${t.none}`);
    if (!actor) return setError(`${t.actor}: ${t.none}`);
    if (typeof time === 'string') return setError(time);
    onSave({ place, actor, time, ...(value.from ? { from: value.from } : {}), ...(value.status ? { status: value.status } : {}) });
  };
  return (
    <DecisionForm title={t.addTitle} error={error} onSubmit={submit} onCancel={onCancel}>
      <p class="review-form-heading">{heading}</p>
      <Fields story={story} value={value} onChange={setValue} withFrom />
    </DecisionForm>
  );
}
