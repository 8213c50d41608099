/**
 * A story's baseline file: GeoJSON of places (points) or areas (polygons) with who held them at a
 * date and the source that says so. Checked here (a clear message per mistake) and matched to the
 * story's towns; the manifest names it (`baseline`), the CLI reads it. Format: docs/story-format.md.
 */
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { InputError } from '../errors.ts';
import { assertDate } from '../timezone.ts';
import type { BaselineHolder, PlaceFeature } from '../types.ts';

/** One checked feature of a baseline file. */
export interface BaselineFeature {
  geometry: Point | Polygon | MultiPolygon;
  actor: string;
  source: string;
  /** YYYY-MM-DD. */
  date: string;
  /** For a point: the place's name, matched to the story's places by name; else the nearest within `POINT_KM`. */
  place?: string;
}

export interface BaselineFile {
  features: BaselineFeature[];
}

/** A point without a name matches a town within this distance (km). */
export const POINT_KM = 10;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Checks a parsed baseline file; throws `InputError` naming the file, the feature and the field.
 * @param actorIds - the story's actor ids: a holder must be one of them
 * @example readBaselineFile(JSON.parse(text), 'baseline.geojson', new Set(['kurdish-forces']))
 */
export function readBaselineFile(value: unknown, name: string, actorIds: Set<string>): BaselineFile {
  const bad = (message: string) => new InputError('bad-baseline', `${name}: ${message}`);
  const record = value as Record<string, unknown> | null;
  if (!record || typeof record !== 'object' || record.type !== 'FeatureCollection' || !Array.isArray(record.features)) {
    throw bad('must be a GeoJSON FeatureCollection with features');
  }
  const features = record.features.map((raw, i): BaselineFeature => {
    const where = `features[${i}]`;
    const f = raw as Feature | null;
    const geometry = f?.geometry;
    if (!f || f.type !== 'Feature' || !geometry || !['Point', 'Polygon', 'MultiPolygon'].includes(geometry.type)) {
      throw bad(`${where} must be a Feature with a Point, Polygon or MultiPolygon geometry`);
    }
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const actor = text(props.actor);
    if (!actor) throw bad(`${where}.properties.actor is missing: give the id of the actor that held it`);
    if (!actorIds.has(actor)) throw bad(`${where}.properties.actor "${actor}" is not one of the story's actors (${[...actorIds].sort().join(', ')})`);
    const source = text(props.source) ?? text(record.source);
    if (!source) throw bad(`${where}.properties.source is missing: cite where the holder comes from`);
    const date = text(props.date) ?? text(record.date);
    if (!date) throw bad(`${where}.properties.date is missing: give the date (YYYY-MM-DD) the source speaks for`);
    try {
      assertDate(date);
    } catch {
      throw bad(`${where}.properties.date "${date}" is not a date like 2014-06-10`);
    }
    const place = text(props.place);
    return { geometry: geometry as BaselineFeature['geometry'], actor, source, date, ...(place ? { place } : {}) };
  });
  return { features };
}

/**
 * The holder the file gives each town: a named point by name, an unnamed point within
 * `POINT_KM`, an area by containing the town. The first feature that matches wins.
 * @example matchBaselineFile(file, towns).get('irbil')?.actor // 'kurdish-forces'
 */
export function matchBaselineFile(file: BaselineFile, towns: PlaceFeature[]): Map<string, BaselineHolder> {
  const out = new Map<string, BaselineHolder>();
  for (const town of towns) {
    const names = new Set([town.properties.id, town.properties.name, ...town.properties.altNames].map((n) => n.toLowerCase()));
    const hit = file.features.find((f) => {
      if (f.geometry.type !== 'Point') return booleanPointInPolygon(town.geometry.coordinates, f.geometry);
      return f.place ? names.has(f.place.toLowerCase()) : distance(f.geometry.coordinates, town.geometry.coordinates, { units: 'kilometers' }) <= POINT_KM;
    });
    if (hit) out.set(town.properties.id, { actor: hit.actor, basis: 'file', rule: 'file', source: hit.source, time: `${hit.date}T00:00:00Z` });
  }
  return out;
}
