/**
 * Node side of the actor registry: the project's `data/actors/actors.json`, plus a story's own.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActorRegistry, type ActorRegistryJson, loadActorRegistry } from '../pipeline/actors.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @example const registry = await readActorRegistry(storyActors); */
export async function readActorRegistry(extra?: ActorRegistryJson): Promise<ActorRegistry> {
  const base = JSON.parse(await readFile(join(ROOT, 'data/actors/actors.json'), 'utf8')) as ActorRegistryJson;
  return loadActorRegistry(base, extra);
}
