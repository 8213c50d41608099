/**
 * The in-browser import, off the main thread: loads the gazetteer once (the compact file, fetched
 * lazily, ~3.4 MB gzip) and runs the same pipeline as the CLI (`ingestStory`) over one live blog.
 */
import countries from '../../data/world/countries.json';
import groups from '../../data/world/armed-groups.json';
import { loadGazetteer } from '../gazetteer/load.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import { gunzipIfNeeded } from '../gazetteer/unzip.ts';
import { isInputError } from '../pipeline/index.ts';
import { ingestStory } from '../pipeline/index.ts';
import type { WorldActorsJson } from '../pipeline/index.ts';
import type { ImportReply, ImportRequest } from './import-protocol.ts';

let gazetteer: Promise<Gazetteer> | null = null;

async function fetchGazetteer(url: string): Promise<Gazetteer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`place index ${url}: HTTP ${res.status}`);
  return loadGazetteer(await gunzipIfNeeded(new Uint8Array(await res.arrayBuffer())));
}

const reply = (message: ImportReply) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', async (e: MessageEvent<ImportRequest>) => {
  const req = e.data;
  const started = performance.now();
  try {
    reply({ type: 'progress', step: 'gazetteer' });
    gazetteer ??= fetchGazetteer(req.gazetteerUrl);
    const gaz = await gazetteer.catch((error: unknown) => {
      gazetteer = null;
      throw error;
    });
    reply({ type: 'progress', step: 'pipeline' });
    // The world's states and armed groups: the story keeps those its text names, bound to its theatre.
    const world = { countries, groups } as unknown as WorldActorsJson;
    const { story, warnings } = ingestStory({ id: req.id, title: req.title, sources: [req.source] }, gaz, { world });
    reply({ type: 'done', story, warnings, ms: Math.round(performance.now() - started) });
  } catch (error) {
    reply({
      type: 'error',
      kind: isInputError(error) ? 'input' : 'internal',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
