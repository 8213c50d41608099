/** "How this map is made and how far to trust it", as a modal dialog. */
import { useEffect, useRef } from 'preact/hooks';
import { useStore } from '../state/use-store.ts';
import { strings } from './strings.ts';

export function AboutPanel({ onClose }: { onClose: () => void }) {
  const open = useStore((s) => s.aboutOpen);
  const warnings = useStore((s) => s.model?.story.warnings ?? []);
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
      {warnings.length > 0 ? (
        <details>
          <summary>{strings.warnings(warnings.length)}</summary>
          <ul class="warnings">
            {warnings.map((w, i) => (
              <li key={i}>
                {w.message}
                {w.hint ? ` — ${w.hint}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <form method="dialog">
        <button type="submit">{strings.close}</button>
      </form>
    </dialog>
  );
}
