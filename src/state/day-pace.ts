/**
 * Playback "by day" for stories of weeks: each day takes a few real seconds, spent mostly around
 * its changes of control, and the empty hours between them pass quickly. At a fixed number of
 * story minutes a second a month would take half an hour, or its changes would flash by.
 *
 * A day's plan is a list of segments of story time, each played at its own pace: a window of
 * `windowMinutes` around each change (changes closer than that share one), and the stretches
 * between them. The windows share `perChangeMs` per change (at most `maxDayMs` a day); the
 * stretches share `gapMs` by their length. A day without changes takes `gapMs`.
 */
import { dayOf, dayStart, DAY_MS } from './story-days.ts';
import type { StoryModel } from './story-model.ts';

export interface DayPaceOptions {
  /** Real ms for a day's stretches without changes (a day without any takes this long). */
  gapMs?: number;
  /** Real ms per change of control (per distinct time). */
  perChangeMs?: number;
  /** At most this many real ms a day. */
  maxDayMs?: number;
  /** Story minutes around a change played slowly. */
  windowMinutes?: number;
  /** Everything this many times slower (a day the reader zoomed on plays slower). */
  slower?: number;
}

/** The pace of the whole story's playback, and of a day the reader zoomed on (three times slower). */
export const DAY_PACE: Required<DayPaceOptions> = { gapMs: 1000, perChangeMs: 400, maxDayMs: 5000, windowMinutes: 20, slower: 1 };
export const ZOOMED_DAY_PACE: Required<DayPaceOptions> = { ...DAY_PACE, slower: 3 };

/** What the pace reads of a story: its span and its changes of control. */
export type PacedStory = Pick<StoryModel, 'start' | 'end' | 'changes'>;

/** Story time from `from` to `to` played in `ms` real milliseconds. */
export interface PaceSegment {
  from: number;
  to: number;
  ms: number;
}

/**
 * The plan of one of the story's days: segments covering its part of the story without gaps.
 * @example dayPlan(model, '2023-06-03').reduce((ms, s) => ms + s.ms, 0) // 4600
 */
export function dayPlan(model: PacedStory, date: string, options: DayPaceOptions = {}): PaceSegment[] {
  const { gapMs, perChangeMs, maxDayMs, windowMinutes, slower } = { ...DAY_PACE, ...options };
  const lo = Math.max(dayStart(date), model.start);
  const hi = Math.min(dayStart(date) + DAY_MS, model.end);
  if (!(hi > lo)) return [];
  const times = [...new Set(model.changes.map((c) => c.time).filter((t) => t >= lo && t <= hi))].sort((a, b) => a - b);
  if (!times.length) return [{ from: lo, to: hi, ms: gapMs * slower }];
  const half = (windowMinutes * 60_000) / 2;
  // Windows around the changes, merged where they overlap, each with its number of changes.
  const windows: { from: number; to: number; n: number }[] = [];
  for (const t of times) {
    const from = Math.max(lo, t - half);
    const to = Math.min(hi, t + half);
    const last = windows[windows.length - 1];
    if (last && from <= last.to) Object.assign(last, { to, n: last.n + 1 });
    else windows.push({ from, to, n: 1 });
  }
  const holdMs = Math.min(maxDayMs - gapMs, perChangeMs * times.length);
  const stretches: { from: number; to: number }[] = [];
  let at = lo;
  for (const w of windows) {
    if (w.from > at) stretches.push({ from: at, to: w.from });
    at = w.to;
  }
  if (hi > at) stretches.push({ from: at, to: hi });
  const stretchLength = stretches.reduce((sum, s) => sum + s.to - s.from, 0);
  const segments = [
    ...windows.map((w) => ({ from: w.from, to: w.to, ms: ((holdMs * w.n) / times.length) * slower })),
    ...stretches.map((s) => ({ ...s, ms: ((gapMs * (s.to - s.from)) / stretchLength) * slower })),
  ];
  return segments.sort((a, b) => a.from - b.from);
}

const plans = new WeakMap<object, Map<string, PaceSegment[]>>();

function cachedPlan(model: PacedStory, date: string, options: Required<DayPaceOptions>): PaceSegment[] {
  let byDay = plans.get(model);
  if (!byDay) plans.set(model, (byDay = new Map()));
  const key = `${date}|${options.slower}|${options.gapMs}|${options.perChangeMs}|${options.maxDayMs}|${options.windowMinutes}`;
  let plan = byDay.get(key);
  if (!plan) byDay.set(key, (plan = dayPlan(model, date, options)));
  return plan;
}

function segmentAt(model: PacedStory, time: number, options: Required<DayPaceOptions>): PaceSegment | undefined {
  return cachedPlan(model, dayOf(time), options).find((s) => time >= s.from && time < s.to);
}

/**
 * Where playback by day is after `dt` more real ms from `time` (within the story: from its start
 * to its end), crossing segments and days exactly.
 * @example advanceByDay(model, model.start, 1000) // a time later on the first day
 */
export function advanceByDay(model: PacedStory, time: number, dt: number, options: DayPaceOptions = {}): number {
  const o = { ...DAY_PACE, ...options };
  let t = Math.max(time, model.start);
  let left = dt;
  while (left > 0 && t < model.end) {
    const s = segmentAt(model, t, o);
    if (!s) return model.end;
    const perMs = (s.to - s.from) / s.ms;
    const reach = t + left * perMs;
    if (reach < s.to) return reach;
    left -= (s.to - t) / perMs;
    t = s.to;
  }
  return Math.min(t, model.end);
}

/**
 * The pace at `time` in story minutes per real second (for the readout's rounding).
 * @example paceAt(model, change.time) // about 50 near a change, about 1,400 in an empty night
 */
export function paceAt(model: PacedStory, time: number, options: DayPaceOptions = {}): number {
  const s = segmentAt(model, Math.max(model.start, Math.min(time, model.end - 1)), { ...DAY_PACE, ...options });
  return s ? (s.to - s.from) / s.ms / 60 : 0;
}
