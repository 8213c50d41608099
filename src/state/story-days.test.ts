import { describe, expect, it } from 'vitest';
import { buildSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { createAppStore } from './store.ts';
import { dayLabelStep, dayWords, isMultiDay, listStoryDays, trackScale, zoomAfterMove } from './story-days.ts';
import { buildStoryModel } from './story-model.ts';
import { SPEEDS, speedChoices } from './time-slice.ts';
import { formatUrlState, parseUrlState } from './url-state.ts';

const at = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;

/** The synthetic story (changes on 13 June) running on to 15 June, evening. */
function threeDays() {
  const story = buildSyntheticStory();
  return buildStoryModel({ ...story, span: { ...story.span, end: '2014-06-15T17:00:00Z' } });
}

function storeWith(model = threeDays()) {
  const store = createAppStore();
  store.setState({ model, time: model.end });
  store.getState().fitTimeToStory(model);
  return store;
}

describe('the story’s days', () => {
  it('lists every day of the span with its changes of control and entries', () => {
    const model = threeDays();
    const days = listStoryDays(model);
    expect(days.map((d) => d.date)).toEqual(['2014-06-13', '2014-06-14', '2014-06-15']);
    expect(days[1]).toMatchObject({ start: at('2014-06-14T00:00:00Z'), end: at('2014-06-15T00:00:00Z'), changes: 0, entries: 0 });
    expect(days.reduce((n, d) => n + d.entries, 0)).toBe(model.story.entries.length);
    expect(days[0].changes).toBe(model.changes.filter((c) => c.time >= at('2014-06-13T00:00:00Z')).length);
  });

  it('a one-day story has one day, no strip, and the speeds it always had', () => {
    const model = buildStoryModel(buildSyntheticStory());
    expect(isMultiDay(model)).toBe(false);
    expect(listStoryDays(model)).toHaveLength(1);
    expect(speedChoices(model)).toEqual([...SPEEDS]);
    expect(trackScale(model, null)).toBe(model);
    const store = storeWith(model);
    expect(store.getState().speed).toBe(30);
  });

  it('a story of several days plays by day unless the reader picks minutes', () => {
    const model = threeDays();
    expect(speedChoices(model)).toEqual(['day', ...SPEEDS]);
    expect(storeWith(model).getState().speed).toBe('day');
  });

  it('zooms the track on a day, 00:00 to 24:00 without the prelude; a day not in the story leaves it whole', () => {
    const model = threeDays();
    expect(trackScale(model, '2014-06-14')).toEqual({ min: at('2014-06-14T00:00:00Z'), start: at('2014-06-14T00:00:00Z'), end: at('2014-06-15T00:00:00Z'), prelude: [] });
    expect(trackScale(model, '2014-06-20')).toBe(model);
    expect(trackScale(model, 'June')).toBe(model);
  });

  it('the zoom follows time to another of the story’s days and ends outside them', () => {
    const model = threeDays();
    expect(zoomAfterMove(model, '2014-06-14', at('2014-06-14T12:00:00Z'))).toBe('2014-06-14');
    expect(zoomAfterMove(model, '2014-06-14', at('2014-06-15T00:00:00Z'))).toBe('2014-06-14');
    expect(zoomAfterMove(model, '2014-06-14', at('2014-06-15T00:01:00Z'))).toBe('2014-06-15');
    expect(zoomAfterMove(model, '2014-06-13', at('2014-06-12T23:00:00Z'))).toBeNull();
    expect(zoomAfterMove(model, null, at('2014-06-14T12:00:00Z'))).toBeNull();
  });

  it('labels days as room allows', () => {
    expect(dayWords('2023-06-03', 'long')).toBe('Sat 3 June');
    expect(dayWords('2023-06-03', 'short')).toBe('3 Jun');
    expect(dayWords('2023-06-03', 'weekday')).toBe('Sat 3 Jun');
    expect(dayLabelStep(80)).toEqual({ every: 1, weekday: true });
    expect(dayLabelStep(50)).toEqual({ every: 1, weekday: false });
    expect(dayLabelStep(26)).toEqual({ every: 2, weekday: false });
    expect(dayLabelStep(5)).toEqual({ every: 14, weekday: false });
  });
});

describe('time on a zoomed day', () => {
  it('zooming moves time to the day’s start unless it is already on that day', () => {
    const store = storeWith();
    store.getState().setZoomDay('2014-06-14');
    expect(store.getState()).toMatchObject({ zoomDay: '2014-06-14', time: at('2014-06-14T00:00:00Z') });
    store.getState().setTime(at('2014-06-14T09:00:00Z'));
    store.getState().setZoomDay('2014-06-14');
    expect(store.getState().time).toBe(at('2014-06-14T09:00:00Z'));
    store.getState().setZoomDay('2014-07-01');
    expect(store.getState().zoomDay).toBeNull();
  });

  it('the first day starts at the story’s first entry, not in the prelude', () => {
    const store = storeWith();
    store.getState().setZoomDay('2014-06-13');
    expect(store.getState().time).toBe(store.getState().model!.start);
  });

  it('Home and End go to the day’s ends first, then the story’s', () => {
    const store = storeWith();
    const model = store.getState().model!;
    store.getState().setZoomDay('2014-06-14');
    store.getState().setTime(at('2014-06-14T09:00:00Z'));
    store.getState().end();
    expect(store.getState()).toMatchObject({ time: at('2014-06-15T00:00:00Z'), zoomDay: '2014-06-14' });
    store.getState().end();
    expect(store.getState()).toMatchObject({ time: model.end, zoomDay: '2014-06-15' });
    store.getState().home();
    expect(store.getState()).toMatchObject({ time: at('2014-06-15T00:00:00Z'), zoomDay: '2014-06-15' });
    store.getState().home();
    expect(store.getState()).toMatchObject({ time: model.start, zoomDay: '2014-06-13' });
  });

  it('Play at the zoomed day’s end starts the day again', () => {
    const store = storeWith();
    store.getState().setZoomDay('2014-06-14');
    store.getState().setTime(at('2014-06-15T00:00:00Z'));
    store.getState().play();
    expect(store.getState()).toMatchObject({ playing: true, time: at('2014-06-14T00:00:00Z'), zoomDay: '2014-06-14' });
  });

  it('a new story shows all its days', () => {
    const store = storeWith();
    store.getState().setZoomDay('2014-06-14');
    store.getState().fitTimeToStory(threeDays());
    expect(store.getState().zoomDay).toBeNull();
  });

  it('the zoom is in the URL and read back; a malformed day is ignored', () => {
    const store = storeWith();
    store.setState({ storyId: 'three' });
    store.getState().setZoomDay('2014-06-14');
    const search = formatUrlState(store.getState());
    expect(search).toContain('day=2014-06-14');
    expect(parseUrlState(search)).toMatchObject({ day: '2014-06-14', time: at('2014-06-14T00:00:00Z') });
    expect(parseUrlState('?day=14%20June').day).toBeNull();
    store.getState().setZoomDay(null);
    expect(formatUrlState(store.getState())).not.toContain('day=');
  });

  it('stepping past midnight takes the zoom along', () => {
    const store = storeWith();
    store.getState().setZoomDay('2014-06-14');
    store.getState().setTime(at('2014-06-14T23:30:00Z'));
    store.getState().stepBy(DAY / 24);
    expect(store.getState()).toMatchObject({ zoomDay: '2014-06-15', time: at('2014-06-15T00:30:00Z') });
  });
});
