/**
 * What the time track draws under the thumb — entry density and a mark per change of control,
 * clash and strike — as fractions of the track's width, and the drawing of them on a canvas.
 * One canvas instead of an element per mark: a story with thousands of events would otherwise
 * put thousands of nodes in the layer that is repainted and hit-tested every frame of playback.
 */
import { timeToFraction, type StoryModel } from '../state/story-model.ts';
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

export function trackPicture(model: StoryModel, bins = 96): TrackPicture {
  const counts = new Array<number>(bins).fill(0);
  for (const t of model.entryTimes) counts[Math.min(bins - 1, Math.floor(timeToFraction(model, t) * bins))]++;
  const max = Math.max(1, ...counts);
  const actors = model.story.actors ?? [];
  const marks: TrackMark[] = [];
  for (const e of model.eventById.values()) {
    if (e.kind === 'clash' || e.kind === 'strike') marks.push({ x: timeToFraction(model, Date.parse(e.time)), kind: e.kind, color: theme.accent });
  }
  for (const c of model.changes) marks.push({ x: timeToFraction(model, c.time), kind: 'control', color: actorColor(actors, c.actor) });
  return { density: counts.map((n) => n / max), marks };
}

/** Layout of the drawing in CSS pixels, matching the track's CSS. */
const DENSITY = { top: 12, height: 14, fill: '#d6d1c6' };
const CONTROL = { top: 23, width: 4, height: 14 };
const EVENT = { top: 30, radius: 3 };

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
  for (const m of picture.marks) {
    const x = m.x * width;
    g.fillStyle = m.color;
    g.beginPath();
    if (m.kind === 'control') g.rect(x - CONTROL.width / 2, CONTROL.top, CONTROL.width, CONTROL.height);
    else g.arc(x, EVENT.top, EVENT.radius, 0, 2 * Math.PI);
    g.fill();
    g.stroke();
  }
}
