/** The "Embed" dialog: copy-paste code for an article (plain iframe + host script, or pym.js). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { iframeEmbedCode, pymEmbedCode } from '../embed/embed-code.ts';
import { formatTime } from '../state/format.ts';
import { isLocalStoryId } from '../state/local-stories.ts';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { shareStrings as t, strings } from './strings.ts';

function CodeBox({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      area.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div class="code-box">
      <textarea ref={area} readOnly rows={4} value={code} aria-label={label} onFocus={(e) => (e.target as HTMLTextAreaElement).select()} />
      <button type="button" onClick={copy}>
        {copied ? t.copied : t.copy}
      </button>
    </div>
  );
}

export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const story = useStore((s) => s.model?.story);
  // The code opens the embed where the reader is now: the dialog is modal, so this cannot go stale.
  const [view] = useState(() => {
    const s = store.getState();
    return { time: s.time, place: s.placeId, camera: s.camera };
  });
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  if (!story) return null;
  const appUrl = new URL('.', location.href).href;
  const storyId = store.getState().storyId ?? story.id;
  const local = isLocalStoryId(storyId);
  const place = (view.place && store.getState().model?.placeById.get(view.place)?.properties.name) || '';
  const options = { appUrl, storyId, title: story.title, view };
  return (
    <dialog ref={dialog} class="share-dialog" aria-labelledby="embed-title" onClose={onClose}>
      <form method="dialog" class="dialog-close">
        <button type="submit" aria-label={strings.close}>×</button>
      </form>
      <h2 id="embed-title">{t.embedTitle}</h2>
      {local ? (
        <p class="dialog-intro">{t.embedLocal}</p>
      ) : (
        <>
          <p class="dialog-intro">{t.embedIntro}</p>
          <p class="dialog-intro">{t.embedStart(formatTime(view.time, { withDate: true }), place)}</p>
          <CodeBox code={iframeEmbedCode(options)} label={t.embedTitle} />
          <p class="dialog-intro">{t.embedPym}</p>
          <CodeBox code={pymEmbedCode(options)} label={t.embedPym} />
          <p class="dialog-note">{t.embedOembed(new URL(`stories/${story.id}.oembed.json`, appUrl).href)}</p>
        </>
      )}
    </dialog>
  );
}
