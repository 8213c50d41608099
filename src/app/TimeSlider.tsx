/** Playback controls, the current time in UTC and outlets' zones, and the time track. */
import { useEffect } from 'preact/hooks';
import { DAY_PACE, paceAt, ZOOMED_DAY_PACE } from '../state/day-pace.ts';
import { readoutStep, timeReadout } from '../state/describe-time.ts';
import { formatTime, sourceZones, zoneName } from '../state/format.ts';
import type { Speed } from '../state/playback.ts';
import { store } from '../state/store.ts';
import { isMultiDay } from '../state/story-days.ts';
import { momentWords } from '../state/time-words.ts';
import { speedChoices } from '../state/time-slice.ts';
import { useStore } from '../state/use-store.ts';
import { ChangeAnnouncer } from './ChangeAnnouncer.tsx';
import { ControlTable } from './ControlTable.tsx';
import { DayStrip } from './DayStrip.tsx';
import { Icon } from './Icon.tsx';
import { dayStrings, strings } from './strings.ts';
import { handleTimeKey } from './time-keys.ts';
import { TimeTrack } from './TimeTrack.tsx';

const MINUTE = 60_000;
/** The current time in UTC and in each outlet's zone: the only part that changes as time moves. */
function Readout() {
  const time = useStore((s) => {
    // By day, the pace changes along the day: round to the pace at the time.
    const perSecond = s.speed === 'day' && s.model ? paceAt(s.model, s.time, s.zoomDay ? ZOOMED_DAY_PACE : DAY_PACE) : (s.speed as number);
    const step = readoutStep(s.playing, perSecond) * MINUTE;
    return Math.floor(s.time / step) * step;
  });
  const model = useStore((s) => s.model);
  const sources = model?.story.sources ?? [];
  // Before the story the readout names the prelude step, not a clock (a vague change has none).
  if (model && time < model.start) {
    return (
      <div class="readout" aria-live="off">
        <span class="utc before-story">{timeReadout(model, time)}</span>
      </div>
    );
  }
  const m = model ? momentWords(time, model.days) : null;
  const words = m ? `${m.date}, ${m.clock}` : formatTime(time, { withDate: true });
  return (
    <div class="readout" aria-live="off">
      <time class="utc" dateTime={new Date(time).toISOString()}>
        {words} <abbr>{strings.utc}</abbr>
      </time>
      {sourceZones(sources).map((z) => (
        <span class="local" key={z.timeZone} title={z.outlets.join(', ')}>
          {formatTime(time, { timeZone: z.timeZone })} {zoneName(time, z.timeZone)}
        </span>
      ))}
    </div>
  );
}

/**
 * The table of who holds what, behind a disclosure. The table is built only while it is open:
 * closed, it would still follow every change of control during playback.
 */
function TableView() {
  const open = useStore((s) => s.tableOpen);
  return (
    <details
      class="table-view"
      id="control-table"
      open={open}
      onToggle={(e) => store.getState().setView({ tableOpen: (e.currentTarget as HTMLDetailsElement).open })}
    >
      <summary>{strings.tableShow}</summary>
      {open ? <ControlTable /> : null}
    </details>
  );
}

// TimeSlider itself does not read the time: re-rendering it every minute of playback would
// re-render the track's thousands of ticks and the table with it.
export function TimeSlider() {
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  const model = useStore((s) => s.model);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (t.closest('input, textarea, select, [contenteditable="true"], dialog[open]')) return;
      if (e.key === ' ' && t.closest('button, a, summary')) return;
      if (t.closest('.maplibregl-canvas-container, .maplibregl-canvas') && e.key.startsWith('Arrow')) return;
      if (handleTimeKey(e)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const s = store.getState();
  return (
    <div class="time-slider">
      <div class="time-controls">
        <button type="button" class="icon" onClick={() => s.jumpToChange(-1)} aria-label={strings.prevChange} title={strings.prevChange}>
          <Icon name="prev" />
        </button>
        <button
          type="button"
          class="play"
          onClick={() => s.togglePlay()}
          aria-label={playing ? strings.pause : strings.play}
          aria-pressed={playing}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" class="icon" onClick={() => s.jumpToChange(1)} aria-label={strings.nextChange} title={strings.nextChange}>
          <Icon name="next" />
        </button>
        <label class="speed">
          <span class="visually-hidden">{strings.speed}</span>
          <select
            value={String(speed)}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              s.setSpeed(v === 'day' ? 'day' : Number(v));
            }}
          >
            {speedChoices(model).map((v: Speed) => (
              <option key={v} value={String(v)}>
                {v === 'day' ? dayStrings.byDay : strings.speeds(v)}
              </option>
            ))}
          </select>
        </label>
        <Readout />
      </div>
      {model && isMultiDay(model) ? <DayStrip model={model} /> : null}
      <TimeTrack />
      <p class="keyboard-hint">{strings.keyboardHint}</p>
      <ChangeAnnouncer />
      <TableView />
    </div>
  );
}
