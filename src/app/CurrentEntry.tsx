/** The latest report at the selected time, for the embed: outlet, time and text. */
import { describeWhen, entryWhen } from '../state/time-words.ts';
import { countEntriesAt } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { shareStrings as t } from './strings.ts';

const EVIDENCE = new Set(['report', 'summary']);
const MAX_CHARS = 320;

export function CurrentEntry() {
  const model = useStore((s) => s.model);
  // The index of the latest report at or before the time; re-renders only when it changes.
  const index = useStore((s) => {
    if (!s.model) return -1;
    const entries = s.model.story.entries;
    for (let i = countEntriesAt(s.model, s.time) - 1; i >= 0; i--) {
      if (EVIDENCE.has(entries[i].kind) && !entries[i].duplicateOf) return i;
    }
    return -1;
  });
  if (!model) return null;
  const entry = index >= 0 ? model.story.entries[index] : undefined;
  if (!entry) return <p class="current-entry empty">{t.noEntryYet}</p>;
  const text = entry.text.length > MAX_CHARS ? `${entry.text.slice(0, MAX_CHARS).replace(/\s+\S*$/, '')}…` : entry.text;
  return (
    <figure class="current-entry" data-entry={entry.id}>
      <figcaption>
        <span class="current-label">{t.latestEntry}</span> · {model.sourceById.get(entry.source)?.publisher ?? entry.source},{' '}
        <time dateTime={entry.time}>{describeWhen(entryWhen(entry), model.days, { marker: true })}</time>
      </figcaption>
      <blockquote>{text}</blockquote>
    </figure>
  );
}
