/**
 * Presentation steps: one per event, in the order things happened, each with the caption a
 * presenter reads out (what happened, where, who, the source sentence and who reported it).
 */
import type { Story } from '../pipeline/types.ts';
import { eventWhen, type When } from '../state/time-words.ts';

export interface PresentStep {
  eventId: string;
  /** When it happened (best estimate), ms: where the map goes. */
  time: number;
  /** When it happened with how well that is known: what the caption says. */
  when: When;
  placeId: string;
  coordinates: [number, number];
  kind: string;
  /** What happened, as the pipeline summarised it. */
  headline: string;
  /** Where: the place and its region. */
  where: string;
  /** Who: actor ids, main actor first. */
  actors: string[];
  /** The first source sentence and who reported it. */
  quote: string;
  outlet: string;
  /** The entry's printed clock or UTC time of the report. */
  reportedAt: string;
  status: string;
}

/**
 * @example presentSteps(story).map((s) => s.eventId)
 */
export function presentSteps(story: Story): PresentStep[] {
  const places = new Map(story.places.features.map((f) => [f.properties.id, f.properties]));
  const sources = new Map(story.sources.map((s) => [s.id, s.publisher]));
  const entries = new Map(story.entries.map((e) => [e.id, e]));
  return story.events.features
    .map((f, i) => ({ f, i, time: Date.parse(f.properties.time) }))
    .sort((a, b) => a.time - b.time || a.i - b.i)
    .map(({ f, time }) => {
      const e = f.properties;
      const place = places.get(e.placeId);
      const entry = entries.get(e.entries[0]);
      const main = e.actor ?? e.actors[0];
      return {
        eventId: e.id,
        time,
        when: eventWhen(e, place?.timezone ?? story.sources[0]?.timezone),
        placeId: e.placeId,
        coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]],
        kind: e.kind,
        headline: e.summary,
        where: [e.place, place?.admin1].filter(Boolean).join(', '),
        actors: main ? [main, ...e.actors.filter((a) => a !== main)] : e.actors,
        quote: e.quotes[0] ?? '',
        outlet: sources.get(entry?.source ?? e.sources[0]) ?? e.sources[0] ?? '',
        reportedAt: entry?.time ?? e.reportedAt,
        status: e.status,
      };
    });
}

/** Index of the step to show at `time`: the last event at or before it (−1 before the first). */
export function stepAt(steps: PresentStep[], time: number): number {
  let found = -1;
  for (let i = 0; i < steps.length && steps[i].time <= time; i++) found = i;
  return found;
}
