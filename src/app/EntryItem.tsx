/** One entry: outlet, time (≈ when estimated), kind, and its text with place mentions as links. */
import { Component } from 'preact';
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
  /** Ref callback measuring the row (windowed lists). */
  measure?: (el: Element | null) => void;
  /** Place in the whole list when only part of it is rendered (`aria-posinset` / `aria-setsize`). */
  position?: { at: number; of: number };
}

/**
 * A row's likely height in px before it is measured: meta line, padding and text lines at the
 * list's width. Rough by design; the list corrects it once the row is rendered.
 */
export function estimateEntryHeight(entry: Entry, width: number): number {
  // 15 px serif at 1.5 line height, ~7.2 px a character; 16 px padding each side, 3 px border.
  const perLine = Math.max(20, ((width || 400) - 35) / 7.2);
  const lines = Math.max(1, Math.ceil(entry.text.length / perLine));
  return 50 + lines * 22.5;
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

/**
 * Re-renders only when what the row shows changes. The list re-renders each time playback passes
 * an entry, and all but the two rows whose `current` or `future` flips stay as they were.
 */
export class EntryItem extends Component<Props> {
  shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return (
      next.entry !== p.entry ||
      next.index !== p.index ||
      next.model !== p.model ||
      next.future !== p.future ||
      next.current !== p.current ||
      next.selected !== p.selected ||
      next.measure !== p.measure ||
      next.position?.at !== p.position?.at ||
      next.position?.of !== p.position?.of
    );
  }

  render(props: Props) {
    return <EntryRow {...props} />;
  }
}

function EntryRow({ entry, index, model, future, current, selected, measure, position }: Props) {
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
      data-row-key={entry.id}
      data-index={index}
      ref={measure}
      aria-posinset={position?.at}
      aria-setsize={position?.of}
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
