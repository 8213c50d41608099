// The benchmarks' synthetic live blogs: the same seed gives the same text, and the pipeline reads
// it as the live blog it imitates (every generated clock starts an entry; the story validates).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorldActors } from '../../src/cli/actor-file.ts';
import { readGazetteer } from '../../src/cli/gazetteer-file.ts';
import type { Gazetteer } from '../../src/gazetteer/types.ts';
import type { ActorRegistryJson } from '../../src/pipeline/events/actors.ts';
import type { WorldActorsJson } from '../../src/pipeline/events/world-actors.ts';
import { buildEntries } from '../../src/pipeline/entries/build-entries.ts';
import { ingestStory } from '../../src/pipeline/ingest.ts';
import { storyProblems } from '../../src/pipeline/story-schema.ts';
import { pickTowns, syntheticStory, textBytes } from '../../bench/synthetic-story.ts';

let gazetteer: Gazetteer;
let world: WorldActorsJson;
let storyActors: ActorRegistryJson;

beforeAll(async () => {
  gazetteer = await readGazetteer();
  world = await readWorldActors();
  storyActors = JSON.parse(readFileSync('data/actors/ukraine.json', 'utf8')) as ActorRegistryJson;
}, 30000);

const clocks = (text: string) => text.match(/^\d\d[.:]\d\d /gm)?.length ?? 0;

describe('syntheticStory', () => {
  it('gives the same text for the same seed and options', () => {
    const a = syntheticStory(gazetteer, { seed: 3, entries: 120, places: 30 });
    const b = syntheticStory(gazetteer, { seed: 3, entries: 120, places: 30 });
    expect(b).toEqual(a);
  });

  it('gives another text for another seed', () => {
    const a = syntheticStory(gazetteer, { seed: 3, entries: 120, places: 30 });
    const b = syntheticStory(gazetteer, { seed: 4, entries: 120, places: 30 });
    expect(b.sources[0].text).not.toEqual(a.sources[0].text);
  });

  it('writes exactly the entries asked for, one clock each, in sources of one day', () => {
    const input = syntheticStory(gazetteer, { seed: 1, entries: 350, entriesPerSource: 100, publishers: 2 });
    expect(input.sources.map((s) => clocks(s.text))).toEqual([100, 100, 100, 50]);
    expect(input.sources.map((s) => s.date)).toEqual(['2023-06-01', '2023-06-01', '2023-06-02', '2023-06-02']);
  });

  it('stops once the texts reach the bytes asked for', () => {
    const input = syntheticStory(gazetteer, { seed: 1, bytes: 20_000 });
    expect(textBytes(input)).toBeGreaterThanOrEqual(20_000);
    expect(textBytes(input)).toBeLessThan(20_600);
  });

  it('uses real gazetteer towns', () => {
    const towns = pickTowns(gazetteer, 'UA', 50);
    expect(towns).toHaveLength(50);
    for (const t of towns) expect(gazetteer.lookup(t.name).some((p) => p.index === t.index)).toBe(true);
  });

  it('is read by the pipeline as a live blog: every clock an entry, a valid story with events', () => {
    const input = syntheticStory(gazetteer, { seed: 2, entries: 200, places: 40 });
    const built = buildEntries(input.sources);
    const timed = built.entries.filter((e) => !e.timeEstimated);
    expect(timed).toHaveLength(200);
    const { story } = ingestStory(input, gazetteer, { world, storyActors, theatreCountries: ['UA'] });
    expect(storyProblems(JSON.parse(JSON.stringify(story)))).toEqual([]);
    expect(story.events.features.filter((f) => f.properties.kind === 'control').length).toBeGreaterThan(10);
    expect(story.places.features.filter((f) => f.properties.timeline?.length).length).toBeGreaterThan(10);
  });
});
