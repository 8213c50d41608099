/**
 * The track: a compressed "earlier" segment, hour ticks, entry density and change ticks coloured
 * by actor (one canvas), and the thumb (the ARIA slider). Only the thumb and the progress bar
 * change as time moves, and they move by `transform`, so playback repaints neither the track
 * nor the marks.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sliderValueText } from '../state/describe-time.ts';
import { formatTime } from '../state/format.ts';
import { store } from '../state/store.ts';
import { earlierShare, fractionToTime, timeToFraction, type StoryModel } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { strings } from './strings.ts';
import { handleTimeKey } from './time-keys.ts';
import { drawTrack, trackPicture } from './track-marks.ts';

const HOUR = 3_600_000;

function hourTicks(model: StoryModel, every: number): { t: number; label: string }[] {
  const ticks = [];
  const first = Math.ceil(model.start / (every * HOUR)) * every * HOUR;
  for (let t = first; t <= model.end; t += every * HOUR) ticks.push({ t, label: formatTime(t) });
  return ticks;
}

/** `width`: the track's width in px, once measured (the thumb sits at `left` until then). */
function Thumb({ model, width }: { model: StoryModel; width: number }) {
  const time = useStore((s) => s.time);
  const fraction = timeToFraction(model, time);
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
      style={width ? { transform: `translateX(${fraction * width}px)` } : { left: `${fraction * 100}%` }}
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
  const fraction = useStore((s) => timeToFraction(model, s.time));
  return <div class="progress" style={{ transform: `scaleX(${fraction})` }} />;
}

function Marks({ model }: { model: StoryModel }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const picture = useMemo(() => trackPicture(model), [model]);
  useEffect(() => {
    const canvas = ref.current!;
    const draw = () => drawTrack(canvas, picture);
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [picture]);
  return <canvas class="marks" ref={ref} aria-hidden="true" />;
}

export function TimeTrack() {
  const model = useStore((s) => s.model);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const track = ref.current;
    if (!track) return;
    const observer = new ResizeObserver(() => setWidth(track.clientWidth));
    observer.observe(track);
    return () => observer.disconnect();
  }, [model]);
  const ticks = useMemo(() => (model ? hourTicks(model, model.end - model.start > 30 * HOUR ? 6 : 3) : []), [model]);
  if (!model) return null;
  const share = earlierShare(model);
  const seek = (e: PointerEvent) => {
    const r = ref.current!.getBoundingClientRect();
    store.getState().setTime(fractionToTime(model, (e.clientX - r.left) / r.width));
  };
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
      <div class="rail" aria-hidden="true">
        <Progress model={model} />
      </div>
      <Marks model={model} />
      <div class="ticks" aria-hidden="true">
        {ticks.map((k) => (
          <span key={k.t} class="hour" style={{ left: `${timeToFraction(model, k.t) * 100}%` }}>
            {k.label}
          </span>
        ))}
      </div>
      <Thumb model={model} width={width} />
    </div>
  );
}
