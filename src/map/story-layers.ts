/**
 * The story's sources and layers, drawn on top of a basemap: part of the map's first style (so
 * they load with the basemap), or added to a deployer's style. Colours and highlights are
 * feature state (set by `bindMapToStore`), so scrubbing never rebuilds these sources.
 */
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { PlaceControl } from '../state/control-state.ts';
import type { StoryModel } from '../state/story-model.ts';
import { theme } from '../theme.ts';
import { placePoints, transientEvents, uncertaintyRings } from './story-data.ts';

const state = (key: string, fallback: boolean | number): ExpressionSpecification =>
  typeof fallback === 'boolean'
    ? ['boolean', ['feature-state', key], fallback]
    : ['number', ['feature-state', key], fallback];

const TOWN: ExpressionSpecification = ['==', ['get', 'role'], 'town'];

/**
 * A town's label: its name, and under it who holds it. While the story plays the second line is
 * left out: it would need the places source rebuilt (a round trip through MapLibre's worker and a
 * redraw per tile) at every step, and the colour already says who holds the town.
 */
export function placeLabelText(withHolder: boolean): ExpressionSpecification {
  if (!withHolder) return ['format', ['get', 'name'], { 'font-scale': 1 }];
  // The holder's colour is a swatch before the words; the words themselves stay dark on the
  // halo (an actor colour as text is 2–3.6:1 on white, below WCAG's 4.5:1).
  const hasHolder: ExpressionSpecification = ['!=', ['get', 'holder'], ''];
  return [
    'format',
    ['get', 'name'],
    { 'font-scale': 1 },
    ['case', hasHolder, '\n● ', ''],
    { 'font-scale': HOLDER_SCALE, 'text-color': ['to-color', ['get', 'holderColor']] },
    ['get', 'holder'],
    { 'font-scale': HOLDER_SCALE },
  ];
}

/** Label size (px) and the holder line's share of it: 12 px, the smallest text on the map. */
const LABEL_SIZE = 13;
const HOLDER_SCALE = 0.93;

/**
 * The invisible image drawn at every dot by the `place-label-clearance` layer, so labels are
 * placed clear of every town's dot (MapLibre's collision index does not know circles).
 */
export const CLEARANCE_IMAGE = 'label-clearance';
const CLEARANCE_PX = 20;

/** Adds the clearance image to a map (call once its style is loaded). */
export function addClearanceImage(map: MapLibreMap): void {
  if (map.hasImage(CLEARANCE_IMAGE)) return;
  map.addImage(CLEARANCE_IMAGE, { width: CLEARANCE_PX, height: CLEARANCE_PX, data: new Uint8Array(CLEARANCE_PX * CLEARANCE_PX * 4) });
}

/** A dot's drawn radius (px, stroke included) at zooms 4, 7 and 10: the town layer's sizes. */
const DOT_RADIUS: [number, number, number] = [6.5, 8.5, 10.5];

/** Ids of the layers a click or hover on a place can hit. */
export const PLACE_LAYERS = ['place-towns'];

/**
 * Layers the first frame goes without, shown at the map's first idle (`createStoryMap`): the
 * clash and strike markers. Their shaders cost ~0.1–0.2 s to compile in software WebGL before the
 * first frame (docs/performance.md), and a marker missing for a frame or two hides no town.
 */
export const AFTER_FIRST_IDLE_LAYERS = ['event-halo', 'event-markers'];

export interface StoryStyle {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

/**
 * @param control - who holds what at the time the map opens, for the labels' second line
 */
export function storyStyle(model: StoryModel, control: Map<string, PlaceControl>): StoryStyle {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const rings = uncertaintyRings(model);
  const sources: Record<string, SourceSpecification> = {
    places: { type: 'geojson', data: placePoints(model, control), promoteId: 'id' },
    events: { type: 'geojson', data: transientEvents(model), promoteId: 'id' },
    areas: { type: 'geojson', data: empty },
  };
  const layers: LayerSpecification[] = [];
  const addLayer = (layer: LayerSpecification) => layers.push(layer);
  // Zoom must be the outermost interpolation, so the per-feature part sits inside each stop.
  // `pick` chooses per feature between the town's radius and another (inside each zoom stop).
  type Pick = (town: ExpressionSpecification | number) => ExpressionSpecification | number;
  const radius = (add: number, focusAdd = 0, pick: Pick = (town) => town): ExpressionSpecification => {
    const town = (base: number): ExpressionSpecification | number =>
      focusAdd ? ['case', ['any', state('selected', false), state('hover', false)], base + add + focusAdd, base + add] : base + add;
    const r = (base: number) => pick(town(base));
    return ['interpolate', ['linear'], ['zoom'], 4, r(5), 7, r(7), 10, r(9)] as ExpressionSpecification;
  };

  addLayer({
    id: 'areas-fill',
    type: 'fill',
    source: 'areas',
    layout: { visibility: 'none' },
    paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.16 },
  });
  addLayer({
    id: 'areas-line',
    type: 'line',
    source: 'areas',
    layout: { visibility: 'none' },
    paint: { 'line-color': ['get', 'color'], 'line-opacity': 0.5, 'line-width': 1, 'line-dasharray': [3, 2] },
  });
  // Rings are fixed for a story: a story without approximate places has no rings layer at all
  // (an empty source still costs the first frames a round of tiles and a redraw).
  if (rings.features.length) {
    sources['place-rings'] = { type: 'geojson', data: rings, promoteId: 'id' };
    addLayer({
      id: 'place-rings',
      type: 'line',
      source: 'place-rings',
      paint: { 'line-color': theme.muted, 'line-width': 1.2, 'line-dasharray': [2, 2], 'line-opacity': 0.8 },
    });
  }
  // Clashes and strikes: a small red burst beside the town while they are recent. Which are on
  // show is feature state (`on`), not a filter: a filter change re-tiles the source in the
  // worker. Those not on show get no size rather than no opacity, so they cost nothing to draw.
  const on = (value: ExpressionSpecification | number): ExpressionSpecification => ['case', state('on', false), value, 0];
  addLayer({
    id: 'event-halo',
    layout: { visibility: 'none' }, // until the first idle (AFTER_FIRST_IDLE_LAYERS)
    type: 'circle',
    source: 'events',
    paint: {
      'circle-radius': on(10),
      'circle-color': theme.accent,
      'circle-opacity': 0.18,
      'circle-translate': [10, -10],
    },
  });
  addLayer({
    id: 'event-markers',
    layout: { visibility: 'none' }, // until the first idle (AFTER_FIRST_IDLE_LAYERS)
    type: 'circle',
    source: 'events',
    paint: {
      'circle-radius': on(['match', ['get', 'kind'], 'strike', 5, 4]),
      'circle-color': theme.accent,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': on(1.5),
      'circle-translate': [10, -10],
    },
  });
  // The contested ring: towns that are not contested get no size rather than no opacity, so
  // they cost nothing to draw.
  const contested = (value: ExpressionSpecification | number): ExpressionSpecification => ['case', state('contested', false), value, 0];
  addLayer({
    id: 'place-contested',
    type: 'circle',
    source: 'places',
    filter: TOWN,
    paint: {
      'circle-radius': radius(5, 0, contested),
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-width': contested(3.5),
      'circle-stroke-color': ['to-color', ['coalesce', ['feature-state', 'ring'], theme.accent]],
    },
  });
  // Towns and the places only mentioned (small grey dots, drawn under the towns) are one layer:
  // each layer costs every frame a draw per tile, and software WebGL draws the first frames
  // slowly (docs/performance.md).
  const focus = ['any', state('selected', false), state('hover', false)] as ExpressionSpecification;
  const fill: ExpressionSpecification = ['to-color', ['coalesce', ['feature-state', 'color'], theme.unknown]];
  addLayer({
    id: 'place-towns',
    type: 'circle',
    source: 'places',
    layout: { 'circle-sort-key': ['case', TOWN, 1, 0] },
    paint: {
      'circle-radius': radius(0, 2, (town) => ['case', TOWN, town, 3]),
      'circle-color': ['case', TOWN, fill, theme.incidental],
      // A holder at the story's start that no change reports (stated, implied, from a file or
      // assumed) is a pale fill inside a ring of the holder's colour; reported control is solid.
      'circle-opacity': ['case', ['all', TOWN, state('baseline', false)], theme.baselineFillOpacity, 1],
      'circle-stroke-color': ['case', ['!', TOWN], '#ffffff', focus, theme.ink, state('baseline', false), fill, '#ffffff'],
      'circle-stroke-width': ['case', ['!', TOWN], 1, focus, 2.5, state('baseline', false), 2.5, 1.5],
    },
  });
  // Labels: one of four sides of the dot, the first that is clear of other labels and of every
  // dot (the clearance layer below, placed first because it is on top), else hidden until zoomed
  // in. The offset keeps a label clear of its own dot's clearance box (1 px text padding).
  const [r4, r7, r10] = DOT_RADIUS;
  const em = (r: number) => (r + 2) / LABEL_SIZE;
  addLayer({
    id: 'place-labels',
    type: 'symbol',
    source: 'places',
    filter: TOWN,
    layout: {
      'text-field': placeLabelText(true),
      'text-font': [...theme.fontSansBold],
      'text-size': LABEL_SIZE,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': ['interpolate', ['linear'], ['zoom'], 4, em(r4), 7, em(r7), 10, em(r10)],
      'text-justify': 'auto',
      'text-padding': 1,
      'symbol-sort-key': ['-', 0, ['get', 'rank']],
    },
    paint: { 'text-color': theme.townLabel, 'text-halo-color': theme.halo, 'text-halo-width': 2 },
  });
  const size = (r: number): ExpressionSpecification => ['case', TOWN, (2 * r) / CLEARANCE_PX, 8 / CLEARANCE_PX];
  addLayer({
    id: 'place-label-clearance',
    type: 'symbol',
    source: 'places',
    layout: {
      'icon-image': CLEARANCE_IMAGE,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 4, size(r4), 7, size(r7), 10, size(r10)],
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
      'icon-padding': [0],
    },
    paint: { 'icon-opacity': 0 },
  });
  return { sources, layers };
}

/** Adds the story's sources and layers to a map whose style is loaded. */
export function addStoryLayers(map: MapLibreMap, style: StoryStyle): void {
  for (const [id, source] of Object.entries(style.sources)) map.addSource(id, source);
  for (const layer of style.layers) map.addLayer(layer);
}
