/**
 * The offline basemap: Natural Earth countries (world-atlas, loaded as a static asset) with
 * labels drawn from local fonts. No tile server, no glyph server.
 */
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { area, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { theme } from '../theme.ts';
import type { StoryStyle } from './story-layers.ts';

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string; focus?: boolean }>;

export interface Basemap {
  /** Every country. */
  countries: FeatureCollection<Polygon | MultiPolygon, { name: string; focus?: boolean }>;
  /**
   * The countries around the first view, which the map draws first: MapLibre's worker tiles a
   * GeoJSON source whole, and tiling the world before the first frame makes the map ~0.2 s later.
   * The rest follow once the map is idle (`createStoryMap`).
   */
  nearby: Basemap['countries'];
}

export type CountryLabels = FeatureCollection<Point, { name: string; focus: boolean }>;

/**
 * The box whose countries are drawn first: the story's box, widened on every side by twice its
 * size (at least 10°), which covers the first view even on a wide, short map.
 */
export function nearbyBox(view: [number, number, number, number]): [number, number, number, number] {
  const [w, s, e, n] = view;
  const margin = Math.max(10, 2 * (e - w), 2 * (n - s));
  return [w - margin, s - margin, e + margin, n + margin];
}

/** Largest polygon of a country, where its label belongs (not in an overseas island). */
function mainPolygon(f: CountryFeature): Polygon {
  if (f.geometry.type === 'Polygon') return f.geometry;
  let best: Polygon = { type: 'Polygon', coordinates: f.geometry.coordinates[0] };
  let bestArea = -1;
  for (const coordinates of f.geometry.coordinates) {
    const poly: Polygon = { type: 'Polygon', coordinates };
    const a = area(poly);
    if (a > bestArea) [best, bestArea] = [poly, a];
  }
  return best;
}

interface Countries {
  features: CountryFeature[];
  /** Per country: bounding box [w, s, e, n]. */
  boxes: [number, number, number, number][];
}

let countries: Promise<Countries> | null = null;

function boxOf(f: CountryFeature): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/** Fetches and converts the countries once a page; what does not depend on the story is kept. */
function fetchCountries(): Promise<Countries> {
  countries ??= (async () => {
    const res = await fetch(countriesUrl);
    if (!res.ok) throw new Error(`basemap: HTTP ${res.status}`);
    const topology = (await res.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const all = feature(topology, topology.objects.countries) as unknown as Basemap['countries'];
    const features = all.features.filter((f) => f.geometry);
    return { features, boxes: features.map(boxOf) };
  })();
  // A failed fetch is tried again by the next caller.
  countries.catch(() => (countries = null));
  return countries;
}

/**
 * Starts fetching the countries before a story needs them (the map waits for both).
 * @example prefetchBasemap()
 */
export function prefetchBasemap(): void {
  fetchCountries().catch(() => undefined);
}

/**
 * Fetches and converts the countries; marks those containing any of `focusPoints` (the story's
 * theatre) so they can be drawn lighter.
 * @param firstView - the box the map opens on; null when unknown (then every country is nearby)
 */
export async function loadBasemap(focusPoints: [number, number][], firstView: [number, number, number, number] | null = null): Promise<Basemap> {
  const { features, boxes } = await fetchCountries();
  const out: Basemap = {
    countries: { type: 'FeatureCollection', features: [] },
    nearby: { type: 'FeatureCollection', features: [] },
  };
  const near = firstView ? nearbyBox(firstView) : null;
  features.forEach((f, i) => {
    const [w, s, e, n] = boxes[i];
    // The box test first: most countries hold none of the points.
    const focus = focusPoints.some((p) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n && booleanPointInPolygon(p, f));
    const name = f.properties?.name ?? '';
    const country = { ...f, properties: { name, focus } };
    out.countries.features.push(country);
    if (!near || (w <= near[2] && e >= near[0] && s <= near[3] && n >= near[1])) out.nearby.features.push(country);
  });
  return out;
}

/**
 * A label point for each country large enough to name at these zooms: the centre of mass of its
 * largest polygon. Computed when the names join the map (`addCountryLabels`), not before the
 * first frame: with a cold JIT it takes ~0.1–0.2 s, on the way to the first idle otherwise.
 * @example countryLabels(base.countries).features[0].properties // { name: 'Iraq', focus: true }
 */
export function countryLabels(countries: Basemap['countries']): CountryLabels {
  const features: CountryLabels['features'] = [];
  for (const f of countries.features) {
    const poly = mainPolygon(f);
    if (area(poly) < 2e9) continue; // too small to label at these zooms
    features.push({ ...centerOfMass(poly), properties: { name: f.properties.name, focus: !!f.properties.focus } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The basemap style, with the story's sources and layers on top. Country names are not in it:
 * they join once the map has drawn (`addCountryLabels`), as their glyphs are drawn on the main
 * thread and an empty source would still cost the first frames a round of tiles.
 */
export function basemapStyle(base: Basemap, story: StoryStyle): StyleSpecification {
  return {
    version: 8,
    // The story's sources first: MapLibre's one worker tiles the sources in this order, so the
    // towns' tiles (and their labels' placement, which takes a frame of its own) come before the
    // countries', and the last tiles to arrive need no placement: one frame fewer before the
    // first idle (docs/performance.md).
    sources: {
      ...story.sources,
      countries: { type: 'geojson', data: base.nearby, tolerance: 0.2 },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': theme.water } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['get', 'focus'], theme.landFocus, theme.land] },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': theme.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.4] },
      },
      ...story.layers,
    ],
  };
}

/**
 * Adds the country names to a map drawn with `basemapStyle`, under the story's layers.
 * @param beforeId - the first story layer; the names go under it
 */
export function addCountryLabels(map: MapLibreMap, labels: CountryLabels, beforeId?: string): void {
  if (map.getSource('country-labels')) return;
  map.addSource('country-labels', { type: 'geojson', data: labels });
  map.addLayer(
    {
      id: 'country-labels',
      type: 'symbol',
      source: 'country-labels',
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': [...theme.fontSans],
        'text-size': ['case', ['get', 'focus'], 15, 12],
        'text-letter-spacing': 0.25,
        'text-max-width': 8,
      },
      paint: { 'text-color': theme.countryLabel, 'text-halo-color': theme.land, 'text-halo-width': 1.5 },
    },
    beforeId && map.getLayer(beforeId) ? beforeId : undefined,
  );
}
