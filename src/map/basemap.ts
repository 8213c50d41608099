/**
 * The offline basemap: Natural Earth countries (world-atlas, loaded as a static asset) with
 * labels drawn from local fonts. No tile server, no glyph server.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { area, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { theme } from '../theme.ts';

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string; focus?: boolean }>;

export interface Basemap {
  countries: FeatureCollection<Polygon | MultiPolygon, { name: string; focus?: boolean }>;
  labels: FeatureCollection<Point, { name: string; focus: boolean }>;
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

/**
 * Fetches and converts the countries; marks those containing any of `focusPoints` (the story's
 * theatre) so they can be drawn lighter.
 */
export async function loadBasemap(focusPoints: [number, number][]): Promise<Basemap> {
  const res = await fetch(countriesUrl);
  if (!res.ok) throw new Error(`basemap: HTTP ${res.status}`);
  const topology = (await res.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries) as unknown as Basemap['countries'];
  const labels: Basemap['labels'] = { type: 'FeatureCollection', features: [] };
  countries.features = countries.features.filter((f) => f.geometry);
  for (const f of countries.features) {
    const focus = focusPoints.some((p) => booleanPointInPolygon(p, f));
    f.properties = { name: f.properties?.name ?? '', focus };
    const poly = mainPolygon(f);
    if (area(poly) < 2e9) continue; // too small to label at these zooms
    labels.features.push({ ...centerOfMass(poly), properties: { name: f.properties.name, focus } });
  }
  return { countries, labels };
}

/** The basemap style; story layers are added on top by `addStoryLayers`. */
export function basemapStyle(base: Basemap): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: base.countries, tolerance: 0.2 },
      'country-labels': { type: 'geojson', data: base.labels },
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
    ],
  };
}
