/**
 * Indexes a loaded story once, so the UI and the map never re-scan it while scrubbing.
 */
import type { Actor, Entry, EventProperties, PlaceFeature, Source, Story } from '../pipeline/types.ts';
import { compileControl, type CompiledControl } from './control-state.ts';
import { eventWhens, exactWhen, storyDays, type StoryDays, type When } from './time-words.ts';

/** A place changing hands (a timeline span with a start). */
export interface ControlChange {
  time: number;
  placeId: string;
  actor: string;
  events: string[];
  /** When it happened, with how well that is known (from the event that started the span). */
  when: When;
}

/** One publisher: all its pages (sources), whether one live blog or one page a day for weeks. */
export interface Outlet {
  /** The id of its first source: the value the outlet filter and the URL's `outlet=` hold. */
  id: string;
  publisher: string;
  sources: Source[];
}

/**
 * The story's publishers in the order they first appear, each with its pages.
 * @example groupOutlets([{ id: 'a-1', publisher: 'A' }, { id: 'a-2', publisher: 'A' }])[0].sources.length // 2
 */
export function groupOutlets(sources: Source[]): Outlet[] {
  const byPublisher = new Map<string, Outlet>();
  for (const s of sources) {
    const outlet = byPublisher.get(s.publisher);
    if (outlet) outlet.sources.push(s);
    else byPublisher.set(s.publisher, { id: s.id, publisher: s.publisher, sources: [s] });
  }
  return [...byPublisher.values()];
}

export interface StoryModel {
  story: Story;
  entryTimes: number[];
  entryById: Map<string, Entry>;
  placeById: Map<string, PlaceFeature>;
  actorById: Map<string, Actor>;
  sourceById: Map<string, Source>;
  /** Publishers, each with its daily pages: the outlet filter lists these. */
  outlets: Outlet[];
  /** The outlet id (see {@link Outlet.id}) of each source id. */
  outletOf: Map<string, string>;
  eventById: Map<string, EventProperties>;
  /** Entry ids per place id, from mentions and from events' entries. */
  entriesByPlace: Map<string, Set<string>>;
  changes: ControlChange[];
  /** Slider domain in ms: `min` may precede `start` to show what happened before the story. */
  min: number;
  /** The story's own span (its first and last entries): the range of Play, Home and End. */
  start: number;
  end: number;
  /**
   * The times before `start` that matter (changes of control and other events), oldest first:
   * the steps of the compressed "before the story" prelude, on the slider and in playback.
   */
  prelude: number[];
  /** The story's own days, whose dates are written without the year. */
  days: StoryDays;
  /** When each event happened, with its precision, by event id. */
  whenById: Map<string, When>;
  control: CompiledControl;
}

const HOUR = 3_600_000;

/**
 * Builds the lookup tables and the time domain of a story.
 * @example buildStoryModel(story).changes.length
 */
export function buildStoryModel(story: Story): StoryModel {
  const start = Date.parse(story.span.start);
  const end = Date.parse(story.span.end);
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw new Error(`invalid story span: ${JSON.stringify(story.span)}`);
  }
  const placeById = new Map(story.places.features.map((f) => [f.properties.id, f]));
  const entriesByPlace = new Map<string, Set<string>>();
  const addEntry = (placeId: string, entryId: string) => {
    let set = entriesByPlace.get(placeId);
    if (!set) entriesByPlace.set(placeId, (set = new Set()));
    set.add(entryId);
  };
  for (const e of story.entries) for (const m of e.mentions) addEntry(m.placeId, e.id);
  const eventById = new Map<string, EventProperties>();
  // A vague window's days are the place's calendar days (the pipeline read its time words there).
  const whenById = eventWhens(story);
  for (const f of story.events?.features ?? []) {
    const e = f.properties;
    eventById.set(e.id, e);
    for (const id of e.entries) addEntry(e.placeId, id);
  }
  const changes: ControlChange[] = [];
  for (const f of story.places.features) {
    for (const span of f.properties.timeline ?? []) {
      if (!span.start) continue;
      const time = Date.parse(span.start);
      const cause = span.events.find((id) => whenById.get(id)?.best === time);
      const when = (cause && whenById.get(cause)) || exactWhen(time);
      changes.push({ time, placeId: f.properties.id, actor: span.actor, events: span.events, when });
    }
  }
  changes.sort((a, b) => a.time - b.time || a.placeId.localeCompare(b.placeId));
  // Room before the story: at least back to the evening before its first day (UTC), and
  // back to the earliest change the story knows of.
  const dayStart = Date.parse(story.span.start.slice(0, 10) + 'T00:00:00Z');
  let min = Math.min(start, dayStart - 6 * HOUR);
  for (const c of changes) min = Math.min(min, c.time - HOUR);
  for (const e of eventById.values()) min = Math.min(min, Date.parse(e.time) - HOUR);
  const outlets = groupOutlets(story.sources);
  const prelude = [...new Set([...changes.map((c) => c.time), ...[...whenById.values()].map((w) => w.best)])]
    .filter((t) => t > min && t < start)
    .sort((a, b) => a - b);
  return {
    story,
    entryTimes: story.entries.map((e) => Date.parse(e.time)),
    entryById: new Map(story.entries.map((e) => [e.id, e])),
    placeById,
    actorById: new Map((story.actors ?? []).map((a) => [a.id, a])),
    sourceById: new Map(story.sources.map((s) => [s.id, s])),
    outlets,
    outletOf: new Map(outlets.flatMap((o) => o.sources.map((s) => [s.id, o.id] as const))),
    eventById,
    entriesByPlace,
    changes,
    min,
    start,
    end,
    prelude,
    days: storyDays(story.span),
    whenById,
    control: compileControl(story),
  };
}

/** Number of entries at or before `time` (entries are sorted by time). */
export function countEntriesAt(model: StoryModel, time: number): number {
  let lo = 0;
  let hi = model.entryTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.entryTimes[mid] <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the time track spans: the whole story with its prelude (a `StoryModel` is one), or one day
 * of it when zoomed (`trackScale` in `story-days.ts`, no prelude).
 */
export type TimeScale = Pick<StoryModel, 'min' | 'start' | 'end' | 'prelude'>;

/** Share of the slider given to the compressed "earlier" segment, 0 when there is none. */
export function earlierShare(model: TimeScale): number {
  const total = model.end - model.min;
  if (total <= 0 || model.start <= model.min) return 0;
  return Math.min(0.18, (model.start - model.min) / total);
}

/**
 * The prelude's knots: `min`, each prelude time, then `start`. The prelude gives each step the same
 * width, so months of nothing take no more room than an hour between two changes.
 */
function preludeKnots(model: TimeScale): number[] {
  return [model.min, ...model.prelude, model.start];
}

/** Maps a time to a slider position in [0, 1], compressing the part before the story into even steps. */
export function timeToFraction(model: TimeScale, time: number): number {
  const share = earlierShare(model);
  const t = Math.max(model.min, Math.min(model.end, time));
  if (t < model.start) {
    const knots = preludeKnots(model);
    const i = Math.max(0, knots.findIndex((k, j) => t >= k && t < knots[j + 1]));
    const step = share / (knots.length - 1);
    return step * (i + (t - knots[i]) / (knots[i + 1] - knots[i] || 1));
  }
  const span = model.end - model.start || 1;
  return share + ((t - model.start) / span) * (1 - share);
}

/** Inverse of {@link timeToFraction}. */
export function fractionToTime(model: TimeScale, fraction: number): number {
  const share = earlierShare(model);
  const f = Math.max(0, Math.min(1, fraction));
  if (f < share) {
    const knots = preludeKnots(model);
    const step = share / (knots.length - 1);
    const i = Math.min(knots.length - 2, Math.floor(f / step));
    return knots[i] + ((f - i * step) / step) * (knots[i + 1] - knots[i]);
  }
  return model.start + ((f - share) / (1 - share || 1)) * (model.end - model.start);
}

/**
 * When a place's span starting at `time` began, with its precision (an exact time when no change
 * of control starts there).
 */
export function changeWhen(model: StoryModel, placeId: string, time: number): When {
  return model.changes.find((c) => c.placeId === placeId && c.time === time)?.when ?? exactWhen(time);
}
