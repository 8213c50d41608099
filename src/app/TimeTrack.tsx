/**
 * The track: a compressed "earlier" segment, hour ticks, entry density, change ticks coloured
 * by actor, and the thumb (the ARIA slider). Only the thumb re-renders as time moves.
 */
import { useMemo, useRef } from 'preact/hooks';
import { sliderValueText } from '../state/describe-time.ts';
import { formatTime } from '../state/format.ts';
import { store } from '../state/store.ts';
import { earlierShare, fractionToTime, timeToFraction, type StoryModel } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor, theme } from '../theme.ts';
import { strings } from './strings.ts';
import { handleTimeKey } from './time-keys.ts';

const HOUR = 3_600_000;
const BINS = 96;

function density(model: StoryModel): number[] {
  const bins = new Array<number>(BINS).fill(0);
  for (const t of model.entryTimes) bins[Math.min(BINS - 1, Math.floor(timeToFraction(model, t) * BINS))]++;
  const max = Math.max(1, ...bins);
  return bins.map((b) => b / max);
}

function hourTicks(model: StoryModel, every: number): { t: number; label: string }[] {
  const ticks = [];
  const first = Math.ceil(model.start / (every * HOUR)) * every * HOUR;
  for (let t = first; t <= model.end; t += every * HOUR) ticks.push({ t, label: formatTime(t) });
  return ticks;
}

function Thumb({ model }: { model: StoryModel }) {
  const time = useStore((s) => s.time);
  const pct = timeToFraction(model, time) * 100;
  return (
    <div
      class="thumb"
      role="slider"
      tabIndex={0}
      aria-label={strings.sliderLabel}
      aria-valuemin={model.min}
      aria-valuemax={model.end}
      aria-valuenow={time}
      aria-valuetext={sliderValueText(model, time)}
      style={{ left: `${pct}%` }}
      onKeyDown={(e) => {
        if (handleTimeKey(e)) {
          e.preventDefault();
          e.stopPropagation();
        }
      }}
    />
  );
}

function Progress({ model }: { model: StoryModel }) {
  const pct = useStore((s) => timeToFraction(model, s.time) * 100);
  return <div class="progress" style={{ width: `${pct}%` }} />;
}

export function TimeTrack() {
  const model = useStore((s) => s.model);
  const ref = useRef<HTMLDivElement>(null);
  const bars = useMemo(() => (model ? density(model) : []), [model]);
  const ticks = useMemo(() => (model ? hourTicks(model, model.end - model.start > 30 * HOUR ? 6 : 3) : []), [model]);
  if (!model) return null;
  const share = earlierShare(model);
  const actors = model.story.actors ?? [];
  const seek = (e: PointerEvent) => {
    const r = ref.current!.getBoundingClientRect();
    store.getState().setTime(fractionToTime(model, (e.clientX - r.left) / r.width));
  };
  const changes = [
    ...model.changes.map((c) => ({ t: c.time, color: actorColor(actors, c.actor), kind: 'control', key: `${c.placeId}-${c.time}` })),
    ...[...model.eventById.values()]
      .filter((e) => e.kind === 'clash' || e.kind === 'strike')
      .map((e) => ({ t: Date.parse(e.time), color: theme.accent, kind: e.kind, key: e.id })),
  ];
  return (
    <div
      class="track"
      ref={ref}
      onPointerDown={(e) => {
        ref.current!.setPointerCapture(e.pointerId);
        store.getState().pause();
        seek(e);
        (ref.current!.querySelector('.thumb') as HTMLElement | null)?.focus({ preventScroll: true });
      }}
      onPointerMove={(e) => {
        if (ref.current!.hasPointerCapture(e.pointerId)) seek(e);
      }}
    >
      {share > 0 ? (
        <div class="earlier" style={{ width: `${share * 100}%` }} title={strings.earlier}>
          <span>{strings.earlier}</span>
        </div>
      ) : null}
      <div class="density" aria-hidden="true">
        {bars.map((h, i) => (
          <span key={i} style={{ left: `${(i / BINS) * 100}%`, height: `${Math.round(h * 100)}%`, width: `${100 / BINS}%` }} />
        ))}
      </div>
      <div class="rail" aria-hidden="true">
        <Progress model={model} />
      </div>
      <div class="ticks" aria-hidden="true">
        {ticks.map((k) => (
          <span key={k.t} class="hour" style={{ left: `${timeToFraction(model, k.t) * 100}%` }}>
            {k.label}
          </span>
        ))}
      </div>
      <div class="changes" aria-hidden="true">
        {changes.map((c) => (
          <span key={c.key} class={`change ${c.kind}`} style={{ left: `${timeToFraction(model, c.t) * 100}%`, background: c.color }} />
        ))}
      </div>
      <Thumb model={model} />
    </div>
  );
}
