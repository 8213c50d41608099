/**
 * Checks a value against the story format's JSON Schema (docs/story.schema.json), and reads a
 * story JSON safely: an unknown version or a broken shape is an `InputError`, never a crash later.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import schema from '../../docs/story.schema.json';
import { InputError } from './errors.ts';
import { STORY_VERSION, type Story } from './types.ts';

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Problems with a story value, as `path: message` lines; empty when it is valid. */
export function storyProblems(value: unknown): string[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  if (validator(value)) return [];
  return (validator.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

/**
 * Parses story JSON text; throws `InputError` naming the problem.
 * @example const story = readStory(await (await fetch('stories/x.json')).text(), 'x.json');
 */
export function readStory(text: string, name: string): Story {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError('bad-story', `${name}: not valid JSON (${(error as Error).message})`);
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== STORY_VERSION) {
    throw new InputError('bad-story', `${name}: story format version ${JSON.stringify(version)} is not supported (this build reads version ${STORY_VERSION})`);
  }
  const problems = storyProblems(value);
  if (problems.length) throw new InputError('bad-story', `${name}: not a valid story: ${problems[0]}`);
  return value as Story;
}
