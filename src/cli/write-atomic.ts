/**
 * Writes a file so that readers see the old content or the whole new one, never half:
 * the text goes to a temporary file beside it, which is then renamed over the target.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** @example await writeAtomic('public/stories/x.json', JSON.stringify(story)) */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
