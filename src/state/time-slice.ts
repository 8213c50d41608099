/** Time slice: the current time, playback and stepping between changes of control. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

/** Playback speeds in story minutes per real second. */
export const SPEEDS = [10, 30, 90] as const;

export interface TimeSlice {
  /** Current time, ms since epoch. */
  time: number;
  playing: boolean;
  speed: number;
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
  setSpeed: (speed: number) => void;
  /** Moves to the next (`1`) or previous (`-1`) change of control. */
  jumpToChange: (direction: 1 | -1) => void;
  /** Goes to the story's first entry; from there (or before it), to the start of the prelude. */
  home: () => void;
}

export const createTimeSlice: StateCreator<AppState, [], [], TimeSlice> = (set, get) => {
  /** Moves time within the story, saying who moved it. */
  const moveTo = (time: number, moved: TimeSlice['moved']) => {
    const model = get().model;
    if (!model || !Number.isFinite(time)) return;
    set({ time: Math.max(model.min, Math.min(model.end, Math.round(time))), moved });
  };
  return {
    time: 0,
    playing: false,
    speed: SPEEDS[1],
    moved: 'seek',
    setTime: (time) => moveTo(time, 'seek'),
    advance: (time) => moveTo(time, 'play'),
    stepBy: (ms) => get().setTime(get().time + ms),
    play: () => {
      const { model, time } = get();
      if (!model) return;
      // Playing from the end starts again from the story's first entry, not from the prelude
      // (which may reach back months).
      if (time >= model.end) set({ time: model.start, moved: 'seek' });
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (speed) => set({ speed }),
    jumpToChange: (direction) => {
      const { model, time } = get();
      if (!model) return;
      const times = [...new Set(model.changes.map((c) => c.time))];
      const next =
        direction > 0 ? times.find((t) => t > time) : [...times].reverse().find((t) => t < time);
      if (next !== undefined) get().setTime(next);
    },
    home: () => {
      const { model, time } = get();
      if (model) get().setTime(time > model.start ? model.start : model.min);
    },
  };
};
