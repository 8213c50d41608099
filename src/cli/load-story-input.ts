/**
 * Node side of ingest: reads a manifest (`story.json`) or loose live-blog files into the pure
 * pipeline's `StoryInput`, checking every path and every byte on the way.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseCorrections, type ActorRegistryJson, type Corrections } from '../pipeline/index.ts';
import { decodeText } from '../pipeline/index.ts';
import { InputError } from '../pipeline/index.ts';
import type { StoryInput } from '../pipeline/index.ts';
import { parseManifest } from '../pipeline/index.ts';
import { assertDate, assertTimeZone } from '../pipeline/index.ts';

export interface LoadedInput {
  input: StoryInput;
  /** The story's own actor registry, when its manifest names one. */
  actors?: ActorRegistryJson;
  theatreCountries?: string[];
  /** The manifest's baseline file, parsed (checked by the pipeline against the story's actors), and its name. */
  baseline?: { value: unknown; name: string };
  /** The newsroom's decisions: the manifest's `corrections` file, or `--corrections`. */
  corrections?: Corrections;
  reviewedOnly?: boolean;
}

export interface LooseFileOptions {
  date?: string;
  tz?: string;
  publisher?: string;
  id?: string;
  title?: string;
}

/** Files over this size are refused: a live blog is kilobytes, not a database dump. */
const MAX_BYTES = 64 * 1024 * 1024;

async function readBytes(path: string, shown: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError('missing-file', `${shown}: file not found`);
  }
  if (!info.isFile()) throw new InputError('missing-file', `${shown}: is not a file`);
  if (info.size > MAX_BYTES) throw new InputError('too-large', `${shown}: is ${Math.round(info.size / 1048576)} MB; the limit is 64 MB`);
  return new Uint8Array(await readFile(path));
}

/** A text as an id: lower-case letters, digits and dashes, at most 40 characters. @example slug('BBC News') // 'bbc-news' */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'source';
}

/**
 * Reads `story.json` and the files it names (which must stay inside its folder).
 * @example const { input } = await loadManifest('data/stories/iraq-2014-06-13/story.json');
 */
export async function loadManifest(path: string): Promise<LoadedInput> {
  const manifest = parseManifest(decodeText(await readBytes(path, path), path), path);
  const folder = dirname(resolve(path));
  const sources = await Promise.all(
    manifest.sources.map(async (source) => {
      const file = join(folder, source.file);
      if (relative(folder, file).startsWith('..')) throw new InputError('bad-manifest', `${path}: ${source.file} is outside the story's folder`);
      const text = decodeText(await readBytes(file, source.file), source.file);
      const { file: _file, ...rest } = source;
      return { ...rest, text };
    }),
  );
  let actors: ActorRegistryJson | undefined;
  if (manifest.actors) {
    const actorsText = decodeText(await readBytes(join(folder, manifest.actors), manifest.actors), manifest.actors);
    try {
      actors = JSON.parse(actorsText) as ActorRegistryJson;
    } catch (error) {
      throw new InputError('bad-manifest', `${manifest.actors}: not valid JSON (${(error as Error).message})`);
    }
  }
  let baseline: LoadedInput['baseline'];
  if (manifest.baseline) {
    const baselineText = decodeText(await readBytes(join(folder, manifest.baseline), manifest.baseline), manifest.baseline);
    try {
      baseline = { value: JSON.parse(baselineText), name: manifest.baseline };
    } catch (error) {
      throw new InputError('bad-baseline', `${manifest.baseline}: not valid JSON (${(error as Error).message})`);
    }
  }
  const corrections = manifest.corrections ? await readCorrectionsFile(join(folder, manifest.corrections), manifest.corrections, manifest.id) : undefined;
  return {
    input: { id: manifest.id, title: manifest.title, sources },
    actors,
    theatreCountries: manifest.theatreCountries,
    ...(baseline ? { baseline } : {}),
    ...(corrections ? { corrections } : {}),
    ...(manifest.reviewedOnly ? { reviewedOnly: true } : {}),
  };
}

/**
 * Reads and checks a corrections file; throws `InputError` naming the file, decision and field.
 * @param storyId when given, the file's `story` must be this id
 * @example await readCorrectionsFile('data/stories/x/corrections.json', 'corrections.json', 'x')
 */
export async function readCorrectionsFile(path: string, shown: string, storyId?: string): Promise<Corrections> {
  return parseCorrections(decodeText(await readBytes(path, shown), shown), shown, storyId);
}

/** Runs the pipeline's own check on a command-line option, naming the option in its error. */
function checkOption(flag: string, value: string | undefined, check: (value: string) => string): void {
  if (value === undefined) return;
  try {
    check(value);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.code, `${flag}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads loose live-blog files given on the command line, one source each. `--date` and `--tz`
 * are checked first, so a typo is refused before any file or the gazetteer is read.
 * @example await loadFiles(['blog.txt'], { date: '2023-06-10', tz: 'Europe/Kyiv', publisher: 'Kyiv Independent' })
 */
export async function loadFiles(paths: string[], options: LooseFileOptions): Promise<LoadedInput> {
  checkOption('--date', options.date, assertDate);
  checkOption('--tz', options.tz, assertTimeZone);
  const used = new Set<string>();
  const sources = await Promise.all(
    paths.map(async (path) => {
      const text = decodeText(await readBytes(path, path), path);
      const name = basename(path, extname(path));
      let id = slug(name);
      while (used.has(id)) id = `${id}-2`;
      used.add(id);
      return {
        id,
        publisher: options.publisher ?? name,
        date: options.date,
        timezone: options.tz,
        text,
        format: /\.html?$/i.test(path) ? ('html' as const) : ('auto' as const),
      };
    }),
  );
  const id = options.id ?? slug(basename(paths[0], extname(paths[0])));
  return { input: { id, title: options.title ?? id, sources } };
}
