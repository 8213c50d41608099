import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { makePlaces } from '../../../test/fixtures/events/helpers.ts';
import { loadActorRegistry } from '../events/actors.ts';
import type { StatedHold } from '../events/stated-holds.ts';
import type { EventProperties, PlaceProperties } from '../types.ts';
import { assignBaselines } from './baseline.ts';
import { readBaselineFile } from './baseline-file.ts';

const registry = loadActorRegistry({
  roles: { government: 'ukraine', insurgent: null },
  actors: [
    { id: 'ukraine', name: 'Ukrainian army', short: 'UA', color: '#0072B2', kind: 'state', country: 'UA', adversary: 'russia', aliases: [] },
    { id: 'russia', name: 'Russian army', short: 'RU', color: '#D55E00', kind: 'state', country: 'RU', adversary: 'ukraine', aliases: [] },
  ],
});

/** Theatre towns in Ukraine: Kyiv (the capital), Lviv (far west), Bakhmut and Soledar (the front, 15 km apart), Avdiivka. */
function places(): FeatureCollection<Point, PlaceProperties> {
  const fc = makePlaces(
    [['kyiv', 'Kyiv', 30.52, 50.45], ['lviv', 'Lviv', 24.03, 49.84], ['bakhmut', 'Bakhmut', 38.0, 48.6], ['soledar', 'Soledar', 38.09, 48.68], ['avdiivka', 'Avdiivka', 37.75, 48.14]],
    'UA',
  );
  for (const f of fc.features) f.properties.role = 'theatre';
  return fc;
}

function event(placeId: string, kind: EventProperties['kind']): FeatureCollection<Point, EventProperties>['features'][number] {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id: `ev-${placeId}-${kind}-1`, kind, placeId, place: placeId, actors: [], time: '2023-01-10T10:00:00Z', timeStart: '2023-01-10T10:00:00Z', timeEnd: '2023-01-10T10:00:00Z', timePrecision: 'hour', placePrecision: 1, reportedAt: '2023-01-10T10:00:00Z', entries: ['a-1'], sources: ['a'], status: 'reported', confidence: 0.8, summary: '', quotes: [] } };
}

const hold = (placeId: string, kind: StatedHold['kind'], actor: string | undefined, time = '2023-01-10T08:00:00Z'): StatedHold => ({ placeId, kind, ...(actor ? { actor } : {}), phrase: '', entry: 'a-2', time, quote: `${placeId} quote` });

function run(options: { events?: ReturnType<typeof event>[]; holds?: StatedHold[]; placesIn?: FeatureCollection<Point, PlaceProperties>; file?: unknown } = {}) {
  const { places: out } = assignBaselines({
    places: options.placesIn ?? places(),
    events: { type: 'FeatureCollection', features: options.events ?? [] },
    holds: options.holds ?? [],
    registry,
    theatre: ['UA'],
    capitals: new Map([['UA', ['Kyiv', 'Kiev']]]),
    file: options.file === undefined ? undefined : readBaselineFile(options.file, 'baseline.geojson', new Set(['ukraine', 'russia'])),
  });
  return new Map(out.features.map((f) => [f.properties.id, f.properties.baseline]));
}

describe('assumed: the government, for its capital and for places far from anything reported', () => {
  it('gives the capital and the far town to the government, labelled assumed with the rule', () => {
    const b = run({ events: [event('bakhmut', 'control'), event('avdiivka', 'clash')] });
    expect(b.get('kyiv')).toEqual({ actor: 'ukraine', basis: 'assumed', rule: 'capital' });
    expect(b.get('lviv')).toMatchObject({ actor: 'ukraine', basis: 'assumed', rule: 'far-from-reports' });
    expect(b.get('lviv')!.distanceKm).toBeGreaterThan(900);
  });

  it('assumes nothing where fighting is reported, nor within farKm of it', () => {
    const b = run({ events: [event('bakhmut', 'clash'), event('avdiivka', 'clash')] });
    expect(b.get('bakhmut')).toBeUndefined();
    expect(b.get('avdiivka')).toBeUndefined();
    // Soledar has no report of its own, but Bakhmut's fighting is 12 km away.
    expect(b.get('soledar')).toBeUndefined();
  });

  it('assumes nothing of a place reported taken, even the capital', () => {
    const b = run({ events: [event('kyiv', 'control')] });
    expect(b.get('kyiv')).toBeUndefined();
  });

  it('a siege without a named besieger keeps the place unknown and nearby places unassumed', () => {
    const b = run({ holds: [hold('bakhmut', 'siege', undefined)] });
    expect(b.get('bakhmut')).toBeUndefined();
    expect(b.get('soledar')).toBeUndefined();
  });

  it('a second theatre country whose government is no party to the story is assumed nothing', () => {
    const p = places();
    p.features[1].properties.country = 'RU';
    const run2 = (parties: Set<string>) =>
      assignBaselines({ places: p, events: { type: 'FeatureCollection', features: [] }, holds: [], registry, theatre: ['UA', 'RU'], capitals: new Map(), parties }).places.features[1].properties.baseline;
    expect(run2(new Set(['ukraine']))).toBeUndefined();
    expect(run2(new Set(['ukraine', 'russia']))).toMatchObject({ actor: 'russia', basis: 'assumed' });
  });

  it('a place of a country outside the theatre is assumed nothing', () => {
    const foreign = places();
    foreign.features[1].properties.country = 'PL';
    expect(run({ placesIn: foreign }).get('lviv')).toBeUndefined();
  });
});

describe('stated and implied holders', () => {
  it('a stated holder wins over the assumption, with its sentence', () => {
    const b = run({ holds: [hold('lviv', 'hold', 'russia')] });
    expect(b.get('lviv')).toEqual({ actor: 'russia', basis: 'stated', rule: 'stated', entries: ['a-2'], quotes: ['lviv quote'], time: '2023-01-10T08:00:00Z' });
  });

  it('a stated non-government holder keeps nearby places from being assumed', () => {
    expect(run({ holds: [hold('bakhmut', 'hold', 'russia')] }).get('soledar')).toBeUndefined();
  });

  it('"the authorities in <capital>" states the government holds it', () => {
    expect(run({ holds: [hold('kyiv', 'seat', undefined)] }).get('kyiv')).toMatchObject({ actor: 'ukraine', basis: 'stated', rule: 'seat' });
  });

  it("the state's own forces on guard in a town state that the state holds it; another side's patrol states nothing", () => {
    const b = run({ events: [event('avdiivka', 'clash')], holds: [hold('bakhmut', 'presence', 'ukraine'), hold('soledar', 'presence', 'russia')] });
    expect(b.get('bakhmut')).toMatchObject({ actor: 'ukraine', basis: 'stated', rule: 'guarded', quotes: ['bakhmut quote'] });
    expect(b.get('soledar')).toBeUndefined();
  });

  it('the first change\'s previous holder is implied; a stated hold after that change does not count', () => {
    const p = places();
    p.features[2].properties.timeline = [
      { actor: 'ukraine', events: ['ev-bakhmut-control-1'], assumed: true },
      { actor: 'russia', start: '2023-01-10T10:00:00Z', events: ['ev-bakhmut-control-1'] },
    ];
    const b = run({ placesIn: p, events: [event('bakhmut', 'control')], holds: [hold('bakhmut', 'hold', 'russia', '2023-01-10T12:00:00Z')] });
    expect(b.get('bakhmut')).toEqual({ actor: 'ukraine', basis: 'implied', rule: 'from-assumed', events: ['ev-bakhmut-control-1'] });
  });
});

describe('the baseline file', () => {
  const file = {
    type: 'FeatureCollection',
    date: '2023-01-01',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { place: 'Soledar', actor: 'russia', source: 'ISW map of 1 January' } },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[37, 47.5], [38.5, 47.5], [38.5, 48.3], [37, 48.3], [37, 47.5]]] }, properties: { actor: 'ukraine', source: 'DeepStateMap', date: '2022-12-30' } },
    ],
  };

  it('gives named points and places inside areas their holder, with the cited source and date', () => {
    const b = run({ file, events: [event('bakhmut', 'clash')] });
    expect(b.get('soledar')).toEqual({ actor: 'russia', basis: 'file', rule: 'file', source: 'ISW map of 1 January', time: '2023-01-01T00:00:00Z' });
    expect(b.get('avdiivka')).toMatchObject({ actor: 'ukraine', basis: 'file', source: 'DeepStateMap', time: '2022-12-30T00:00:00Z' });
  });

  it('does not override what the text states', () => {
    expect(run({ file, holds: [hold('soledar', 'hold', 'ukraine')] }).get('soledar')).toMatchObject({ basis: 'stated', actor: 'ukraine' });
  });

  it.each([
    [{ type: 'Feature' }, /must be a GeoJSON FeatureCollection/],
    [{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { actor: 'nato', source: 'x', date: '2023-01-01' } }] }, /features\[0\]\.properties\.actor "nato" is not one of the story's actors/],
    [{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { actor: 'russia', date: '2023-01-01' } }] }, /features\[0\]\.properties\.source is missing/],
    [{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { actor: 'russia', source: 'x', date: '1 Jan' } }] }, /date "1 Jan" is not a date/],
    [{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} }] }, /features\[0\] must be a Feature with a Point, Polygon or MultiPolygon/],
  ])('refuses a bad file with a message naming the problem (%#)', (value, message) => {
    expect(() => readBaselineFile(value, 'baseline.geojson', new Set(['ukraine', 'russia']))).toThrow(message);
  });
});
