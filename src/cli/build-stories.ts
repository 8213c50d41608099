/**
 * `npm run build:stories`: runs the pipeline over every `data/stories/<id>/story.json` and writes
 * `public/stories/<id>.json` (and its oEmbed response `<id>.oembed.json`) plus
 * `public/stories/index.json`, which the app loads.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOembed } from '../embed/oembed.ts';
import { isInputError } from '../pipeline/index.ts';
import { loadManifest } from './load-story-input.ts';
import { readIngestResources, runIngest } from './run-ingest.ts';
import { writeAtomic } from './write-atomic.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STORIES = join(ROOT, 'data/stories');
const OUT = join(ROOT, 'public/stories');

/** The story a new user sees first. */
export const DEFAULT_STORY = 'iraq-2014-06-13';

async function main(): Promise<void> {
  const folders = (await readdir(STORIES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  // The gazetteer and the world's actors, read once for every story.
  const resources = await readIngestResources();
  const index: Array<{ id: string; title: string; default?: boolean }> = [];
  for (const folder of folders) {
    const loaded = await loadManifest(join(STORIES, folder, 'story.json'));
    const { story, warnings } = await runIngest(loaded, resources);
    await writeAtomic(join(OUT, `${story.id}.json`), JSON.stringify(story));
    // Static oEmbed response; SITE_URL (the deployed app's folder) makes its iframe code absolute.
    await writeAtomic(join(OUT, `${story.id}.oembed.json`), JSON.stringify(buildOembed(story, { appUrl: process.env.SITE_URL ?? './' }), null, 2));
    index.push({ id: story.id, title: story.title, ...(story.id === DEFAULT_STORY ? { default: true } : {}) });
    process.stderr.write(
      `story ${story.id}: ${story.entries.length} entries, ${story.places.features.length} places, ${story.events.features.length} events, ${warnings.length} warnings\n`,
    );
  }
  await writeAtomic(join(OUT, 'index.json'), JSON.stringify(index, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`build:stories: ${isInputError(error) ? error.message : (error as Error)?.stack}\n`);
  process.exit(isInputError(error) ? 2 : 70);
});
