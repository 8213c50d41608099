import { describe, expect, it } from 'vitest';
import { buildTimelines, type TimelineEvent } from './control-timeline.ts';

const t = (iso: string) => Date.parse(iso);
const event = (id: string, actor: string, time: string, from?: string, fromExplicit = false): TimelineEvent => ({
  id, placeId: 'bucha', actor, from, fromExplicit, time: t(time), reportedAt: t(time), entries: [`entry-${id}`],
});

describe('buildTimelines: how the previous holder is known', () => {
  it('marks a holder no report names as assumed, in the event and in the span before the change', () => {
    const result = buildTimelines(
      [event('e1', 'russia', '2022-03-01T06:00:00Z', 'ukraine'), event('e2', 'ukraine', '2022-04-01T06:00:00Z', 'russia')],
      new Map(),
    );
    expect(result.fromBasis.get('e1')).toBe('assumed');
    // The second change's previous holder is the one the first change gave the town.
    expect(result.fromBasis.get('e2')).toBe('earlier-event');
    expect(result.timelines.get('bucha')![0]).toEqual({ actor: 'ukraine', events: ['e1'], assumed: true });
  });

  it('says reported when the report names the previous holder, and the first span is not assumed', () => {
    const result = buildTimelines([event('e1', 'russia', '2022-03-01T06:00:00Z', 'ukraine', true)], new Map());
    expect(result.fromBasis.get('e1')).toBe('reported');
    expect(result.timelines.get('bucha')![0]).toEqual({ actor: 'ukraine', events: ['e1'] });
  });

  it('gives no basis to a change with no previous holder at all', () => {
    const result = buildTimelines([event('e1', 'russia', '2022-03-01T06:00:00Z')], new Map());
    expect(result.fromBasis.has('e1')).toBe(false);
    expect(result.timelines.get('bucha')).toEqual([{ actor: 'russia', start: '2022-03-01T06:00:00Z', events: ['e1'] }]);
  });
});
