/**
 * "Control at t": every mapped place with who holds it at one instant and since when, as GeoJSON
 * (RFC 7946), so the map can be rebuilt in a GIS or another tool.
 */
import type { FeatureCollection, Point } from 'geojson';
import { controlAt } from '../pipeline/control/control-at.ts';
import { toIso } from '../pipeline/timezone.ts';
import type { Story } from '../pipeline/types.ts';
import { isMappedTown } from '../map/story-data.ts';
import { exactWhen, type TimeCertainty } from '../state/time-words.ts';
import { holderBasis, holderEvidence, type HolderBasis } from './holder-basis.ts';
import { storyTimes, timeFields } from './time-fields.ts';

export interface ControlAtProperties {
  id: string;
  name: string;
  country: string;
  admin1: string | null;
  /** Actor id, `contested`, or `unknown` (no report says who holds it). */
  holder: string;
  holderName: string;
  contested: boolean;
  claimants: string[];
  claimantNames: string[];
  /** ISO UTC start of the holder's period, or null when held since before the story's knowledge. */
  since: string | null;
  /** `since` in the app's words, with its `≈` marker when not exact ("≈ 9–12 Jun 2014"); empty with no `since`. */
  sinceWords: string;
  /** How well `since` is known: exact, about, day, week, month, year or by; empty with no `since`. */
  sincePrecision: TimeCertainty | '';
  /**
   * How the holder is known: `reported` (a reported change set it), or the baseline's `stated`,
   * `implied`, `file`, `assumed`; null for unknown places.
   */
  basis: HolderBasis | null;
  /** Where the holder comes from: the sentence, the baseline file's source, or the rule; empty for unknown places. */
  basisEvidence: string;
  /** Event ids behind the holder's period. */
  events: string[];
}

/**
 * The places the map shows as towns, each with its holder at `time`.
 * @example JSON.parse(controlAtToGeoJson(story, '2014-06-13T18:00:00Z')).features[0].properties.holder
 */
export function controlAtToGeoJson(story: Story, time: number | string): string {
  const control = controlAt(story, time);
  const names = new Map(story.actors.map((a) => [a.id, a.name]));
  const name = (id: string) => names.get(id) ?? id;
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (Number.isNaN(ms)) throw new TypeError(`invalid time: ${String(time)}`);
  const times = storyTimes(story);
  const events = new Map(story.events.features.map((e) => [e.properties.id, e.properties]));
  const out: FeatureCollection<Point, ControlAtProperties> & { name: string; time: string; timeWords: string } = {
    type: 'FeatureCollection',
    name: story.title,
    time: toIso(ms),
    timeWords: timeFields(exactWhen(ms)).words,
    features: story.places.features
      .filter((f) => control.has(f.properties.id) || isMappedTown(f))
      .map((f) => {
        const c = control.get(f.properties.id);
        const holder = c?.actor ?? 'unknown';
        const p = f.properties;
        const since = timeFields(c?.since != null ? times.change(c, c.since) : null);
        const known = c && holder !== 'unknown';
        return {
          type: 'Feature',
          id: p.id,
          geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
          properties: {
            id: p.id,
            name: p.name,
            country: p.country,
            admin1: p.admin1 ?? null,
            holder,
            holderName: holder === 'unknown' || holder === 'contested' ? holder : name(holder),
            contested: c?.contested ?? false,
            claimants: c?.claimants ?? [],
            claimantNames: (c?.claimants ?? []).map(name),
            since: c?.since != null ? toIso(c.since) : null,
            sinceWords: since.words,
            sincePrecision: since.precision,
            basis: known ? holderBasis(f, c) : null,
            basisEvidence: known ? holderEvidence(f, c, events) : '',
            events: c?.events ?? [],
          },
        };
      }),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
