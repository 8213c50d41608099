/** Time slice: the current time, playback and stepping between changes of control. */
import type { StateCreator } from 'zustand/vanilla';
import { playbackEnd, type Speed } from './playback.ts';
import type { AppState } from './store.ts';
import { dayStart, isMultiDay, isStoryDay, zoomAfterMove, DAY_MS } from './story-days.ts';
import type { StoryModel } from './story-model.ts';

/** Playback speeds in story minutes per real second. */
export const SPEEDS = [10, 30, 90] as const;

/**
 * The speeds a story offers: story minutes per second for a one-day story (as they always were);
 * by day first for a story of several days, then the same minutes.
 * @example speedChoices(weeksModel) // ['day', 10, 30, 90]
 */
export function speedChoices(model: Pick<StoryModel, 'days'> | null): Speed[] {
  return model && isMultiDay(model) ? ['day', ...SPEEDS] : [...SPEEDS];
}

export interface TimeSlice {
  /** Current time, ms since epoch. */
  time: number;
  playing: boolean;
  speed: Speed;
  /**
   * The day (`YYYY-MM-DD`, UTC) the track is zoomed on, or null for all days. It follows time to
   * another of the story's days and ends when time leaves them; playing while zoomed plays that day.
   */
  zoomDay: string | null;
  /**
   * How time last moved: by playback (`play`; the map may follow in steps) or by the reader
   * (`seek`: stepping, scrubbing, a link; the map follows at once).
   */
  moved: 'play' | 'seek';
  setTime: (time: number) => void;
  /** Moves time as playback does. */
  advance: (time: number) => void;
  stepBy: (ms: number) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: Speed) => void;
  /**
   * Zooms the track on one of the story's days (null: all days). Time moves to the day's start
   * (or the story's first entry) unless it is already on that day. Days not in the story are ignored.
   */
  setZoomDay: (day: string | null) => void;
  /** A new story: no zoom, and a speed it offers (by day for a story of several days). */
  fitTimeToStory: (model: StoryModel) => void;
  /** Moves to the next (`1`) or previous (`-1`) change of control. */
  jumpToChange: (direction: 1 | -1) => void;
  /**
   * Goes to the story's first entry; from there (or before it), to the start of the prelude. On a
   * zoomed day, first to that day's start.
   */
  home: () => void;
  /** Goes to the story's last entry; on a zoomed day, first to that day's end. */
  end: () => void;
}

export const createTimeSlice: StateCreator<AppState, [], [], TimeSlice> = (set, get) => {
  /** Moves time within the story, saying who moved it. */
  const moveTo = (time: number, moved: TimeSlice['moved']) => {
    const model = get().model;
    if (!model || !Number.isFinite(time)) return;
    const t = Math.max(model.min, Math.min(model.end, Math.round(time)));
    set({ time: t, moved, zoomDay: zoomAfterMove(model, get().zoomDay, t) });
  };
  /** The zoomed day's part of the story: where Home, End and Play start and stop on it. */
  const zoomedRange = (model: StoryModel, day: string) => {
    const start = dayStart(day);
    return { start: Math.max(model.start, start), end: Math.min(model.end, start + DAY_MS) };
  };
  return {
    time: 0,
    playing: false,
    speed: SPEEDS[1],
    zoomDay: null,
    moved: 'seek',
    setTime: (time) => moveTo(time, 'seek'),
    advance: (time) => moveTo(time, 'play'),
    stepBy: (ms) => get().setTime(get().time + ms),
    play: () => {
      const { model, time, zoomDay } = get();
      if (!model) return;
      // Playing from the end starts again from the story's first entry, not from the prelude
      // (which may reach back months); on a zoomed day, from the day's start.
      if (zoomDay && time >= playbackEnd(model, zoomDay)) set({ time: zoomedRange(model, zoomDay).start, moved: 'seek' });
      else if (time >= model.end) set({ time: model.start, moved: 'seek' });
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (speed) => set({ speed }),
    setZoomDay: (day) => {
      const { model, time } = get();
      if (!model) return;
      if (day === null || !isStoryDay(model, day)) return set({ zoomDay: null });
      const range = zoomedRange(model, day);
      const onDay = time >= dayStart(day) && time <= dayStart(day) + DAY_MS;
      set({ zoomDay: day, ...(onDay ? {} : { time: range.start, moved: 'seek' as const }) });
    },
    fitTimeToStory: (model) => {
      const choices = speedChoices(model);
      const speed = get().speed;
      set({ zoomDay: null, speed: isMultiDay(model) ? 'day' : choices.includes(speed) ? speed : SPEEDS[1] });
    },
    jumpToChange: (direction) => {
      const { model, time } = get();
      if (!model) return;
      const times = [...new Set(model.changes.map((c) => c.time))];
      const next =
        direction > 0 ? times.find((t) => t > time) : [...times].reverse().find((t) => t < time);
      if (next !== undefined) get().setTime(next);
    },
    home: () => {
      const { model, time, zoomDay } = get();
      if (!model) return;
      const day = zoomDay ? zoomedRange(model, zoomDay) : null;
      if (day && time > day.start) return get().setTime(day.start);
      get().setTime(time > model.start ? model.start : model.min);
    },
    end: () => {
      const { model, time, zoomDay } = get();
      if (!model) return;
      const day = zoomDay ? zoomedRange(model, zoomDay) : null;
      get().setTime(day && time < day.end ? day.end : model.end);
    },
  };
};
