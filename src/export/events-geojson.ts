/** The story's events as a GeoJSON FeatureCollection (RFC 7946), with the story's name. */
import type { FeatureCollection, Point } from 'geojson';
import type { EventProperties, Story } from '../pipeline/types.ts';

/**
 * The events as they are in the story, plus actor names next to their ids so the file reads on
 * its own in a GIS.
 * @example JSON.parse(eventsToGeoJson(story)).type // 'FeatureCollection'
 */
export function eventsToGeoJson(story: Story): string {
  const names = new Map(story.actors.map((a) => [a.id, a.name]));
  const out: FeatureCollection<Point, EventProperties & { actorNames: string[] }> & { name: string } = {
    type: 'FeatureCollection',
    name: story.title,
    features: story.events.features.map((f) => ({
      type: 'Feature',
      id: f.properties.id,
      geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
      properties: { ...f.properties, actorNames: f.properties.actors.map((a) => names.get(a) ?? a) },
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
