/** "How this map is made and how far to trust it", as a modal dialog. */
import { useEffect, useRef } from 'preact/hooks';
import type { Warning } from '../pipeline/types.ts';
import { formatTime } from '../state/format.ts';
import { store } from '../state/store.ts';
import type { StoryModel } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { isWebUrl, SourceName } from './SourceName.tsx';
import { strings } from './strings.ts';

/** The reader's sentence for a warning, and the entry it concerns as a link into the list. */
function ReaderWarning({ model, warning }: { model: StoryModel; warning: Warning }) {
  const entry = warning.entry ? model.entryById.get(warning.entry) : undefined;
  const outlet = entry ? (model.sourceById.get(entry.source)?.publisher ?? entry.source) : '';
  return (
    <li data-code={warning.code}>
      {strings.readerWarnings[warning.code] ?? strings.readerWarningOther}
      {entry ? (
        <>
          {' '}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              store.getState().setView({ aboutOpen: false });
              store.getState().selectEntry(entry.id);
            }}
          >
            {strings.warningEntry(outlet, `${entry.timeEstimated ? strings.approx : ''}${formatTime(Date.parse(entry.time))} ${strings.utc}`)}
          </button>
        </>
      ) : null}
    </li>
  );
}

export function AboutPanel({ onClose }: { onClose: () => void }) {
  const open = useStore((s) => s.aboutOpen);
  const model = useStore((s) => s.model);
  const warnings = model?.story.warnings ?? [];
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="about" onClose={onClose} aria-labelledby="about-title">
      <h2 id="about-title">{strings.aboutTitle}</h2>
      {strings.aboutBody.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {model ? (
        <>
          <h3>{strings.sourcesTitle}</h3>
          <ul class="about-sources">
            {model.outlets.map(({ id, publisher, sources }) =>
              sources.length === 1 ? (
                <li key={id}>
                  <SourceName source={sources[0]} fallback={id} />
                  {sources[0].title && sources[0].title !== publisher ? `: ${sources[0].title}` : ''}
                </li>
              ) : (
                // An outlet's daily pages: its name once, then each page by its date.
                <li key={id}>
                  {publisher}:{' '}
                  {sources.map((s, i) => (
                    <span key={s.id}>
                      {i > 0 ? ', ' : ''}
                      {isWebUrl(s.url) ? (
                        <a href={s.url} rel="noopener noreferrer" target="_blank">
                          {s.date ?? s.id}
                        </a>
                      ) : (
                        (s.date ?? s.id)
                      )}
                    </span>
                  ))}
                </li>
              ),
            )}
          </ul>
        </>
      ) : null}
      {model && warnings.length > 0 ? (
        <section class="reader-warnings" aria-labelledby="warnings-title">
          <h3 id="warnings-title">{strings.warnings(warnings.length)}</h3>
          <p>{strings.warningsIntro}</p>
          <ul>
            {warnings.map((w, i) => (
              <ReaderWarning key={i} model={model} warning={w} />
            ))}
          </ul>
          <details class="maker-details">
            <summary>{strings.warningsTechnical}</summary>
            <ul class="warnings">
              {warnings.map((w, i) => (
                <li key={i}>
                  <code>{w.code}</code> {w.message}
                  {w.hint ? ` — ${w.hint}` : ''}
                </li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}
      <form method="dialog">
        <button type="submit">{strings.close}</button>
      </form>
    </dialog>
  );
}
