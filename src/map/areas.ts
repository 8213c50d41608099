/**
 * Estimated areas of control: Voronoi cells around towns with a known holder, clipped to
 * the theatre countries and to a distance cap. A geometric guess, labelled as such in the UI.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bbox, circle, featureCollection, intersect, point, voronoi } from '@turf/turf';
import type { PlaceControl } from '../state/control-state.ts';
import type { StoryModel } from '../state/story-model.ts';
import { actorColor } from '../theme.ts';
import { isMappedTown } from './story-data.ts';

type Area = Feature<Polygon | MultiPolygon, { actor: string; color: string; placeId: string }>;

/**
 * @param clip - the theatre countries' polygons
 * @example estimateAreas(model, model.control.at(t), countries, { capKm: 40 })
 */
export function estimateAreas(
  model: StoryModel,
  control: Map<string, PlaceControl>,
  clip: Feature<Polygon | MultiPolygon>[],
  options: { capKm?: number } = {},
): FeatureCollection<Polygon | MultiPolygon> {
  const capKm = options.capKm ?? 40;
  const held = model.story.places.features.filter((f) => {
    const c = control.get(f.properties.id);
    return isMappedTown(f) && c && c.actor !== 'unknown' && !c.contested;
  });
  if (held.length === 0 || clip.length === 0) return featureCollection([]);
  const pts = featureCollection(held.map((f) => point(f.geometry.coordinates, { id: f.properties.id })));
  const [w, s, e, n] = bbox(featureCollection(clip));
  const cells = held.length > 1 ? voronoi(pts, { bbox: [w, s, e, n] }).features : [null];
  const out: Area[] = [];
  held.forEach((f, i) => {
    const actor = control.get(f.properties.id)!.actor;
    let shape: Feature<Polygon | MultiPolygon> | null = circle(f.geometry.coordinates, capKm, { units: 'kilometers', steps: 32 });
    const cell = cells[i];
    if (cell) shape = intersect(featureCollection([shape, cell]));
    if (!shape) return;
    const pieces = clip.map((c) => intersect(featureCollection([shape!, c]))).filter((x) => x !== null);
    for (const piece of pieces) {
      out.push({ ...piece, properties: { actor, color: actorColor(model.story.actors ?? [], actor), placeId: f.properties.id } });
    }
  });
  return featureCollection(out);
}
