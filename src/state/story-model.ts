/**
 * Indexes a loaded story once, so the UI and the map never re-scan it while scrubbing.
 */
import type { Actor, Entry, EventProperties, PlaceFeature, Source, Story } from '../pipeline/types.ts';
import { compileControl, type CompiledControl } from './control-state.ts';

/** A place changing hands (a timeline span with a start). */
export interface ControlChange {
  time: number;
  placeId: string;
  actor: string;
  events: string[];
}

export interface StoryModel {
  story: Story;
  entryTimes: number[];
  entryById: Map<string, Entry>;
  placeById: Map<string, PlaceFeature>;
  actorById: Map<string, Actor>;
  sourceById: Map<string, Source>;
  eventById: Map<string, EventProperties>;
  /** Entry ids per place id, from mentions and from events' entries. */
  entriesByPlace: Map<string, Set<string>>;
  changes: ControlChange[];
  /** Slider domain in ms: `min` may precede `start` to show what happened before the story. */
  min: number;
  start: number;
  end: number;
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
  for (const f of story.events?.features ?? []) {
    eventById.set(f.properties.id, f.properties);
    for (const id of f.properties.entries) addEntry(f.properties.placeId, id);
  }
  const changes: ControlChange[] = [];
  for (const f of story.places.features) {
    for (const span of f.properties.timeline ?? []) {
      if (span.start) {
        changes.push({ time: Date.parse(span.start), placeId: f.properties.id, actor: span.actor, events: span.events });
      }
    }
  }
  changes.sort((a, b) => a.time - b.time || a.placeId.localeCompare(b.placeId));
  // Room before the story: at least back to the evening before its first day (UTC), and
  // back to the earliest change the story knows of.
  const dayStart = Date.parse(story.span.start.slice(0, 10) + 'T00:00:00Z');
  let min = Math.min(start, dayStart - 6 * HOUR);
  for (const c of changes) min = Math.min(min, c.time - HOUR);
  for (const e of eventById.values()) min = Math.min(min, Date.parse(e.timeStart) - HOUR);
  return {
    story,
    entryTimes: story.entries.map((e) => Date.parse(e.time)),
    entryById: new Map(story.entries.map((e) => [e.id, e])),
    placeById,
    actorById: new Map((story.actors ?? []).map((a) => [a.id, a])),
    sourceById: new Map(story.sources.map((s) => [s.id, s])),
    eventById,
    entriesByPlace,
    changes,
    min,
    start,
    end,
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

/** Share of the slider given to the compressed "earlier" segment, 0 when there is none. */
export function earlierShare(model: StoryModel): number {
  const total = model.end - model.min;
  if (total <= 0 || model.start <= model.min) return 0;
  return Math.min(0.18, (model.start - model.min) / total);
}

/** Maps a time to a slider position in [0, 1], compressing the part before the story. */
export function timeToFraction(model: StoryModel, time: number): number {
  const share = earlierShare(model);
  const t = Math.max(model.min, Math.min(model.end, time));
  if (t < model.start) return ((t - model.min) / (model.start - model.min)) * share;
  const span = model.end - model.start || 1;
  return share + ((t - model.start) / span) * (1 - share);
}

/** Inverse of {@link timeToFraction}. */
export function fractionToTime(model: StoryModel, fraction: number): number {
  const share = earlierShare(model);
  const f = Math.max(0, Math.min(1, fraction));
  if (f < share) return model.min + (f / share) * (model.start - model.min);
  return model.start + ((f - share) / (1 - share || 1)) * (model.end - model.start);
}
