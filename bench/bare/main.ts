/**
 * The bench's baseline for start-up: a bare MapLibre page with the countries the app draws
 * (world-atlas 50m, the same asset, all of it) and 20 points from `points.json`, written by the
 * bench next to this page with the app's first view: its map's size and bounds, so both draw the
 * same pixels of the same place. No app code. Marks `map-first-idle` at the map's first `idle`
 * event, as the app does.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { FeatureCollection, Point } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

maplibregl.setWorkerUrl(workerUrl);

interface Points {
  bounds: [number, number, number, number];
  width: number;
  height: number;
  points: FeatureCollection<Point>;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const [topology, { bounds, width, height, points }] = await Promise.all([
  getJson<Topology<{ countries: GeometryCollection }>>(countriesUrl),
  getJson<Points>('./points.json'),
]);
const container = document.getElementById('map')!;
container.style.width = `${width}px`;
container.style.height = `${height}px`;
const map = new maplibregl.Map({
  container,
  bounds,
  style: {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: feature(topology, topology.objects.countries) },
      points: { type: 'geojson', data: points },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#dfe6ea' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#b9b3a6', 'line-width': 0.8 } },
      { id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': 6, 'circle-color': '#5a4fcf' } },
    ],
  },
});
map.once('idle', () => performance.mark('map-first-idle'));
