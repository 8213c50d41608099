/**
 * Import, loaded on demand: a live blog pasted or dropped (text or saved HTML) with its date,
 * time zone and publisher is built into a story by the pipeline in a Web Worker, then shown;
 * or a story JSON saved earlier is opened again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { decodeText } from '../pipeline/decode-text.ts';
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
      showStory(store, result.story);
      setStatus({ kind: 'done', message: `${t.importDone(result.story.events.features.length, result.story.entries.length, result.warnings.length)} ${t.importLocalNote}` });
    } catch (error) {
      setStatus({ kind: 'error', message: t.importFailed((error as Error).message) });
    }
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
      <p class="dialog-intro">{t.importIntro}</p>
      <form class="import-form" onSubmit={build}>
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
          <button type="submit" class="primary" disabled={status.kind === 'busy'}>
            {t.importRun}
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
