/** Spelling keys and rounding shared by the gazetteer build's row makers. */
import { normalizeName, skeletonKey } from './normalize.ts';

/**
 * Distinct spelling keys of `names`. Past the first `always` names, a key is kept only when its
 * transliteration skeleton is new (or too short to be looked up loosely): the loose lookup finds
 * the others anyway. Used for small places only, where it saves a tenth of the file.
 *
 * @example keysOf(['Kyiv', 'Kiev']) // 'kyiv|kiev'
 */
export function keysOf(names: string[], always = names.length): string {
  const keys = new Set<string>();
  const skeletons = new Set<string>();
  names.forEach((n, i) => {
    const key = normalizeName(n);
    if (!key || keys.has(key)) return;
    const skeleton = skeletonKey(key);
    if (i >= always && skeleton.length >= 5 && skeletons.has(skeleton)) return;
    keys.add(key);
    skeletons.add(skeleton);
  });
  return [...keys].join('|');
}

/** Coordinates to 4 decimals (~11 m), as the index stores them. */
export function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
