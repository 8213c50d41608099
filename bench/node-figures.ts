/**
 * Node-side figures, one task per process so peak memory is the task's own:
 *
 *   tsx bench/node-figures.ts gazetteer            # index load time and memory
 *   tsx bench/node-figures.ts ingest <MB>          # ingest throughput and memory for MB of text
 *   tsx bench/node-figures.ts control-at           # controlAt at 10,000 events, 2,000 places
 *   tsx bench/node-figures.ts story <entries> <out.json> [--events N]   # a synthetic story file
 *   tsx bench/node-figures.ts weeks [<out.json>]   # ingest of a 30-day, 10-outlet story (and its file)
 *
 * Each prints one JSON object on the last line of stdout.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorldActors } from '../src/cli/actor-file.ts';
import { ensureGazetteerFile, GAZETTEER_PATH, readGazetteer } from '../src/cli/gazetteer-file.ts';
import { loadGazetteer } from '../src/gazetteer/load.ts';
import type { Gazetteer } from '../src/gazetteer/types.ts';
import type { ActorRegistryJson } from '../src/pipeline/events/actors.ts';
import { controlAt } from '../src/pipeline/control/control-at.ts';
import { ingestStory, type StoryInput } from '../src/pipeline/ingest.ts';
import type { ControlSpan, PlaceFeature, Story } from '../src/pipeline/types.ts';
import { createRandom, syntheticStory, textBytes } from './synthetic-story.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

const memory = () => {
  const m = process.memoryUsage();
  return { rssMB: m.rss / MB, heapUsedMB: m.heapUsed / MB, peakRssMB: process.resourceUsage().maxRSS / 1024 };
};

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The world's actors with the Ukraine registry as the story's own, as a manifest naming it gives. */
async function ukraineActors() {
  const storyActors = JSON.parse(await readFile(join(ROOT, 'data/actors/ukraine.json'), 'utf8')) as ActorRegistryJson;
  return { world: await readWorldActors(), storyActors };
}

async function gazetteerFigures() {
  await ensureGazetteerFile(); // builds the index when stale; not timed
  global.gc?.();
  const before = memory();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const file = await readFile(GAZETTEER_PATH);
  const t1 = performance.now();
  const raw = new Uint8Array(gunzipSync(file));
  const t2 = performance.now();
  const gazetteer = loadGazetteer(raw);
  const t3 = performance.now();
  gazetteer.lookup('Mariupol');
  const t4 = performance.now();
  gazetteer.lookupLoose('Mariupil', ['UA']);
  const t5 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  global.gc?.();
  const after = memory();
  return {
    places: gazetteer.size,
    gzipBytes: file.length,
    rawBytes: raw.length,
    readMs: t1 - t0,
    gunzipMs: t2 - t1,
    indexMs: t3 - t2,
    firstLookupMs: t4 - t3,
    firstLooseLookupMs: t5 - t4,
    // the figure: from the file on disk to the first answer
    loadAndSearchMs: t4 - t0,
    totalMs: t5 - t0,
    // CPU time of the same span (user + system): what the load costs when other processes share the cores
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMB: after.heapUsedMB - before.heapUsedMB,
    rssMB: after.rssMB,
    gcExposed: typeof global.gc === 'function',
    // keep the index alive until measured
    _: gazetteer.size > 0,
  };
}

async function ingestFigures(mb: number, repeats = mb <= 0.2 ? 7 : mb <= 2 ? 3 : 1) {
  const gazetteer = await readGazetteer();
  const actors = await ukraineActors();
  const ingest = (input: StoryInput) => ingestStory(input, gazetteer, { ...actors, theatreCountries: ['UA'] });
  // Warm the JIT so the figure is throughput, not compilation.
  ingest(syntheticStory(gazetteer, { seed: 99, bytes: Math.min(mb, 0.5) * 1e6 }));
  const input = syntheticStory(gazetteer, { seed: 1, bytes: Math.round(mb * 1e6) });
  const bytes = textBytes(input);
  global.gc?.();
  const base = memory();
  let peakHeap = base.heapUsedMB;
  const runs: number[] = [];
  let story: Story | undefined;
  for (let r = 0; r < repeats; r++) {
    story = undefined;
    global.gc?.();
    const t0 = performance.now();
    story = ingest(input).story;
    runs.push(performance.now() - t0);
    // The thread is busy during ingest, so heap is read right after: a lower bound of the peak.
    // Peak RSS comes from the kernel and is exact (it includes the gazetteer, ~baseRss).
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed / MB);
  }
  const ms = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const s = story!;
  return {
    mb: bytes / 1e6,
    sources: input.sources.length,
    entries: s.entries.length,
    places: s.places.features.length,
    events: s.events.features.length,
    runs: runs.map((x) => Math.round(x)),
    ms,
    entriesPerSec: s.entries.length / (ms / 1000),
    mbPerSec: bytes / 1e6 / (ms / 1000),
    baseRssMB: base.rssMB,
    baseHeapMB: base.heapUsedMB,
    heapAfterMB: peakHeap,
    peakRssMB: memory().peakRssMB,
  };
}

/** 2,000 real towns with five control changes each (10,000 events), timed per controlAt call. */
async function controlAtFigures(placeCount = 2000, changes = 5, calls = 20_000) {
  const gazetteer: Gazetteer = await readGazetteer();
  const random = createRandom(7);
  const actors = ['ukraine', 'russia', 'contested'];
  const start = Date.parse('2023-06-01T00:00:00Z');
  const HOUR = 3_600_000;
  const features: PlaceFeature[] = [];
  for (let i = 0; i < gazetteer.size && features.length < placeCount; i++) {
    const p = gazetteer.place(i);
    if (p.kind !== 'town') continue;
    const timeline: ControlSpan[] = [{ actor: 'ukraine', events: [] }];
    let t = start;
    for (let c = 0; c < changes; c++) {
      t += Math.floor(random() * 72) * HOUR;
      timeline.push({ actor: actors[Math.floor(random() * actors.length)], start: new Date(t).toISOString(), events: [`ev-${i}-${c}`] });
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { id: `p${i}`, name: p.name, altNames: [], country: p.country, kind: 'town', precision: 'exact', role: 'theatre', origin: p.origin, mentionCount: 1, timeline },
    });
  }
  const story: Pick<Story, 'places'> = { places: { type: 'FeatureCollection', features } };
  const c0 = performance.now();
  controlAt(story, start); // compiles and caches
  const compileMs = performance.now() - c0;
  const span = changes * 72 * HOUR;
  for (let i = 0; i < 2000; i++) controlAt(story, start + random() * span); // warm-up
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = start + random() * span;
    const a = performance.now();
    controlAt(story, t);
    times.push(performance.now() - a);
  }
  times.sort((a, b) => a - b);
  return {
    places: features.length,
    events: features.length * changes,
    calls,
    compileMs,
    medianMs: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    maxMs: times[times.length - 1],
  };
}

/** Ingests a synthetic story of `entries` entries (or enough for `events` events) and writes its JSON. */
async function storyFile(entries: number, out: string, events?: number) {
  const gazetteer = await readGazetteer();
  const actors = await ukraineActors();
  const id = out.replace(/^.*\//, '').replace(/\.json$/, '');
  let n = entries;
  for (;;) {
    const input = syntheticStory(gazetteer, { seed: 5, entries: n, places: 400, id });
    const { story } = ingestStory(input, gazetteer, { ...actors, theatreCountries: ['UA'] });
    if (events === undefined || story.events.features.length >= events || n > 200_000) {
      const text = JSON.stringify(story);
      await writeFile(out, text);
      return { id, entries: story.entries.length, places: story.places.features.length, events: story.events.features.length, bytes: Buffer.byteLength(text), title: story.title };
    }
    n = Math.ceil((n * events * 1.05) / Math.max(1, story.events.features.length));
  }
}

/** The weeks story: 30 days of 10 outlets, one page per outlet per day, 20,000 entries in all. */
const WEEKS = { days: 30, publishers: 10, entries: 20_000 } as const;

/**
 * Ingests the weeks story once warm (time and peak RSS against the ingest budget) and, with
 * `out`, writes its JSON for the browser figures.
 */
async function weeksFigures(out?: string) {
  const gazetteer = await readGazetteer();
  const actors = await ukraineActors();
  const { days, publishers, entries } = WEEKS;
  const options = { seed: 11, entries, publishers, entriesPerSource: Math.ceil(entries / (days * publishers)), places: 400, id: 'synthetic-weeks' };
  const ingest = (input: StoryInput) => ingestStory(input, gazetteer, { ...actors, theatreCountries: ['UA'] });
  ingest(syntheticStory(gazetteer, { ...options, seed: 99, entries: 2000 }));
  const input = syntheticStory(gazetteer, options);
  const bytes = textBytes(input);
  global.gc?.();
  const base = memory();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { story } = ingest(input);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peakRssMB = memory().peakRssMB;
  const text = JSON.stringify(story);
  if (out) await writeFile(out, text);
  const daysSeen = new Set(story.entries.map((e) => e.time.slice(0, 10))).size;
  return {
    id: options.id,
    title: story.title,
    mb: bytes / 1e6,
    sources: input.sources.length,
    outlets: new Set(input.sources.map((s) => s.publisher)).size,
    days: daysSeen,
    entries: story.entries.length,
    places: story.places.features.length,
    events: story.events.features.length,
    ms,
    // CPU time of the ingest (user + system): what it costs when other processes share the cores.
    cpuMs: (cpu.user + cpu.system) / 1000,
    entriesPerSec: story.entries.length / (ms / 1000),
    baseRssMB: base.rssMB,
    peakRssMB,
    storyBytes: Buffer.byteLength(text),
  };
}

const [task, ...args] = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
let result: unknown;
if (task === 'gazetteer') result = await gazetteerFigures();
else if (task === 'ingest') result = await ingestFigures(Number(args[0]));
else if (task === 'control-at') result = await controlAtFigures();
else if (task === 'story') result = await storyFile(Number(args[0]), args[1], flag('--events') ? Number(flag('--events')) : undefined);
else if (task === 'weeks') result = await weeksFigures(args[0]);
else throw new Error(`unknown task: ${task} (gazetteer | ingest <MB> | control-at | story <entries> <out> | weeks [out])`);
console.log(JSON.stringify(result));
