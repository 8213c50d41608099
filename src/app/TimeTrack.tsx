/**
 * The track: a compressed "earlier" segment, hour ticks, entry density and change ticks coloured
 * by actor (one canvas), and the thumb (the ARIA slider). Only the thumb and the progress bar
 * change as time moves, and they move by `transform`, so playback repaints neither the track
 * nor the marks. Zoomed on a day (`zoomDay`), the track, its marks and density span 00:00–24:00
 * of that day.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sliderValueText } from '../state/describe-time.ts';
import { store } from '../state/store.ts';
import { trackScale } from '../state/story-days.ts';
import { earlierShare, fractionToTime, timeToFraction, type StoryModel, type TimeScale } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { strings } from './strings.ts';
import { handleTimeKey } from './time-keys.ts';
import { drawTrack, trackPicture, trackTicks } from './track-marks.ts';

/** `width`: the track's width in px, once measured (the thumb sits at `left` until then). */
function Thumb({ model, scale, width }: { model: StoryModel; scale: TimeScale; width: number }) {
  const time = useStore((s) => s.time);
  const fraction = timeToFraction(scale, time);
  return (
    <div
      class="thumb"
      role="slider"
      tabIndex={0}
      aria-label={strings.sliderLabel}
      aria-valuemin={scale.min}
      aria-valuemax={scale.end}
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

function Progress({ scale }: { scale: TimeScale }) {
  const fraction = useStore((s) => timeToFraction(scale, s.time));
  return <div class="progress" style={{ transform: `scaleX(${fraction})` }} />;
}

/**
 * Drawn once the map has drawn its first frame (`mapSettled`): for a story of thousands of
 * events, gathering and drawing the marks would otherwise delay the first frame of the map.
 */
function Marks({ model, scale }: { model: StoryModel; scale: TimeScale }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const settled = useStore((s) => s.mapSettled);
  const picture = useMemo(() => (settled ? trackPicture(model, 96, scale) : null), [model, scale, settled]);
  useEffect(() => {
    const canvas = ref.current!;
    if (!picture) return;
    // A ResizeObserver reports the canvas's size once on observing: that is the first drawing.
    const observer = new ResizeObserver(() => drawTrack(canvas, picture));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [picture]);
  return <canvas class="marks" ref={ref} aria-hidden="true" />;
}

export function TimeTrack() {
  const model = useStore((s) => s.model);
  const zoomDay = useStore((s) => s.zoomDay);
  const scale = useMemo(() => (model ? trackScale(model, zoomDay) : null), [model, zoomDay]);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const track = ref.current;
    if (!track) return;
    const observer = new ResizeObserver(() => setWidth(track.clientWidth));
    observer.observe(track);
    return () => observer.disconnect();
  }, [model]);
  const ticks = useMemo(() => (scale ? trackTicks(scale, width) : []), [scale, width]);
  if (!model || !scale) return null;
  const share = earlierShare(scale);
  const seek = (e: PointerEvent) => {
    const r = ref.current!.getBoundingClientRect();
    store.getState().setTime(fractionToTime(scale, (e.clientX - r.left) / r.width));
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
        <Progress scale={scale} />
      </div>
      <Marks model={model} scale={scale} />
      <div class="ticks" aria-hidden="true">
        {ticks.map((k) => (
          <span key={k.t} class="hour" style={{ left: `${timeToFraction(scale, k.t) * 100}%` }}>
            {k.label}
          </span>
        ))}
      </div>
      <Thumb model={model} scale={scale} width={width} />
    </div>
  );
}
