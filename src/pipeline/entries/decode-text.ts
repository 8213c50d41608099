/**
 * Turns the bytes of an input file into text, or says plainly why it cannot:
 * empty, binary, or not valid UTF-8 / UTF-16. Runs the same in Node and the browser.
 */
import { InputError } from '../errors.ts';

/** A live blog is kilobytes; past this a file is refused with a message rather than ground through. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/**
 * Decodes UTF-8 (with or without BOM) or UTF-16 with a BOM; throws `InputError` naming `name`.
 * @example decodeText(new TextEncoder().encode('17:55 Coverage ends.'), 'blog.txt')
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputError('too-large', `${name}: is ${(bytes.length / 1048576).toFixed(1)} MB; one live blog may be at most ${MAX_TEXT_BYTES / 1048576} MB`);
  }
  let text: string;
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  try {
    if (bom16) text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    else {
      if (bytes.subarray(0, 8192).includes(0)) {
        throw new InputError('binary', `${name}: looks like binary data, not text (it contains NUL bytes)`);
      }
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('encoding', `${name}: not valid ${bom16 ? 'UTF-16' : 'UTF-8'} text; save it as UTF-8 and try again`);
  }
  return checkText(text.replace(/^\uFEFF/, ''), name);
}

/** Rejects empty or whitespace-only text and text with control characters a page never has. */
export function checkText(text: string, name: string): string {
  if (text.length > MAX_TEXT_BYTES) {
    throw new InputError('too-large', `${name}: is ${(text.length / 1048576).toFixed(1)} MB of text; one live blog may be at most ${MAX_TEXT_BYTES / 1048576} MB`);
  }
  if (text.trim() === '') throw new InputError('empty', `${name}: is empty (no text to read)`);
  const sample = text.slice(0, 8192);
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (control > 8 || control > sample.length / 100) {
    throw new InputError('binary', `${name}: looks like binary data, not text`);
  }
  return text;
}
