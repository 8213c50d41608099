/** One entry: outlet, time (≈ when estimated), kind, and its text with place mentions as links. */
import type { Entry } from '../pipeline/types.ts';
import { formatTime } from '../state/format.ts';
import { store } from '../state/store.ts';
import type { StoryModel } from '../state/story-model.ts';
import { strings } from './strings.ts';

interface Props {
  entry: Entry;
  index: number;
  model: StoryModel;
  future: boolean;
  current: boolean;
  selected: boolean;
}

/** Splits the text at its mentions; every piece is rendered as text, never as HTML. */
function textWithMentions(entry: Entry, model: StoryModel) {
  const parts = [];
  let at = 0;
  const mentions = [...entry.mentions].sort((a, b) => a.start - b.start);
  for (const m of mentions) {
    if (m.start < at || !model.placeById.has(m.placeId)) continue;
    parts.push(entry.text.slice(at, m.start));
    parts.push(
      <button
        type="button"
        class="mention"
        key={`${m.start}`}
        onClick={(e) => {
          e.stopPropagation();
          store.getState().selectPlace(m.placeId);
          store.getState().setFilters({ place: m.placeId });
        }}
      >
        {entry.text.slice(m.start, m.end)}
      </button>,
    );
    at = m.end;
  }
  parts.push(entry.text.slice(at));
  return parts;
}

export function EntryItem({ entry, index, model, future, current, selected }: Props) {
  const source = model.sourceById.get(entry.source);
  const t = Date.parse(entry.time);
  const places = [...new Set(entry.mentions.map((m) => m.placeId))];
  const s = store.getState();
  const classes = ['entry', future ? 'future' : '', current ? 'current' : '', selected ? 'selected' : '', entry.duplicateOf ? 'duplicate' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      class={classes}
      data-entry-id={entry.id}
      data-index={index}
      onMouseEnter={() => s.hoverPlaces(places)}
      onClick={() => s.selectEntry(entry.id)}
    >
      <p class="entry-meta">
        <button
          type="button"
          class="entry-time"
          title={entry.clock ? strings.pageClock(entry.clock) : undefined}
          onClick={(e) => (e.stopPropagation(), s.selectEntry(entry.id))}
        >
          {entry.timeEstimated ? (
            <abbr title={strings.estimatedTime}>{strings.approx}</abbr>
          ) : null}
          {formatTime(t)}
        </button>
        <span class="outlet">{source?.publisher ?? entry.source}</span>
        {strings.kinds[entry.kind] ? <span class="kind">{strings.kinds[entry.kind]}</span> : null}
        {entry.author ? <span class="author">{entry.author}</span> : null}
      </p>
      <p class="entry-text">{textWithMentions(entry, model)}</p>
    </li>
  );
}
