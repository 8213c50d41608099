/**
 * The words of a text as a place-name finder sees them: letters with inner hyphens, apostrophes
 * and dots ("Deir ez-Zor", "St. Petersburg"), without a possessive ("Bakhmut's" → "Bakhmut"),
 * each marked when it is capitalised or starts with an Arabic article ("al-Raqqa"), and the
 * capitalised words that look like an Arabic article but are English ("As Kelly's profile faded").
 */

export interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{Pd}'’ʿʾ.]*[\p{L}\p{M}]|[\p{L}\p{M}]/gu;
const ARTICLE_PREFIX = /^(al|el|ad|ar|as|an|at|az|ash|ez|es|ed|ul)[\p{Pd}’']\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // possessive and trailing punctuation are not part of the name: "Bakhmut's" → "Bakhmut"
    word = word.replace(/['’]s$/u, '').replace(/[.\p{Pd}'’]+$/u, '');
    if (!word) continue;
    const start = m.index!;
    tokens.push({ start, end: start + word.length, text: word, cap: /^\p{Lu}/u.test(word) || ARTICLE_PREFIX.test(word) });
  }
  return tokens;
}

/** Only spaces between two tokens (no comma, full stop or line break). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return /^ +$/.test(text.slice(a.end, b.start));
}

/** First word of a sentence or line: nothing but punctuation that ends one before it. */
export function atSentenceStart(text: string, start: number): boolean {
  const before = /(\p{L}|\p{N})?([^\p{L}\p{N}]*)$/u.exec(text.slice(Math.max(0, start - 40), start))!;
  return !before[1] || /[.!?:;"“•\n]/.test(before[2]!);
}

/**
 * Arabic articles written as a word of their own ("As Suwayda", "Ar Raqqah", "Al Qaim"), with the
 * letters an assimilated one comes before ('' for al/el, which come before any letter).
 */
const ARTICLE_WORDS = new Map([
  ['al', ''], ['el', ''], ['as', 's'], ['an', 'n'], ['at', 't'], ['ad', 'd'], ['ar', 'r'], ['az', 'z'], ['ash', 'sh'],
  ['adh', 'dh'], ['ath', 'th'], ['es', 's'], ['ez', 'z'], ['ed', 'd'], ['ur', 'r'], ['us', 's'],
]);
/** Article spellings that are also English words, which a sentence may start with ("As", "An", "At", "Us"). */
const ENGLISH_ARTICLE_WORDS = new Set(['as', 'an', 'at', 'us']);

/**
 * A capitalised word that looks like an Arabic article written apart but cannot be one, so no
 * place name starts with it: an English "As", "An", "At" at a sentence start ("As Kelly's profile
 * faded"), or an assimilated article before a word it does not assimilate to ("As Kelly": Arabic
 * "as-" only stands before an s, as in "As Suwayda").
 *
 * @example strayArticle(tokenize('As Kelly left.'), 0, 'As Kelly left.') // true
 */
export function strayArticle(tokens: Token[], i: number, text: string): boolean {
  const word = tokens[i]!.text.toLowerCase();
  const next = tokens[i + 1];
  const letters = ARTICLE_WORDS.get(word);
  // "US", "AT" are abbreviations, not articles
  if (letters === undefined || !/^\p{Lu}\p{Ll}+$/u.test(tokens[i]!.text) || !next?.cap || !adjacent(text, tokens[i]!, next)) return false;
  if (ENGLISH_ARTICLE_WORDS.has(word) && atSentenceStart(text, tokens[i]!.start)) return true;
  return !next.text.toLowerCase().startsWith(letters);
}
