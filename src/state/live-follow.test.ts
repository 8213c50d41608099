import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildLiveSyntheticStory } from '../../test/browser/fixtures/synthetic-story.ts';
import { followLiveStory, refreshInterval } from './live-follow.ts';
import { createAppStore } from './store.ts';
import { buildStoryModel } from './story-model.ts';
import type { Story } from '../pipeline/types.ts';

const URL_ = 'https://map.example.org/stories/synthetic.json';

/** A store showing `story` as fetched from the site, and a page whose `hidden` the test sets. */
function setUp(story: Story) {
  const store = createAppStore();
  const model = buildStoryModel(story);
  store.setState({ model, time: model.end, status: 'ready', storyId: story.id, source: { url: URL_, validators: { etag: '"v1"' } } });
  const page = Object.assign(new EventTarget(), { hidden: false }) as unknown as Document & { hidden: boolean };
  return { store, page };
}

function stubFetch(answers: Array<() => Response>) {
  const calls: RequestInit[] = [];
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
    calls.push(init);
    return Promise.resolve((answers.shift() ?? (() => new Response(null, { status: 304 })))());
  });
  return calls;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('refreshInterval', () => {
  it('defaults to 60 s and never goes under 15 s on a public site', () => {
    expect(refreshInterval(undefined, 'map.example.org')).toBe(60);
    expect(refreshInterval(5, 'map.example.org')).toBe(15);
    expect(refreshInterval(90, 'map.example.org')).toBe(90);
  });
  it('lets a page served from this machine ask more often', () => {
    expect(refreshInterval(2, '127.0.0.1')).toBe(2);
    expect(refreshInterval(0, 'localhost')).toBe(1);
  });
});

describe('followLiveStory', () => {
  it('re-fetches a live story with its validators and treats a 304 as no news', async () => {
    vi.useFakeTimers();
    const { store, page } = setUp(buildLiveSyntheticStory(1, 20));
    const calls = stubFetch([]);
    const stop = followLiveStory(store, { document: page, hostname: 'map.example.org' });
    await vi.advanceTimersByTimeAsync(19_000);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ cache: 'no-store', headers: { 'if-none-match': '"v1"' } });
    expect(store.getState().model!.story.entries).toHaveLength(6);
    stop();
  });

  it('asks nothing for a story that is not live, nor while the tab is hidden', async () => {
    vi.useFakeTimers();
    const { store: still, page: p1 } = setUp({ ...buildLiveSyntheticStory(1, 20), live: false });
    const calls = stubFetch([]);
    const stop1 = followLiveStory(still, { document: p1, hostname: 'map.example.org' });
    await vi.advanceTimersByTimeAsync(300_000);
    expect(calls).toHaveLength(0);
    stop1();

    const { store, page } = setUp(buildLiveSyntheticStory(1, 20));
    page.hidden = true;
    page.dispatchEvent(new Event('visibilitychange'));
    const stop2 = followLiveStory(store, { document: page, hostname: 'map.example.org' });
    await vi.advanceTimersByTimeAsync(300_000);
    expect(calls).toHaveLength(0);
    page.hidden = false;
    page.dispatchEvent(new Event('visibilitychange'));
    // Back after longer than an interval: asked at once.
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(1);
    stop2();
  });

  it('stops when a newer version says the story is no longer live', async () => {
    vi.useFakeTimers();
    const { store, page } = setUp(buildLiveSyntheticStory(1, 20));
    const ended = { ...buildLiveSyntheticStory(2, 20), live: false };
    const calls = stubFetch([() => new Response(JSON.stringify(ended), { headers: { etag: '"v2"' } })]);
    const stop = followLiveStory(store, { document: page, hostname: 'map.example.org' });
    await vi.advanceTimersByTimeAsync(21_000);
    expect(store.getState().model!.story.entries).toHaveLength(7);
    expect(store.getState().source!.validators).toEqual({ etag: '"v2"' });
    await vi.advanceTimersByTimeAsync(300_000);
    expect(calls).toHaveLength(1);
    stop();
  });
});

describe('replaceStory', () => {
  it('keeps the time of a reader looking at an earlier moment and counts what they have not seen', () => {
    const { store } = setUp(buildLiveSyntheticStory(1));
    const earlier = Date.parse('2014-06-13T10:00:00Z');
    store.getState().setTime(earlier);
    store.getState().selectPlace('alpha');
    store.getState().replaceStory(buildLiveSyntheticStory(2));
    const s = store.getState();
    expect(s.time).toBe(earlier);
    expect(s.newUpdates).toBe(1);
    expect(s.placeId).toBe('alpha');
    expect(s.model!.end).toBe(Date.parse('2014-06-13T18:00:00Z'));
    s.goToLatest();
    expect(store.getState().time).toBe(s.model!.end);
    expect(store.getState().newUpdates).toBe(0);
  });

  it('takes a reader at the latest time to the new latest time', () => {
    const { store } = setUp(buildLiveSyntheticStory(1));
    store.getState().replaceStory(buildLiveSyntheticStory(2));
    expect(store.getState().time).toBe(Date.parse('2014-06-13T18:00:00Z'));
    expect(store.getState().newUpdates).toBe(0);
  });
});
