/**
 * The whole pipeline: live-blog texts in, a story out. Pure: the texts, the gazetteer and the
 * actor registry come in as arguments, so the same code runs in the CLI and in the browser.
 */
import type { Gazetteer } from '../gazetteer/types.ts';
import type { ActorRegistry, ActorRegistryJson } from './events/actors.ts';
import { countryWordsOf, storyRegistry, type CountryJson, type WorldActorsJson } from './events/world-actors.ts';
import { findStatedHolds } from './events/stated-holds.ts';
import { assignBaselines } from './control/baseline.ts';
import { readBaselineFile } from './control/baseline-file.ts';
import { buildEntries, type SourceInput } from './entries/build-entries.ts';
import { extractEvents } from './events/build-events.ts';
import { InputError } from './errors.ts';
import { locatePlaces } from './places/locate-places.ts';
import { correctionPlaces } from './review/correction-places.ts';
import type { Corrections } from './review/corrections.ts';
import { STORY_VERSION, type Story, type Warning } from './types.ts';

export interface StoryInput {
  id: string;
  title: string;
  sources: SourceInput[];
}

export interface IngestOptions {
  /**
   * The world's countries and armed groups (`data/world/`): the story's actors are chosen from
   * them by what its text names and where it happens.
   */
  world?: WorldActorsJson;
  /** The story's own actor registry (a manifest's `actors`, `--actors`): its actors and roles win. */
  storyActors?: ActorRegistryJson;
  /** A ready registry, used as it is instead of `world` (tests of one war's data). */
  registry?: ActorRegistry;
  /** ISO country codes where the story happens, when the texts alone would not tell. */
  theatreCountries?: string[];
  /**
   * The story's baseline file (parsed GeoJSON, checked here against the story's actors): who held
   * places or areas at a date, with sources. `baselineName` names it in messages.
   */
  baseline?: unknown;
  baselineName?: string;
  /** The newsroom's decisions (`parseCorrections`), applied to the extracted events (docs/review.md). */
  corrections?: Corrections;
  /** Keep only the events a decision covers; the story says so in `reviewedOnly`. */
  reviewedOnly?: boolean;
}

/** Capital names per country code, from the world's countries. */
function capitalsOf(world: WorldActorsJson | undefined): Map<string, string[]> {
  const countries: CountryJson[] = !world ? [] : Array.isArray(world.countries) ? world.countries : world.countries.countries;
  return new Map(countries.map((c) => [c.iso2, c.capitals ?? []]));
}

/**
 * Builds a story from live-blog texts.
 * Throws `InputError` for mistakes in what was given (bad date, unknown timezone, empty text);
 * problems in the texts themselves come back as warnings.
 * @example
 * const { story } = ingestStory({ id: 'iraq', title: 'Iraq', sources: [{ id: 'bbc', publisher: 'BBC', date: '2014-06-13', text }] }, gazetteer, { registry });
 */
export function ingestStory(input: StoryInput, gazetteer: Gazetteer, options: IngestOptions = {}): { story: Story; warnings: Warning[] } {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(input.id)) {
    throw new InputError('bad-story', `invalid story id: "${input.id}" (letters, digits, - and _ only)`);
  }
  const built = buildEntries(input.sources);
  const countryWords = options.world ? countryWordsOf(options.world) : undefined;
  const located = locatePlaces(built.entries, gazetteer, { theatreCountries: options.theatreCountries, countryWords });
  const warnings: Warning[] = [...built.warnings, ...located.warnings];

  let places = located.places;
  let events: Story['events'] = { type: 'FeatureCollection', features: [] };
  let actors: Story['actors'] = [];
  const registry =
    options.registry ??
    (options.world ? storyRegistry(options.world, { texts: located.entries.map((e) => e.text), theatre: located.theatre, story: options.storyActors }) : undefined);
  if (registry) {
    places = correctionPlaces(options.corrections, places, gazetteer);
    const extracted = extractEvents({ entries: located.entries, places, sources: built.sources }, registry, { corrections: options.corrections, reviewedOnly: options.reviewedOnly, theatre: located.theatre });
    events = extracted.events;
    actors = extracted.actors;
    warnings.push(...extracted.warnings);
    const file = options.baseline === undefined ? undefined : readBaselineFile(options.baseline, options.baselineName ?? 'baseline', new Set(registry.actors.map((a) => a.id)));
    const holds = findStatedHolds(located.entries, registry);
    const baseline = assignBaselines({ places: extracted.places, events, holds, registry, theatre: located.theatre, capitals: capitalsOf(options.world), file, parties: new Set(actors.map((a) => a.id)) });
    places = baseline.places;
    // Actors only a baseline names join the story's list, in registry order.
    const listed = new Set(actors.map((a) => a.id));
    for (const a of registry.actors) {
      if (baseline.actors.has(a.id) && !listed.has(a.id)) actors.push({ id: a.id, name: a.name, color: a.color, short: a.short, kind: a.kind });
    }
  }

  const times = located.entries.map((e) => e.time);
  const story: Story = {
    version: STORY_VERSION,
    id: input.id,
    title: input.title,
    sources: built.sources,
    entries: located.entries,
    places,
    events,
    actors,
    span: { start: times[0], end: times[times.length - 1] },
    ...(options.reviewedOnly ? { reviewedOnly: true } : {}),
    warnings,
  };
  return { story, warnings };
}
