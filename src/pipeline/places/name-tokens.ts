/**
 * The words of a text as a place-name finder sees them: letters with inner hyphens, apostrophes
 * and dots ("Deir ez-Zor", "St. Petersburg"), without a possessive ("Bakhmut's" → "Bakhmut"),
 * each marked when it is capitalised or starts with an Arabic article ("al-Raqqa").
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
