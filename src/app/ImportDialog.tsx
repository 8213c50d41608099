/**
 * Import, loaded on demand: a live blog pasted or dropped (text or saved HTML) with its date,
 * time zone and publisher is built into a story by the pipeline in a Web Worker; the actors it
 * found are listed to rename, recolour or merge ("Actors found"), then the story is shown.
 * A story JSON saved earlier is opened again directly.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { decodeText } from '../pipeline/entries/decode-text.ts';
import type { Actor, Story } from '../pipeline/types.ts';
import { actorEventCounts, editActors, type ActorEdit } from '../import/edit-actors.ts';
import { readStoryFile, showStory } from '../import/show-story.ts';
import { runImport, slugOf } from '../import/run-import.ts';
import { store } from '../state/store.ts';
import { shareStrings as t, strings } from './strings.ts';

const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/London', 'Europe/Kyiv', 'Asia/Baghdad', 'Asia/Damascus', 'America/New_York'];
  }
})();

interface Picked {
  name: string;
  text: string;
}

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [file, setFile] = useState<Picked | null>(null);
  const [date, setDate] = useState('');
  const [tz, setTz] = useState('');
  const [publisher, setPublisher] = useState('');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; message: string }>({ kind: 'idle', message: '' });
  // The story the worker built, waiting in the "Actors found" step until the user builds the map.
  const [found, setFound] = useState<Story | null>(null);
  const runButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const readFile = async (f: File): Promise<Picked> => ({ name: f.name, text: decodeText(new Uint8Array(await f.arrayBuffer()), f.name) });

  const pick = async (f: File | undefined) => {
    if (!f) return;
    try {
      if (/\.json$/i.test(f.name)) {
        const story = readStoryFile(await f.text(), f.name);
        showStory(store, story);
        setStatus({ kind: 'done', message: t.importDone(story.events.features.length, story.entries.length, story.warnings.length) });
        dialog.current?.close();
        return;
      }
      setFile(await readFile(f));
      setFound(null);
      setStatus({ kind: 'idle', message: '' });
    } catch (error) {
      setStatus({ kind: 'error', message: t.importFailed((error as Error).message) });
    }
  };

  const build = async (e: Event) => {
    e.preventDefault();
    const body = file?.text ?? text;
    if (!body.trim()) return setStatus({ kind: 'error', message: t.importEmpty });
    const base = file ? file.name.replace(/\.[^.]*$/, '') : publisher || title || 'live-blog';
    const id = slugOf(base);
    try {
      setStatus({ kind: 'busy', message: t.importWorking(t.importStepGazetteer) });
      const result = await runImport(
        {
          id,
          title: title || publisher || base,
          source: {
            id,
            publisher: publisher || base,
            date: date || undefined,
            timezone: tz || undefined,
            text: body,
            format: file && /\.html?$/i.test(file.name) ? 'html' : 'auto',
          },
        },
        (step) => setStatus({ kind: 'busy', message: t.importWorking(step === 'gazetteer' ? t.importStepGazetteer : t.importStepPipeline) }),
      );
      setFound(result.story);
      setStatus({ kind: 'idle', message: '' });
    } catch (error) {
      setStatus({ kind: 'error', message: t.importFailed((error as Error).message) });
    }
  };

  const show = (edits: ActorEdit[]) => {
    if (!found) return;
    try {
      const story = editActors(found, edits);
      showStory(store, story);
      setStatus({ kind: 'done', message: `${t.importDone(story.events.features.length, story.entries.length, story.warnings.length)} ${t.importLocalNote}` });
    } catch (error) {
      setStatus({ kind: 'error', message: t.importFailed((error as Error).message) });
    }
  };

  const back = () => {
    setFound(null);
    setStatus({ kind: 'idle', message: '' });
    // After the step unmounts, focus returns to where the user left the form.
    requestAnimationFrame(() => runButton.current?.focus());
  };

  return (
    <dialog
      ref={dialog}
      class="share-dialog import-dialog"
      aria-labelledby="import-title"
      onClose={onClose}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void pick(e.dataTransfer?.files[0]);
      }}
    >
      <form method="dialog" class="dialog-close">
        <button type="submit" aria-label={strings.close}>×</button>
      </form>
      <h2 id="import-title">{t.importTitle}</h2>
      <p class="dialog-intro" hidden={!!found}>
        {t.importIntro}
      </p>
      {found ? <ActorsStep story={found} onBuild={show} onBack={back} /> : null}
      <form class="import-form" onSubmit={build} hidden={!!found}>
        <label class="wide">
          {t.importText}
          <textarea
            name="text"
            rows={7}
            value={file ? `${file.name} (${file.text.length.toLocaleString('en')} characters)` : text}
            readOnly={!!file}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <label class="wide file">
          {t.importFile}
          <input type="file" name="file" accept=".txt,.text,.html,.htm,.json,text/plain,text/html,application/json" onChange={(e) => void pick((e.target as HTMLInputElement).files?.[0])} />
        </label>
        <label>
          {t.importDate}
          <input type="date" name="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t.importTz}
          <input name="timezone" list="import-zones" placeholder="Europe/London" value={tz} onInput={(e) => setTz((e.target as HTMLInputElement).value)} />
          <datalist id="import-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <label>
          {t.importPublisher}
          <input name="publisher" value={publisher} onInput={(e) => setPublisher((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t.importTitleField}
          <input name="title" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <div class="wide dialog-actions">
          <button type="submit" class="primary" ref={runButton} disabled={status.kind === 'busy'}>
            {t.importRead}
          </button>
          <label class="link-button">
            {t.importOpenStory}
            <input type="file" class="visually-hidden" name="story" accept=".json,application/json" onChange={(e) => void pick((e.target as HTMLInputElement).files?.[0])} />
          </label>
        </div>
      </form>
      <p class={`import-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-status={status.kind}>
        {status.message}
      </p>
    </dialog>
  );
}

/** What the user has typed for one actor. */
interface Draft {
  name: string;
  short: string;
  color: string;
  mergeInto: string;
}

/** `<input type="color">` takes only lower-case `#rrggbb`; a story colour that is not one shows as grey. */
const inputColor = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : '#999999');

/** The edits a set of drafts asks for: a merge, or only the fields that changed. */
function editsOf(actors: Actor[], drafts: Record<string, Draft>): ActorEdit[] {
  return actors.flatMap((a): ActorEdit[] => {
    const d = drafts[a.id];
    if (d.mergeInto) return [{ id: a.id, mergeInto: d.mergeInto }];
    const edit: ActorEdit = { id: a.id };
    if (d.name !== a.name) edit.name = d.name;
    if (d.short !== a.short) edit.short = d.short;
    if (d.color !== inputColor(a.color)) edit.color = d.color;
    return Object.keys(edit).length > 1 ? [edit] : [];
  });
}

/**
 * The "Actors found" step: each actor the import found, with its colour, name, short label and
 * number of events, to rename, recolour or merge into another before the map is built.
 */
function ActorsStep({ story, onBuild, onBack }: { story: Story; onBuild: (edits: ActorEdit[]) => void; onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // One row per actor id (a story could list an actor twice).
  const actors = useMemo(() => [...new Map(story.actors.map((a) => [a.id, a])).values()], [story]);
  const counts = useMemo(() => actorEventCounts(story), [story]);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(actors.map((a) => [a.id, { name: a.name, short: a.short, color: inputColor(a.color), mergeInto: '' }])),
  );
  useEffect(() => heading.current?.focus(), []);

  const set = (id: string, change: Partial<Draft>) => setDrafts((all) => ({ ...all, [id]: { ...all[id], ...change } }));
  // The actor a merge ends at (A into B, B into C: C), as editActors resolves it; a circle stops anywhere.
  const endOf = (id: string) => {
    const seen = new Set([id]);
    while (drafts[id].mergeInto && !seen.has(drafts[id].mergeInto)) seen.add((id = drafts[id].mergeInto));
    return id;
  };
  const nameOf = (id: string) => drafts[id].name.trim() || actors.find((a) => a.id === id)!.name;

  return (
    <form
      class="actors-step"
      aria-labelledby="actors-title"
      onSubmit={(e) => {
        e.preventDefault();
        onBuild(editsOf(actors, drafts));
      }}
    >
      <h3 id="actors-title" tabIndex={-1} ref={heading}>
        {t.actorsTitle}
      </h3>
      <p class="dialog-intro">{actors.length ? t.actorsIntro(actors.length) : t.actorsNone}</p>
      <ul class="actor-list">
        {actors.map((a) => {
          const d = drafts[a.id];
          const merged = !!d.mergeInto;
          const field = (key: string) => `actor-${key}-${a.id}`;
          return (
            <li key={a.id} class={merged ? 'actor-row merged' : 'actor-row'} data-actor={a.id}>
              <fieldset>
                <legend>
                  <span class="swatch" style={{ background: drafts[endOf(a.id)].color }} aria-hidden="true" />
                  <span class="actor-found">{a.name}</span>
                  <span class="actor-count">{t.actorEvents(counts.get(a.id) ?? 0)}</span>
                </legend>
                <label class="actor-name">
                  {t.actorName}
                  <input id={field('name')} name={field('name')} required disabled={merged} value={d.name} onInput={(e) => set(a.id, { name: (e.target as HTMLInputElement).value })} />
                </label>
                <label class="actor-short">
                  {t.actorShort}
                  <input id={field('short')} name={field('short')} required maxLength={12} disabled={merged} value={d.short} onInput={(e) => set(a.id, { short: (e.target as HTMLInputElement).value })} />
                </label>
                <label class="actor-color">
                  {t.actorColor}
                  <input type="color" id={field('color')} name={field('color')} disabled={merged} value={d.color} onInput={(e) => set(a.id, { color: (e.target as HTMLInputElement).value })} />
                </label>
                <label class="actor-merge">
                  {t.actorMerge}
                  <select id={field('merge')} name={field('merge')} value={d.mergeInto} onChange={(e) => set(a.id, { mergeInto: (e.target as HTMLSelectElement).value })}>
                    <option value="">{t.actorKeep}</option>
                    {actors
                      .filter((o) => o.id !== a.id)
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {nameOf(o.id)}
                        </option>
                      ))}
                  </select>
                </label>
                {merged ? <p class="actor-note">{t.actorMerged(nameOf(endOf(a.id)))}</p> : a.color.toLowerCase() === '#999999' ? <p class="actor-note">{t.actorGrey}</p> : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div class="dialog-actions">
        <button type="submit" class="primary">
          {t.importRun}
        </button>
        <button type="button" class="link-button" onClick={onBack}>
          {t.actorsBack}
        </button>
      </div>
    </form>
  );
}
