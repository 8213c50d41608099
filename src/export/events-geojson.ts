/** The story's events as a GeoJSON FeatureCollection (RFC 7946), with the story's name. */
import type { FeatureCollection, Point } from 'geojson';
import type { EventProperties, Story } from '../pipeline/types.ts';
import type { TimeCertainty } from '../state/time-words.ts';
import { eventTypeOf, previousHolders, subEventTypeOf } from './acled.ts';
import type { PreviousHolder } from './holder-basis.ts';
import { storyTimes, timeFields } from './time-fields.ts';

/** What the download adds to an event's own properties. */
export interface ExportedEventProperties extends EventProperties {
  eventType: string;
  actorNames: string[];
  /** How well the time is known, the app's word: exact, about, day, week, month, year or by. */
  timeCertainty: TimeCertainty | '';
  /** The time as the app writes it, `≈` when not exact, with its year ("≈ 9–12 Jun 2014"). */
  timeWords: string;
  /** A change's previous holder as the map shows it, with how it is known (the CSV's actor2, actor2_basis, actor2_evidence). */
  previousHolder?: PreviousHolder;
}

/**
 * The events as they are in the story, plus actor names next to their ids so the file reads on
 * its own in a GIS, the ACLED types as the CSV codes them (`subEventType`, `eventType`), the time
 * in words with its precision, and a change's previous holder with its basis.
 * @example JSON.parse(eventsToGeoJson(story)).type // 'FeatureCollection'
 */
export function eventsToGeoJson(story: Story): string {
  const names = new Map(story.actors.map((a) => [a.id, a.name]));
  const actors = new Map(story.actors.map((a) => [a.id, a]));
  const times = storyTimes(story);
  const previous = previousHolders(story);
  const out: FeatureCollection<Point, ExportedEventProperties> & { name: string } = {
    type: 'FeatureCollection',
    name: story.title,
    features: story.events.features.map((f) => {
      const subEventType = subEventTypeOf(f.properties, actors);
      const when = timeFields(times.events.get(f.properties.id));
      const before = previous.get(f.properties.id);
      return {
        type: 'Feature',
        id: f.properties.id,
        geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
        properties: {
          ...f.properties,
          subEventType,
          eventType: eventTypeOf(subEventType),
          actorNames: f.properties.actors.map((a) => names.get(a) ?? a),
          timeCertainty: when.precision,
          timeWords: when.words,
          ...(before ? { previousHolder: before } : {}),
        },
      };
    }),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
