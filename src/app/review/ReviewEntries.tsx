/**
 * The story's entries in the review: the current event's evidence sentences marked in their
 * entries (scrolled into view), and "Add a change here" for words the editor selects.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entry, EventProperties, Story } from '../../pipeline/types.ts';
import { formatTime } from '../../state/format.ts';
import { prefillAdd, type AddPrefill } from '../../state/review-queue.ts';
import { reviewStrings as t } from '../strings.ts';

/** Offset of a DOM position inside an element's text. */
function offsetIn(element: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The entry and offsets the page's selection covers, when it lies inside one entry's text. */
function readSelection(story: Story): AddPrefill | null {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const host = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('.review-entry-text');
  const el = host(range.startContainer);
  if (!el || el !== host(range.endContainer)) return null;
  const entry = story.entries.find((e) => e.id === el.getAttribute('data-entry'));
  if (!entry) return null;
  return prefillAdd(story, entry, offsetIn(el, range.startContainer, range.startOffset), offsetIn(el, range.endContainer, range.endOffset));
}

function EntryText({ entry, quote }: { entry: Entry; quote?: string }) {
  const at = quote ? entry.text.indexOf(quote) : -1;
  return (
    <p class="review-entry-text" data-entry={entry.id}>
      {at < 0 ? (
        entry.text
      ) : (
        <>
          {entry.text.slice(0, at)}
          <mark>{quote}</mark>
          {entry.text.slice(at + quote!.length)}
        </>
      )}
    </p>
  );
}

export function ReviewEntries({ story, event, onAdd }: { story: Story; event: EventProperties | undefined; onAdd: (prefill: AddPrefill) => void }) {
  const [selection, setSelection] = useState<AddPrefill | null>(null);
  const [hint, setHint] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const quotes = new Map(event ? event.entries.map((id, i) => [id, event.quotes[i]]) : []);
  useEffect(() => {
    const onChange = () => {
      const next = readSelection(story);
      // Keep the last selection while focus moves to the button (which collapses nothing, but be safe).
      if (next) setSelection(next);
      if (next) setHint('');
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [story]);
  useEffect(() => {
    list.current?.querySelector('mark')?.closest('li')?.scrollIntoView({ block: 'nearest' });
  }, [event?.id]);
  const sources = new Map(story.sources.map((s) => [s.id, s.publisher]));
  return (
    <section class="review-entries" aria-labelledby="review-entries-title">
      <div class="review-entries-head">
        <h2 id="review-entries-title">{t.entries}</h2>
        <button type="button" class="review-add" onClick={() => (selection ? onAdd(selection) : setHint(t.selectFirst))}>
          {t.addHere}
          {selection ? `: “${selection.text.length > 40 ? selection.text.slice(0, 40) + '…' : selection.text}”` : ''}
        </button>
      </div>
      <p class="review-hint" role="status">
        {hint || t.entriesHint}
      </p>
      <ol class="review-entry-list" ref={list} tabIndex={0} aria-label={t.entries}>
        {story.entries.map((entry) => (
          <li key={entry.id} class={quotes.has(entry.id) ? 'review-entry evidence' : 'review-entry'}>
            <p class="review-entry-meta">
              {sources.get(entry.source) ?? entry.source}, {formatTime(Date.parse(entry.time), { withDate: true })} UTC
            </p>
            <EntryText entry={entry} quote={quotes.get(entry.id)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
