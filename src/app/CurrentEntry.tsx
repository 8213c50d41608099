/** The latest report at the selected time, for the embed: outlet, time and text. */
import { describeWhen, entryWhen } from '../state/time-words.ts';
import { countEntriesAt, type StoryModel } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { shareStrings as t } from './strings.ts';

const EVIDENCE = new Set(['report', 'summary']);
const MAX_CHARS = 320;

function namesTown(model: StoryModel, placeId: string): boolean {
  const p = model.placeById.get(placeId)?.properties;
  return !!p && p.role === 'theatre' && (p.kind === 'town' || p.kind === 'landmark');
}

export function CurrentEntry() {
  const model = useStore((s) => s.model);
  // The index of the latest report at or before the time; re-renders only when it changes.
  // A report that names a town of the map, so an outlet's greeting or sign-off ("Thank you for
  // joining us…") is passed over; any report when none does yet.
  const index = useStore((s) => {
    if (!s.model) return -1;
    const { model } = s;
    const entries = model.story.entries;
    let fallback = -1;
    for (let i = countEntriesAt(model, s.time) - 1; i >= 0; i--) {
      const e = entries[i];
      if (!EVIDENCE.has(e.kind) || e.duplicateOf) continue;
      if (e.kind === 'summary' || e.mentions.some((m) => namesTown(model, m.placeId))) return i;
      if (fallback < 0) fallback = i;
    }
    return fallback;
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
