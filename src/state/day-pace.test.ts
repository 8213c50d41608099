import { beforeAll, describe, expect, it } from 'vitest';
import { buildWeeksStory } from '../../test/browser/fixtures/weeks-story.ts';
import { advanceByDay, DAY_PACE, dayPlan, paceAt, ZOOMED_DAY_PACE } from './day-pace.ts';
import { nextPlaybackTime } from './playback.ts';
import { dayOf, listStoryDays } from './story-days.ts';
import { buildStoryModel, type ControlChange, type StoryModel } from './story-model.ts';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
/** A story of three days with changes at the given times (only what the pace reads). */
function paced(changeTimes: string[]) {
  return {
    start: at('2023-06-01T06:00:00Z'),
    end: at('2023-06-03T18:00:00Z'),
    changes: changeTimes.map((t) => ({ time: at(t) }) as ControlChange),
  };
}

describe('dayPlan', () => {
  it('covers the day’s part of the story without gaps, slow around each change', () => {
    const story = paced(['2023-06-02T03:00:00Z', '2023-06-02T03:05:00Z', '2023-06-02T15:00:00Z']);
    const plan = dayPlan(story, '2023-06-02');
    expect(plan[0].from).toBe(at('2023-06-02T00:00:00Z'));
    expect(plan[plan.length - 1].to).toBe(at('2023-06-03T00:00:00Z'));
    for (let i = 1; i < plan.length; i++) expect(plan[i].from).toBe(plan[i - 1].to);
    // Two changes five minutes apart share one window; three changes: 1 s + 3 × 0.4 s.
    expect(plan.reduce((ms, s) => ms + s.ms, 0)).toBeCloseTo(DAY_PACE.gapMs + 3 * DAY_PACE.perChangeMs, 6);
    const window = plan.find((s) => s.from <= at('2023-06-02T03:00:00Z') && s.to > at('2023-06-02T03:05:00Z'))!;
    expect(window.ms).toBeCloseTo(2 * DAY_PACE.perChangeMs, 6);
    expect(window.to - window.from).toBe(25 * 60_000);
  });

  it('gives a day without changes one second, and clips the first and last days to the story', () => {
    const story = paced([]);
    expect(dayPlan(story, '2023-06-01')).toEqual([{ from: story.start, to: at('2023-06-02T00:00:00Z'), ms: DAY_PACE.gapMs }]);
    expect(dayPlan(story, '2023-06-03')).toEqual([{ from: at('2023-06-03T00:00:00Z'), to: story.end, ms: DAY_PACE.gapMs }]);
    expect(dayPlan(story, '2023-06-04')).toEqual([]);
  });

  it('caps a busy day', () => {
    const times = Array.from({ length: 40 }, (_, i) => new Date(at('2023-06-02T01:00:00Z') + i * HOUR / 2).toISOString());
    const plan = dayPlan(paced(times), '2023-06-02');
    expect(plan.reduce((ms, s) => ms + s.ms, 0)).toBeCloseTo(DAY_PACE.maxDayMs, 6);
  });
});

describe('playback by day', () => {
  let model: StoryModel;
  beforeAll(async () => {
    model = buildStoryModel(await buildWeeksStory());
  }, 60_000);

  /** Plays the whole story in frames of `frame` ms; the days seen in order and the real ms near each change. */
  function play(frame = 16) {
    let time = model.start;
    let ms = 0;
    const days: string[] = [];
    const near = new Map<number, number>();
    const changeTimes = [...new Set(model.changes.map((c) => c.time).filter((t) => t >= model.start))];
    let firstDayMs = 0;
    while (time < model.end && ms < 3_600_000) {
      const day = dayOf(time);
      if (days[days.length - 1] !== day) days.push(day);
      if (days.length === 1) firstDayMs = ms + frame;
      for (const t of changeTimes) if (Math.abs(time - t) <= 10 * 60_000) near.set(t, (near.get(t) ?? 0) + frame);
      time = nextPlaybackTime(model, time, frame, 'day', 0).time;
      ms += frame;
    }
    return { days, ms, near, changeTimes, firstDayMs };
  }

  it('visits every day in order, the first day over within a few seconds, the month in minutes not half an hour', () => {
    const run = play();
    expect(listStoryDays(model)).toHaveLength(30);
    expect(run.days).toEqual(listStoryDays(model).map((d) => d.date));
    expect(run.firstDayMs).toBeLessThanOrEqual(DAY_PACE.maxDayMs + 16);
    const budget = listStoryDays(model).reduce((sum, d) => sum + dayPlan(model, d.date).reduce((ms, s) => ms + s.ms, 0), 0);
    expect(run.ms).toBeGreaterThanOrEqual(budget - 16);
    expect(run.ms).toBeLessThanOrEqual(budget + 16);
    expect(budget).toBeLessThan(30 * DAY_PACE.maxDayMs);
  });

  it('stays on each change for at least a fifth of a second (a dozen frames), never a flash', () => {
    const run = play();
    for (const t of run.changeTimes) expect(run.near.get(t) ?? 0, new Date(t).toISOString()).toBeGreaterThanOrEqual(200);
  });

  it('crosses midnights exactly: a step from one day to the next spends its leftover on the new day', () => {
    const midnight = at('2023-06-02T00:00:00Z');
    const before = advanceByDay(model, midnight - 60_000, 0);
    expect(before).toBe(midnight - 60_000);
    const after = advanceByDay(model, midnight - 60_000, 500);
    expect(after).toBeGreaterThan(midnight);
    expect(paceAt(model, midnight + 1)).toBeGreaterThan(0);
  });

  it('plays a zoomed day alone, three times slower, and stops at its midnight', () => {
    const day = '2023-06-03';
    const start = at(`${day}T00:00:00Z`);
    const total = dayPlan(model, day, ZOOMED_DAY_PACE).reduce((ms, s) => ms + s.ms, 0);
    expect(total).toBeCloseTo(3 * dayPlan(model, day).reduce((ms, s) => ms + s.ms, 0), 6);
    let move = { time: start, held: 0, done: false };
    let ms = 0;
    while (!move.done && ms < 60_000) {
      move = nextPlaybackTime(model, move.time, 16, 'day', 0, { zoomDay: day });
      ms += 16;
    }
    expect(move.time).toBe(start + 86_400_000);
    expect(ms).toBeGreaterThanOrEqual(total - 16);
    expect(ms).toBeLessThanOrEqual(total + 16);
  });

  it('keeps minutes per second at a fixed speed, also zoomed (stopping at the day’s end)', () => {
    expect(nextPlaybackTime(model, model.start, 1000, 30, 0).time - model.start).toBe(30 * 60_000);
    const late = at('2023-06-03T23:50:00Z');
    expect(nextPlaybackTime(model, late, 1000, 30, 0, { zoomDay: '2023-06-03' })).toEqual({ time: at('2023-06-04T00:00:00Z'), held: 0, done: true });
    expect(nextPlaybackTime(model, late, 1000, 30, 0).done).toBe(false);
  });
});
