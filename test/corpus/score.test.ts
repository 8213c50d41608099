import { describe, expect, it } from 'vitest';
import {
  type Gold,
  type GoldCase,
  failedCase,
  finalLine,
  foldName,
  formatFixed2,
  parseTime,
  pyRegex,
  scoreCase,
  totalize,
} from '../../scripts/eval-score.ts';

// 0.1° of latitude is about 11.1 km; 0.3° about 33 km.
function gold(): Gold {
  return {
    actors: { gov: '(?<!anti-)government|\\barmy\\b', rebels: 'rebel|insurgent' },
    places: { Alpha: [10, 20], Beta: [12, 20], Gamma: [12.1, 20] },
    aliases: { Alpha: 'alpha|alfa' },
    cases: [],
  };
}

function goldCase(overrides: Partial<GoldCase> = {}): GoldCase {
  return {
    file: '99_synthetic.txt',
    date: '2020-05-02',
    tz: 'UTC',
    publisher: 'Test',
    control: [{ place: 'Alpha', to: 'gov', from: 'rebels', window: ['2020-05-01T00:00:00Z', '2020-05-03T00:00:00Z'] }],
    no_control: [],
    ...overrides,
  };
}

function story(events: { lat: number; lon: number; props: Record<string, unknown> }[]) {
  return {
    actors: [
      { id: 'g1', name: 'Government forces', short: 'GOV' },
      { id: 'r1', name: 'Rebel fighters', short: 'REB' },
    ],
    events: {
      type: 'FeatureCollection',
      features: events.map((e) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
        properties: { kind: 'control', time: '2020-05-02T12:00:00Z', timeStart: '2020-05-02T00:00:00Z', timeEnd: '2020-05-02T23:59:00Z', ...e.props },
      })),
    },
  };
}

describe('scoreCase', () => {
  it('finds a fact: near, named like the place, actor id resolved through the story actors, window overlapping', () => {
    const r = scoreCase(gold(), goldCase(), story([{ lat: 10.05, lon: 20, props: { place: 'Alpha', actor: 'g1' } }]));
    expect([r.found, r.required, r.falsePositives.length, r.misses]).toEqual([1, 1, 0, []]);
  });

  it('misses an event more than 25 km away, even with the right name and actor', () => {
    const r = scoreCase(gold(), goldCase(), story([{ lat: 10.3, lon: 20, props: { place: 'Alpha', actor: 'government' } }]));
    expect(r.found).toBe(0);
    expect(r.misses[0].nearby).toEqual([]);
  });

  it('needs the alias beyond 3 km but not within it', () => {
    const far = scoreCase(gold(), goldCase(), story([{ lat: 10.1, lon: 20, props: { place: 'Delta', actor: 'government' } }]));
    const close = scoreCase(gold(), goldCase(), story([{ lat: 10.01, lon: 20, props: { place: 'Delta', actor: 'government' } }]));
    const accented = scoreCase(gold(), goldCase(), story([{ lat: 10.1, lon: 20, props: { place: 'ÁLFA', actor: 'government' } }]));
    expect([far.found, close.found, accented.found]).toEqual([0, 1, 1]);
  });

  it('misses an event whose actor does not match, listing it as nearby', () => {
    const r = scoreCase(gold(), goldCase({ control: [{ place: 'Alpha', to: 'gov', window: ['2020-05-01T00:00:00Z', '2020-05-03T00:00:00Z'] }] }), story([{ lat: 10, lon: 20, props: { place: 'Alpha', actor: 'anti-government militia' } }]));
    expect(r.found).toBe(0);
    expect(r.misses[0].nearby.map((e) => e.actor)).toEqual(['anti-government militia']);
  });

  it('accepts a withdrawal that names only the previous holder when the fact has a from', () => {
    const r = scoreCase(gold(), goldCase(), story([{ lat: 10, lon: 20, props: { place: 'Alpha', from: 'r1' } }]));
    expect(r.found).toBe(1);
  });

  it('misses an event whose window does not overlap the gold window', () => {
    const late = { place: 'Alpha', actor: 'army', time: '2020-05-04T06:00:00Z', timeStart: '2020-05-03T00:00:01Z', timeEnd: '2020-05-04T12:00:00Z' };
    const early = { place: 'Alpha', actor: 'army', time: '2020-04-30T06:00:00Z', timeStart: '2020-04-29T00:00:00Z', timeEnd: '2020-04-30T23:59:59Z' };
    const touching = { ...late, timeStart: '2020-05-03T00:00:00Z' };
    const timeOnly = { place: 'Alpha', actor: 'army', time: '2020-05-02T06:00:00', timeStart: undefined, timeEnd: undefined };
    expect(scoreCase(gold(), goldCase(), story([{ lat: 10, lon: 20, props: late }])).found).toBe(0);
    expect(scoreCase(gold(), goldCase(), story([{ lat: 10, lon: 20, props: early }])).found).toBe(0);
    expect(scoreCase(gold(), goldCase(), story([{ lat: 10, lon: 20, props: touching }])).found).toBe(1);
    expect(scoreCase(gold(), goldCase(), story([{ lat: 10, lon: 20, props: timeOnly }])).found).toBe(1);
  });

  it('counts a control event near a no_control place as one false positive, with its evidence', () => {
    const r = scoreCase(
      gold(),
      goldCase({ control: [], no_control: ['Beta', 'Gamma'] }),
      story([
        { lat: 12.05, lon: 20, props: { place: 'Beta', actor: 'r1', quotes: ['Rebels took Beta.'] } },
        { lat: 12.05, lon: 20, props: { kind: 'clash', place: 'Beta' } },
        { lat: 11.5, lon: 20, props: { place: 'Epsilon', actor: 'r1' } },
      ]),
    );
    expect(r.falsePositives.map((f) => [f.near, f.evidence])).toEqual([['Beta', 'Rebels took Beta.']]);
    expect(r.events).toBe(2);
  });
});

describe('totals and output', () => {
  it('sums cases, counting a failed case as all missed, and prints score.py\'s last line', () => {
    const found = scoreCase(gold(), goldCase(), story([{ lat: 10, lon: 20, props: { place: 'Alpha', actor: 'g1' } }]));
    const failed = failedCase(goldCase({ file: '98_broken.txt' }), 'boom');
    const totals = totalize([found, failed]);
    expect([totals.found, totals.required, totals.false, totals.failed]).toEqual([1, 2, 0, 1]);
    expect(finalLine(totals)).toBe('dev-corpus control recall=1/2 false=0 F1=0.67');
  });

  it('rounds like Python: exact ties to even, others as toFixed', () => {
    expect([0.125, 0.375, 0.625, 0.875, 2 / 3, 0.135].map(formatFixed2)).toEqual(['0.12', '0.38', '0.62', '0.88', '0.67', '0.14']);
  });
});

describe('Python semantics', () => {
  it('runs gold regexes case-insensitively with lookbehinds and Unicode word boundaries', () => {
    expect(pyRegex('(?<!anti-)government').test('Anti-Government rebels')).toBe(false);
    expect(pyRegex('(?<!anti-)government').test('GOVERNMENT troops')).toBe(true);
    expect(pyRegex('\\bis\\b').test('Islamic State (IS)')).toBe(true);
    expect(pyRegex('\\bis\\b').test('éis')).toBe(false);
  });

  it('folds accents and reads naive ISO times as UTC', () => {
    expect(foldName('Sévaré')).toBe('sevare');
    expect(parseTime('2020-05-02T06:00:00')).toBe(Date.UTC(2020, 4, 2, 6));
    expect(parseTime('2020-05-02T08:00:00+02:00')).toBe(Date.UTC(2020, 4, 2, 6));
    expect(parseTime('2020-05-02')).toBe(Date.UTC(2020, 4, 2));
    expect(parseTime('yesterday')).toBeUndefined();
  });
});
