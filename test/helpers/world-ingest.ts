/**
 * Loose live-blog text through the whole pipeline as `ingest` runs it without a manifest: the
 * built gazetteer and the world's actors, one page of one outlet. For tests of mechanisms that
 * must hold in any war.
 */
import { beforeAll } from 'vitest';
import { readWorldActors } from '../../src/cli/actor-file.ts';
import { readGazetteer } from '../../src/cli/gazetteer-file.ts';
import type { Gazetteer } from '../../src/gazetteer/types.ts';
import { ingestStory } from '../../src/pipeline/ingest.ts';
import type { WorldActorsJson } from '../../src/pipeline/events/world-actors.ts';
import type { Story } from '../../src/pipeline/types.ts';

export interface World {
  gazetteer: Gazetteer;
  world: WorldActorsJson;
}

/**
 * Loads the gazetteer and the world's actors once for the calling test file.
 * @returns the loaded data (filled once `beforeAll` has run) and `ingest(text, date, timezone)`
 * @example const { ingest } = useWorld(); it('…', () => ingest('10:05 Rebels took Goma.', '2012-11-20', 'Africa/Lubumbashi'));
 */
export function useWorld(): World & { ingest: (text: string, date: string, timezone: string) => Story } {
  const loaded = {} as World;
  beforeAll(async () => {
    [loaded.gazetteer, loaded.world] = await Promise.all([readGazetteer(), readWorldActors()]);
  }, 30000);
  return {
    get gazetteer() {
      return loaded.gazetteer;
    },
    get world() {
      return loaded.world;
    },
    ingest: (text, date, timezone) =>
      ingestStory({ id: 'x', title: 'x', sources: [{ id: 's', publisher: 'S', date, timezone, text }] }, loaded.gazetteer, { world: loaded.world }).story,
  };
}
