/** The review's header: story, progress (n of N checked), editor's name, undo, download, reopen, leave. */
import { useState } from 'preact/hooks';
import { downloadText } from '../../export/download.ts';
import { parseCorrections } from '../../pipeline/review/corrections.ts';
import type { Story } from '../../pipeline/types.ts';
import { correctionsText, decisionFor, type QueueItem } from '../../state/review-queue.ts';
import { store } from '../../state/store.ts';
import { useStore } from '../../state/use-store.ts';
import { reviewStrings as t } from '../strings.ts';

export function ReviewBar({ story, queue, message }: { story: Story; queue: QueueItem[]; message: string }) {
  const decisions = useStore((s) => s.decisions);
  const editor = useStore((s) => s.editor);
  const unsaved = useStore((s) => s.unsaved);
  const canUndo = useStore((s) => s.undoStack.length > 0);
  const [status, setStatus] = useState('');
  const checked = queue.filter((item) => decisionFor(decisions, item.key)).length;
  const download = () => {
    try {
      downloadText('corrections.json', correctionsText(story.id, decisions), 'application/json');
      store.getState().markSaved();
      setStatus(t.downloaded);
    } catch (error) {
      setStatus(t.openFailed((error as Error).message));
    }
  };
  const reopen = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const corrections = parseCorrections(await file.text(), file.name, story.id);
      store.getState().openDecisions(corrections.decisions);
      setStatus(t.opened(corrections.decisions.length));
    } catch (error) {
      setStatus(t.openFailed((error as Error).message));
    }
  };
  return (
    <header class="review-bar">
      <div class="review-title">
        <p class="kicker">{t.kicker}</p>
        <h1>{t.title(story.title)}</h1>
        <p class="review-keys">{t.keys}</p>
      </div>
      <div class="review-progress">
        <progress id="review-progress" max={queue.length || 1} value={checked} aria-label={t.progressLabel} />
        <span>{t.progress(checked, queue.length)}</span>
      </div>
      <div class="review-tools">
        <label class="review-editor">
          {t.editor}
          <input
            id="review-editor"
            value={editor}
            autocomplete="name"
            onInput={(e) => store.getState().setEditor((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" onClick={() => store.getState().undoReview()} aria-disabled={!canUndo} title={canUndo ? undefined : t.nothingToUndo}>
          {t.undo}
        </button>
        <button type="button" class="review-primary" data-review="download" onClick={download}>
          {t.download}
        </button>
        <label class="review-open">
          {t.openFile}
          <input type="file" accept=".json,application/json" data-review="open" onChange={(e) => void reopen(e.target as HTMLInputElement)} />
        </label>
        <button type="button" onClick={() => store.getState().setMode('app')}>
          {t.exit}
        </button>
      </div>
      <p class="review-status" role="status">
        {message || status || (unsaved ? t.unsaved : '')}
      </p>
    </header>
  );
}
