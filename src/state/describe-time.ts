/**
 * Words for a moment of the story, for readers who do not see the map: the slider's value text
 * and the live region's announcements during playback.
 */
import { strings } from '../app/strings.ts';
import { formatTime } from './format.ts';
import { describeWhen, momentWords } from './time-words.ts';
import type { ControlChange, StoryModel } from './story-model.ts';

/** At most this many changes are read out at once; the rest are counted. */
const MAX_SAID = 3;

/** Changes of control with `from < time <= to`, oldest first. */
export function changesBetween(model: StoryModel, from: number, to: number): ControlChange[] {
  return model.changes.filter((c) => c.time > from && c.time <= to);
}

/** The latest change at or before `time`, with any others at the same moment. */
export function latestChanges(model: StoryModel, time: number): ControlChange[] {
  // `changes` are sorted by time: a binary search, as this runs for the slider's text every frame.
  const changes = model.changes;
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (changes[mid]!.time <= time) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return [];
  const last = changes[lo - 1]!.time;
  let first = lo - 1;
  while (first > 0 && changes[first - 1]!.time === last) first--;
  return changes.slice(first, lo);
}

/** "Ukrainian forces retake Robotyne" (retake when they held it earlier in its timeline). */
export function describeChange(model: StoryModel, change: ControlChange): string {
  const place = model.placeById.get(change.placeId);
  const name = place?.properties.name ?? change.placeId;
  if (change.actor === 'contested') return strings.changeContested(name);
  if (change.actor === 'unknown') return strings.changeUnknown(name);
  const actor = model.actorById.get(change.actor)?.name ?? change.actor;
  const spans = place?.properties.timeline ?? [];
  const at = spans.findIndex((s) => s.start !== undefined && Date.parse(s.start) === change.time);
  const heldBefore = spans.slice(0, Math.max(0, at)).some((s) => s.actor === change.actor);
  return heldBefore ? strings.changeRetake(actor, name) : strings.changeTake(actor, name);
}

/** Several changes as one sentence, the first few named and the rest counted. */
export function describeChanges(model: StoryModel, changes: ControlChange[]): string {
  const said = changes.slice(0, MAX_SAID).map((c) => describeChange(model, c));
  if (changes.length > MAX_SAID) said.push(strings.moreChanges(changes.length - MAX_SAID));
  return said.join('; ');
}

/**
 * The moment the slider shows, in words: the UTC date and clock within the story (the year added
 * off its days); before the story, "Before the story" and when the latest earlier change was, in
 * words that keep its precision (a vague change has no clock).
 * @example timeReadout(model, t) // "Fri 13 Jun, 16:35 UTC"
 */
export function timeReadout(model: StoryModel, time: number): string {
  if (time < model.start) {
    const latest = latestChanges(model, time)[0];
    return latest ? `${strings.beforeStory} · ${describeWhen(latest.when, model.days, { marker: true })}` : strings.beforeStory;
  }
  const m = momentWords(time, model.days);
  return `${m.date}, ${m.clock} ${strings.utc}`;
}

/**
 * The slider's `aria-valuetext`: the time, then the latest change of control and when it was.
 * @example sliderValueText(model, t) // "Fri 13 Jun, 16:35 UTC — Kurdish forces retake Jalawla"
 */
export function sliderValueText(model: StoryModel, time: number): string {
  const when = timeReadout(model, time);
  const latest = latestChanges(model, time);
  if (!latest.length) return when;
  const what = describeChanges(model, latest);
  // Same minute: the change is what is happening now; otherwise say when it happened.
  const sameMinute = Math.floor(latest[0].time / 60_000) === Math.floor(time / 60_000);
  if (sameMinute || time < model.start) return strings.sliderValue(when, what);
  const at = latest[0].when.certainty === 'exact' ? formatTime(latest[0].time) : describeWhen(latest[0].when, model.days, { marker: true });
  return strings.sliderValue(when, strings.lastChange(at, what));
}

const READOUT_STEPS = [1, 2, 5, 10, 15, 30, 60];

/**
 * The readout's step in story minutes: one when still; while playing, the smallest round step
 * that changes the text at most six times a second (15 minutes at 90 story minutes a second).
 * Text changing every frame could not be read, and it costs a layout and a paint each time.
 */
export function readoutStep(playing: boolean, speed: number): number {
  if (!playing) return 1;
  return READOUT_STEPS.find((m) => m >= speed / 6) ?? READOUT_STEPS[READOUT_STEPS.length - 1];
}
