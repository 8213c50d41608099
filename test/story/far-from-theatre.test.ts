// A change of control at a lone town of another country, far from where the story happens, is a
// name read as the wrong place ("the districts of Ain, …" in a story of Yemen, read as Al Ain in
// the Emirates) and is left out with a warning; fighting across a border stays.
import { describe, expect, it } from 'vitest';
import base from '../../data/stories/iraq-2014-06-13/actors.json';
import { loadActorRegistry } from '../../src/pipeline/events/actors.ts';
import { extractEvents } from '../../src/pipeline/events/extract-events.ts';
import type { Source } from '../../src/pipeline/types.ts';
import { makeEntry, makePlaces } from '../fixtures/events/helpers.ts';

const registry = loadActorRegistry(base);
const places = {
  type: 'FeatureCollection' as const,
  features: [
    ...makePlaces([['tikrit', 'Tikrit', 43.68, 34.61], ['qaim', 'Al Qaim', 41.09, 34.39], ['ramadi', 'Ramadi', 43.3, 33.42]], 'IQ').features,
    ...makePlaces([['abu-kamal', 'Abu Kamal', 40.92, 34.45]], 'SY').features,
    ...makePlaces([['sirte', 'Sirte', 16.59, 31.2]], 'LY').features,
  ],
};
const sources: Source[] = [{ id: 'a', publisher: 'Outlet A', timezone: 'Asia/Baghdad', date: '2017-11-09' }];
const run = (text: string) => {
  const result = extractEvents({ entries: [makeEntry('a-1', 'a', '2017-11-09T10:00:00Z', text, places)], places, sources }, registry, { theatre: ['IQ', 'SY', 'LY'] });
  return { places: result.events.features.filter((f) => f.properties.kind === 'control').map((f) => f.properties.placeId).sort(), warnings: result.warnings.map((w) => w.code) };
};

describe('a change of control far from the main theatre', () => {
  it('is left out at the only place of its country, with a warning', () => {
    expect(run('Isis militants took over Sirte and Tikrit.')).toEqual({ places: ['tikrit'], warnings: ['far-from-theatre'] });
  });

  it('stays across a border, near the main theatre', () => {
    expect(run('Isis militants took over Abu Kamal and Al Qaim.')).toEqual({ places: ['abu-kamal', 'qaim'], warnings: [] });
  });

  it('stays without a theatre to compare with', () => {
    const result = extractEvents({ entries: [makeEntry('a-1', 'a', '2017-11-09T10:00:00Z', 'Isis militants took over Sirte.', places)], places, sources }, registry);
    expect(result.events.features.map((f) => f.properties.placeId)).toEqual(['sirte']);
  });
});
