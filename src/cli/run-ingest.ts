/**
 * What `ingest` does once its input is read: load the gazetteer and the world's actors, run the
 * pure pipeline. Shared by the CLI and `npm run eval`, so the evaluation scores exactly what a
 * user runs.
 */
import { ingestStory } from '../pipeline/ingest.ts';
import type { Story, Warning } from '../pipeline/types.ts';
import { readWorldActors } from './actor-file.ts';
import { readGazetteer } from './gazetteer-file.ts';
import type { LoadedInput } from './load-story-input.ts';

/**
 * Builds a story from loaded input, as the CLI does.
 * @example const { story } = await runIngest(await loadFiles(['blog.txt'], { date: '2024-02-17', tz: 'Europe/Kyiv' }));
 */
export async function runIngest(loaded: LoadedInput): Promise<{ story: Story; warnings: Warning[] }> {
  const [gazetteer, world] = await Promise.all([readGazetteer(), readWorldActors()]);
  return ingestStory(loaded.input, gazetteer, { world, storyActors: loaded.actors, theatreCountries: loaded.theatreCountries });
}
