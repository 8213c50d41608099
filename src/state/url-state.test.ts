import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';
import { formatUrlState, formatUrlView, parseUrlState } from './url-state.ts';

describe('url state', () => {
  it('reads time, place, view, areas, filters and search', () => {
    const u = parseUrlState('?story=a&t=2014-06-13T12:00Z&place=jalawla&view=34.2,45.1,8.5&areas=1&outlet=bbc&actor=isis&q=Kurdish%20forces');
    expect(u).toMatchObject({
      story: 'a',
      time: Date.UTC(2014, 5, 13, 12),
      place: 'jalawla',
      camera: { center: [45.1, 34.2], zoom: 8.5 },
      areas: true,
      outlet: 'bbc',
      actor: 'isis',
      query: 'Kurdish forces',
    });
  });
  it('leaves filters empty when the URL has none, and ignores a malformed view', () => {
    expect(parseUrlState('?story=a&view=north')).toMatchObject({ camera: null, outlet: '', actor: '', query: '' });
  });
  it('writes what it reads back: place, view and filters survive a round trip', () => {
    const store = createAppStore();
    store.setState({ storyId: 'a', placeId: 'saadiya', camera: { center: [45.12346, 34.1], zoom: 7.256 } });
    store.getState().setFilters({ outlet: 'ibt', actor: 'krd', query: 'Jalawla & Saadiya' });
    const search = formatUrlState(store.getState());
    expect(search).toContain('view=34.1000,45.1235,7.26');
    const back = parseUrlState(search);
    expect(back).toMatchObject({ story: 'a', place: 'saadiya', outlet: 'ibt', actor: 'krd', query: 'Jalawla & Saadiya' });
    expect(back.camera?.zoom).toBe(7.26);
  });
  it('formats a view as lat,lng,zoom', () => {
    expect(formatUrlView({ center: [44.5, 34.1], zoom: 7 })).toBe('34.1000,44.5000,7.00');
  });
});
