import { bench, describe } from 'vitest';
import { readWorldActors } from '../cli/actor-file.ts';
import { readGazetteer } from '../cli/gazetteer-file.ts';
import { loadManifest } from '../cli/load-story-input.ts';
import { buildEntries } from './entries/build-entries.ts';
import { ingestStory } from './ingest.ts';

// The default story end to end, with the gazetteer already loaded (its load is benched apart).
const loaded = await loadManifest('data/stories/iraq-2014-06-13/story.json');
const gazetteer = await readGazetteer();
const world = await readWorldActors();

describe('ingest the default story', () => {
  bench('entries and times (buildEntries)', () => {
    buildEntries(loaded.input.sources);
  });

  bench('whole pipeline (ingestStory)', () => {
    ingestStory(loaded.input, gazetteer, { world, storyActors: loaded.actors });
  }, { iterations: 10 });
});
