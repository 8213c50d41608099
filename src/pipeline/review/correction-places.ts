/**
 * Places a corrections file names that the story's text did not locate: an editor may move an
 * event, or add one, at any gazetteer place (`geonames:98182`). They join the story's places
 * before events are built, so the decision finds them like any other.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Gazetteer, GazetteerPlace } from '../../gazetteer/types.ts';
import { slugify } from '../../gazetteer/normalize.ts';
import type { PlaceFeature, PlaceProperties } from '../types.ts';
import type { Corrections } from './corrections.ts';

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

function toFeature(p: GazetteerPlace, id: string, timezone: string | undefined): PlaceFeature {
  const properties: PlaceProperties = {
    id,
    name: p.name,
    altNames: p.altNames.filter((n) => n !== p.name).slice(0, 6),
    ...(p.nameNative ? { nameNative: p.nameNative } : {}),
    country: p.country,
    ...(p.admin1 ? { admin1: p.admin1 } : {}),
    ...(timezone && p.kind !== 'country' ? { timezone } : {}),
    kind: p.kind,
    ...(p.population ? { population: p.population } : {}),
    precision: p.kind === 'country' ? 'country' : p.kind === 'region' ? 'region' : 'exact',
    role: 'theatre',
    origin: p.origin,
    mentionCount: 0,
  };
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [round5(p.lon), round5(p.lat)] }, properties };
}

/**
 * The story's places plus the gazetteer places its corrections name by origin and the story lacks.
 * A name that is neither is left for `applyCorrections` to report.
 * @example correctionPlaces(corrections, located.places, gazetteer).features.length
 */
export function correctionPlaces(corrections: Corrections | undefined, places: FeatureCollection<Point, PlaceProperties>, gazetteer: Gazetteer): FeatureCollection<Point, PlaceProperties> {
  const ids = new Set(places.features.map((f) => f.properties.id));
  const origins = new Set(places.features.map((f) => f.properties.origin));
  const wanted = new Set<string>();
  for (const d of corrections?.decisions ?? []) {
    const ref = d.action === 'add' ? d.place : d.action === 'edit' ? d.set.place : undefined;
    if (ref && !ids.has(ref) && !origins.has(ref) && ref.includes(':')) wanted.add(ref);
  }
  if (!wanted.size) return places;
  const added: PlaceFeature[] = [];
  for (let i = 0; i < gazetteer.size && wanted.size; i++) {
    const p = gazetteer.place(i);
    if (!wanted.has(p.origin)) continue;
    wanted.delete(p.origin);
    let id = slugify(p.name) || 'place';
    if (ids.has(id)) id = `${id}-${p.country.toLowerCase()}`;
    while (ids.has(id)) id = `${id}-2`;
    ids.add(id);
    added.push(toFeature(p, id, gazetteer.zone(p.country)));
  }
  const features = [...places.features, ...added].sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
  return { type: 'FeatureCollection', features };
}
