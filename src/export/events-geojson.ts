/** The story's events as a GeoJSON FeatureCollection (RFC 7946), with the story's name. */
import type { FeatureCollection, Point } from 'geojson';
import type { EventProperties, Story } from '../pipeline/types.ts';
import { eventTypeOf, subEventTypeOf } from './acled.ts';

/**
 * The events as they are in the story, plus actor names next to their ids so the file reads on
 * its own in a GIS, and the ACLED types as the CSV codes them (`subEventType`, `eventType`).
 * @example JSON.parse(eventsToGeoJson(story)).type // 'FeatureCollection'
 */
export function eventsToGeoJson(story: Story): string {
  const names = new Map(story.actors.map((a) => [a.id, a.name]));
  const actors = new Map(story.actors.map((a) => [a.id, a]));
  const out: FeatureCollection<Point, EventProperties & { eventType: string; actorNames: string[] }> & { name: string } = {
    type: 'FeatureCollection',
    name: story.title,
    features: story.events.features.map((f) => {
      const subEventType = subEventTypeOf(f.properties, actors);
      return {
        type: 'Feature',
        id: f.properties.id,
        geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
        properties: { ...f.properties, subEventType, eventType: eventTypeOf(subEventType), actorNames: f.properties.actors.map((a) => names.get(a) ?? a) },
      };
    }),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
