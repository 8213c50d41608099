/**
 * What `ingest` does once its input is read: load the gazetteer and the world's actors, run the
 * pure pipeline. Shared by the CLI and `npm run eval`, so the evaluation scores exactly what a
 * user runs.
 */
import { ingestStory } from '../pipeline/index.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import type { Story, Warning } from '../pipeline/index.ts';
import type { WorldActorsJson } from '../pipeline/index.ts';
import { readWorldActors } from './actor-file.ts';
import { readGazetteer } from './gazetteer-file.ts';
import type { LoadedInput } from './load-story-input.ts';

/** What ingest reads besides the texts, loaded once when many stories are built in one process. */
export interface IngestResources {
  gazetteer: Gazetteer;
  world: WorldActorsJson;
}

/** @example const resources = await readIngestResources(); */
export async function readIngestResources(): Promise<IngestResources> {
  const [gazetteer, world] = await Promise.all([readGazetteer(), readWorldActors()]);
  return { gazetteer, world };
}

/**
 * Builds a story from loaded input, as the CLI does.
 * @param resources the gazetteer and the world's actors; read from disk when absent
 * @example const { story } = await runIngest(await loadFiles(['blog.txt'], { date: '2024-02-17', tz: 'Europe/Kyiv' }));
 */
export async function runIngest(loaded: LoadedInput, resources?: IngestResources): Promise<{ story: Story; warnings: Warning[] }> {
  const { gazetteer, world } = resources ?? (await readIngestResources());
  return ingestStory(loaded.input, gazetteer, {
    world,
    storyActors: loaded.actors,
    theatreCountries: loaded.theatreCountries,
    ...(loaded.baseline ? { baseline: loaded.baseline.value, baselineName: loaded.baseline.name } : {}),
    corrections: loaded.corrections,
    reviewedOnly: loaded.reviewedOnly,
  });
}
