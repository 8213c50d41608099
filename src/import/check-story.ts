/**
 * Reads a saved story file in the browser: the version check of `readStory` and a light check of
 * the shape the app relies on. (The full JSON Schema check, `src/pipeline/story-schema.ts`, compiles
 * code at run time, which the page's Content-Security-Policy forbids.)
 */
import { InputError } from '../pipeline/errors.ts';
import { STORY_VERSION, type Story } from '../pipeline/types.ts';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function isPointCollection(v: unknown): boolean {
  if (!isObject(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) return false;
  return v.features.every((f: unknown) => {
    if (!isObject(f) || !isObject(f.geometry) || !isObject(f.properties) || f.geometry.type !== 'Point') return false;
    const c = f.geometry.coordinates;
    return Array.isArray(c) && c.length >= 2 && c.every((n) => typeof n === 'number' && Number.isFinite(n)) && typeof f.properties.id === 'string';
  });
}

/** The first problem with a story's shape, or null. */
export function storyShapeProblem(value: Record<string, unknown>): string | null {
  if (typeof value.id !== 'string' || !/^[\w.-]{1,64}$/.test(value.id)) return '/id: not a story id';
  if (typeof value.title !== 'string') return '/title: must be a string';
  for (const key of ['sources', 'entries', 'actors', 'warnings']) if (!Array.isArray(value[key])) return `/${key}: must be an array`;
  if (!(value.entries as unknown[]).every((e) => isObject(e) && typeof e.id === 'string' && typeof e.text === 'string' && typeof e.time === 'string' && Array.isArray(e.mentions))) return '/entries: an entry lacks id, time, text or mentions';
  if (!(value.actors as unknown[]).every((a) => isObject(a) && typeof a.id === 'string' && typeof a.name === 'string')) return '/actors: an actor lacks id or name';
  if (!isPointCollection(value.places)) return '/places: must be a FeatureCollection of Points';
  if (!isPointCollection(value.events)) return '/events: must be a FeatureCollection of Points';
  const span = value.span;
  if (!isObject(span) || typeof span.start !== 'string' || typeof span.end !== 'string' || !Number.isFinite(Date.parse(span.start)) || !Number.isFinite(Date.parse(span.end))) return '/span: needs start and end times';
  return null;
}

/**
 * Parses story JSON text; throws `InputError` naming the problem (same messages as `readStory`).
 * @example const story = checkStoryText(await file.text(), file.name);
 */
export function checkStoryText(text: string, name: string): Story {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError('bad-story', `${name}: not valid JSON (${(error as Error).message})`);
  }
  const version = isObject(value) ? value.version : undefined;
  if (version !== STORY_VERSION) {
    throw new InputError('bad-story', `${name}: story format version ${JSON.stringify(version)} is not supported (this build reads version ${STORY_VERSION})`);
  }
  const problem = storyShapeProblem(value as Record<string, unknown>);
  if (problem) throw new InputError('bad-story', `${name}: not a valid story: ${problem}`);
  return value as unknown as Story;
}
