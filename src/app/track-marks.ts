/**
 * What the time track draws under the thumb — entry density and a mark per change of control,
 * clash and strike — as fractions of the track's width, and the drawing of them on a canvas.
 * One canvas instead of an element per mark: a story with thousands of events would otherwise
 * put thousands of nodes in the layer that is repainted and hit-tested every frame of playback.
 */
import { formatTime } from '../state/format.ts';
import { dayLabelStep, dayOf, dayWords, DAY_MS } from '../state/story-days.ts';
import { earlierShare, timeToFraction, type StoryModel, type TimeScale } from '../state/story-model.ts';
import { actorColor, theme } from '../theme.ts';

export interface TrackMark {
  /** Position along the track, 0–1. */
  x: number;
  kind: 'control' | 'clash' | 'strike';
  color: string;
}

export interface TrackPicture {
  /** Entries per bin, relative to the fullest bin (0–1). */
  density: number[];
  /** Clashes and strikes first, so changes of control are drawn over them. */
  marks: TrackMark[];
}

/**
 * The picture of the track over `scale`: the whole story (the default), or one zoomed day, whose
 * density bins are then minutes apart (96 bins: 15 minutes) and whose marks are that day's only.
 * @example trackPicture(model, 96, trackScale(model, '2023-06-03')).marks.length
 */
export function trackPicture(model: StoryModel, bins = 96, scale: TimeScale = model): TrackPicture {
  const within = (t: number) => t >= scale.min && t <= scale.end;
  const counts = new Array<number>(bins).fill(0);
  for (const t of model.entryTimes) if (within(t)) counts[Math.min(bins - 1, Math.floor(timeToFraction(scale, t) * bins))]++;
  const max = Math.max(1, ...counts);
  const actors = model.story.actors ?? [];
  const marks: TrackMark[] = [];
  for (const e of model.eventById.values()) {
    const t = Date.parse(e.time);
    if ((e.kind === 'clash' || e.kind === 'strike') && within(t)) marks.push({ x: timeToFraction(scale, t), kind: e.kind, color: theme.accent });
  }
  for (const c of model.changes) if (within(c.time)) marks.push({ x: timeToFraction(scale, c.time), kind: 'control', color: actorColor(actors, c.actor) });
  return { density: counts.map((n) => n / max), marks };
}

const HOUR = 3_600_000;

/** A labelled tick under the track. */
export interface TrackTick {
  t: number;
  label: string;
}

/**
 * The ticks under the track: clock times every 3 hours (6 past 30 hours) for a story of a day or
 * two, and for a zoomed day (00:00–21:00, its closing midnight left to the next day); midnights
 * labelled with the date, as often as `widthPx` leaves room, for a story of more days.
 * @example trackTicks(trackScale(model, '2023-06-03'), 800).map((k) => k.label) // ['00:00', '03:00', …, '21:00']
 */
export function trackTicks(scale: TimeScale, widthPx: number): TrackTick[] {
  const span = scale.end - scale.start;
  const oneDay = scale.min === scale.start && span === DAY_MS && scale.start % DAY_MS === 0;
  if (span <= 3 * DAY_MS) {
    const every = (span > 30 * HOUR ? 6 : 3) * HOUR;
    const ticks: TrackTick[] = [];
    const first = Math.ceil(scale.start / every) * every;
    for (let t = first; oneDay ? t < scale.end : t <= scale.end; t += every) ticks.push({ t, label: formatTime(t) });
    return ticks;
  }
  const first = Math.ceil(scale.start / DAY_MS) * DAY_MS;
  const days = Math.max(1, Math.round(span / DAY_MS));
  const { every } = dayLabelStep(((widthPx || 800) * (1 - earlierShare(scale))) / days);
  const ticks: TrackTick[] = [];
  for (let t = first, i = 0; t <= scale.end; t += DAY_MS, i++) if (i % every === 0) ticks.push({ t, label: dayWords(dayOf(t), 'short') });
  return ticks;
}

/** Layout of the drawing in CSS pixels, matching the track's CSS. */
const DENSITY = { top: 12, height: 14, fill: '#d6d1c6' };
const CONTROL = { top: 23, width: 4, height: 14 };
const EVENT = { top: 30, radius: 3 };

/**
 * The marks that show at `widthPx` CSS pixels and pixel ratio `ratio`, each snapped to a device
 * pixel, in drawing order. A mark drawn again later at the same pixel, of the same kind and
 * colour, would cover it exactly, so only that last one is kept: a month of thousands of changes
 * on a track a few hundred pixels wide is drawn with a few hundred shapes, the same picture.
 * @example visibleMarks(picture.marks, 800, 1).length // ≤ picture.marks.length
 */
export function visibleMarks(marks: TrackMark[], widthPx: number, ratio = 1): TrackMark[] {
  const px = widthPx * ratio;
  const snapped = marks.map((m) => ({ ...m, x: Math.round(m.x * px) / px }));
  const last = new Map<string, number>();
  snapped.forEach((m, i) => last.set(`${m.kind} ${m.color} ${m.x}`, i));
  return snapped.filter((m, i) => last.get(`${m.kind} ${m.color} ${m.x}`) === i);
}

/** Draws `picture` on `canvas`, sized to its CSS box at the screen's pixel ratio. */
export function drawTrack(canvas: HTMLCanvasElement, picture: TrackPicture): void {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  if (!g || !width) return;
  g.scale(ratio, ratio);
  g.fillStyle = DENSITY.fill;
  const bin = width / picture.density.length;
  picture.density.forEach((h, i) => {
    const px = Math.round(h * DENSITY.height);
    if (px) g.fillRect(i * bin, DENSITY.top + DENSITY.height - px, bin, px);
  });
  g.strokeStyle = '#ffffff';
  g.lineWidth = 1;
  for (const m of visibleMarks(picture.marks, width, ratio)) {
    const x = m.x * width;
    g.fillStyle = m.color;
    g.beginPath();
    if (m.kind === 'control') g.rect(x - CONTROL.width / 2, CONTROL.top, CONTROL.width, CONTROL.height);
    else g.arc(x, EVENT.top, EVENT.radius, 0, 2 * Math.PI);
    g.fill();
    g.stroke();
  }
}
