/**
 * Node side of the actor layer: the world's countries and armed groups (`data/world/`), and a
 * story's own registry file (`--actors`, or a manifest's `actors`).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorRegistryJson } from '../pipeline/index.ts';
import { decodeText } from '../pipeline/index.ts';
import { InputError } from '../pipeline/index.ts';
import type { WorldActorsJson } from '../pipeline/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @example const world = await readWorldActors(); */
export async function readWorldActors(): Promise<WorldActorsJson> {
  const read = async (file: string) => JSON.parse(await readFile(join(ROOT, 'data/world', file), 'utf8'));
  const [countries, groups] = await Promise.all([read('countries.json'), read('armed-groups.json')]);
  return { countries, groups };
}

/**
 * Reads a story's actor registry file, refusing what is not one with a message naming the file.
 * @example const actors = await readActorFile('ukraine.json');
 */
export async function readActorFile(path: string): Promise<ActorRegistryJson> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw new InputError('missing-file', `${path}: actor file not found`);
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes, path));
  } catch (error) {
    throw new InputError('bad-actor', `${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!json || typeof json !== 'object' || !Array.isArray((json as ActorRegistryJson).actors)) {
    throw new InputError('bad-actor', `${path}: an actor file needs { "actors": [...] } (see docs/actors.md)`);
  }
  return json as ActorRegistryJson;
}
