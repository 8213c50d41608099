/**
 * Place-name normalisation shared by the index builder and the lookup.
 *
 * Two levels of keys:
 * - {@link normalizeName}: a spelling key that forgives case, diacritics, apostrophes
 *   (incl. ʿ ʾ), hyphens, Arabic articles (al-, ar-, as-, el-…), doubled vowels
 *   and a word-final -h after a vowel: `Hamah`, `Hama` and `Al-Hamaah` share `hama`.
 * - {@link skeletonKey}: a looser transliteration skeleton on top of it, where every vowel run
 *   counts the same, doubled consonants collapse and q≈k: `Irbil`/`Erbil`, `Dohuk`/`Duhok`/`Dihok`,
 *   `Kerbala`/`Karbala`, `Mariupol`/`Mariupil`, `Kyiv`/`Kiev`,
 *   `Deir Izzor`/`Deir ez-Zor` meet there. It is used only when the spelling key finds nothing.
 */

/** Bump when the keys change: a built index records it and is rebuilt on mismatch. */
export const NORMALIZER_VERSION = 2;

/** Arabic definite-article spellings dropped when they stand as their own word (`al-Raqqa`). */
const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ad', 'an', 'at', 'az', 'ash', 'adh', 'ath', 'ez', 'es', 'ed', 'ul', 'ur', 'us']);

/** Letters an Arabic article assimilates to ("sun letters"), as they are transliterated. */
const SUN_LETTERS = 'tdrzsnl';

/**
 * Lower-cases, strips diacritics and apostrophes, and turns every other non-letter into a space.
 *
 * @example simplifyName('Sāmarrā’') // 'samarra'
 */
export function simplifyName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ʿʾʻʼ'’‘`´]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The spelling key of a place name; `''` for names without Latin letters.
 *
 * @example normalizeName('As-Saadiyah') // 'sadiya'
 */
export function normalizeName(name: string): string {
  let key = normalizedCache.get(name);
  if (key === undefined) {
    key = computeNormalizedName(name);
    if (normalizedCache.size >= CACHE_LIMIT) normalizedCache.clear();
    normalizedCache.set(name, key);
  }
  return key;
}

// Texts repeat the same few names and words many times over: both keys are memoised.
const CACHE_LIMIT = 50_000;
const normalizedCache = new Map<string, string>();
const skeletonCache = new Map<string, string>();

function computeNormalizedName(name: string): string {
  const tokens = simplifyName(name).split(' ').filter(Boolean);
  const kept = tokens.length > 1 ? tokens.filter((t, i) => i === tokens.length - 1 || !ARTICLES.has(t)) : tokens;
  return kept.map(normalizeToken).join(' ');
}

function normalizeToken(token: string): string {
  return token.replace(/([aeiou])\1+/g, '$1').replace(/([aeiou])h$/, '$1');
}

/**
 * The transliteration skeleton of a spelling key (the output of {@link normalizeName}).
 *
 * @example skeletonKey(normalizeName('Dohuk')) === skeletonKey(normalizeName('Dihok')) // true
 */
export function skeletonKey(key: string): string {
  let skeleton = skeletonCache.get(key);
  if (skeleton === undefined) {
    skeleton = computeSkeletonKey(key);
    if (skeletonCache.size >= CACHE_LIMIT) skeletonCache.clear();
    skeletonCache.set(key, skeleton);
  }
  return skeleton;
}

function computeSkeletonKey(key: string): string {
  return key
    .split(' ')
    .map((token, i) => skeletonToken(i > 0 ? dropAssimilatedArticle(token) : token))
    .join(' ');
}

/** `izzor` → `zor`, `azzor` → `zor`: an article written into the word before a sun letter. */
function dropAssimilatedArticle(token: string): string {
  const m = /^[aeiu]([a-z])\1/.exec(token);
  return m && SUN_LETTERS.includes(m[1]!) && token.length >= 5 ? token.slice(2) : token;
}

function skeletonToken(token: string): string {
  let t = token
    .replace(/q/g, 'k')
    .replace(/(zh|sh|kh|gh|ch|th|dh)\1/g, '$1')
    .replace(/([b-df-hj-np-tv-z])\1/g, '$1')
    // a w or y after a vowel and before a consonant (or the end) is part of the vowel: Hawla, Dayr
    .replace(/([aeiou])[wy](?=[^aeiouy]|$)/g, '$1u');
  // y between consonants, or after a consonant, is a vowel (Kyiv, Zaporizhzhya) but not word-initially
  t = t.replace(/(?<=.)y/g, 'i');
  return t.replace(/[aeiou]+/g, (run, offset: number) =>
    offset + run.length === t.length && /i[ey]?$/.test(run) ? 'i' : 'a',
  );
}

/**
 * A readable, URL-safe slug.
 *
 * @example slugify('Deir ez-Zor') // 'deir-ez-zor'
 */
export function slugify(name: string): string {
  return simplifyName(name).replace(/ /g, '-') || 'place';
}
