/**
 * Sentences of an entry's text, with offsets, and the spans of text inside quotation marks:
 * the events step reads sentences one by one and ignores what someone is quoted as saying.
 */

/** A sentence of a text; `text === source.slice(start, end)`. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'st', 'prof', 'sen', 'rep', 'gov', 'brig',
  'jr', 'sr', 'vs', 'etc', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

function isAbbreviation(text: string, dot: number): boolean {
  const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // U.S. / U.N. / e.g. / i.e.: single letters separated by dots.
  return /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word) || /^[A-Z]$/.test(word);
}

/**
 * A full stop with no space after it that still ends a sentence: pages that lose the space
 * between paragraphs glue them ("… the newspaper writes.At the same time …"). Only after a
 * lower-case word of two letters or more and before a capitalised word, or before an opening
 * curly quote, so "U.S.", "3.5", "News.Az" and "e.g.The" stay whole.
 */
function isGluedBoundary(text: string, dot: number, next: number): boolean {
  if (text[dot] !== '.') return false;
  // An opening curly quote is never part of a word: "… the river.“Thus …" ends a sentence.
  const opensQuote = /^[“‘]\p{Lu}/u.test(text.slice(next, next + 2));
  if (!opensQuote && !/^\p{Lu}\p{Ll}/u.test(text.slice(next, next + 2))) return false;
  const before = text.slice(Math.max(0, dot - 40), dot);
  const word = /\p{L}+$/u.exec(before)?.[0] ?? '';
  // A word inside an address ("bbc.co.uk/news.Then", "@agency.Reports") is not a sentence's end.
  const prev = before[before.length - word.length - 1] ?? '';
  if (word.length < 2 || ABBREVIATIONS.has(word.toLowerCase()) || /[.@/\\:_-]/.test(prev)) return false;
  return opensQuote || /^\p{Ll}+$/u.test(word);
}

/**
 * Splits a text into sentences at `.`, `!`, `?` followed by space and a capital, digit or quote,
 * at line breaks and at bullets; keeps abbreviations (`Mr.`, `U.S.`) and decimals whole.
 * @example splitSentences('Isis took Mosul. Mr. Obama spoke.').map((s) => s.text) // ['Isis took Mosul.', 'Mr. Obama spoke.']
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /[\s•·*–-]/.test(text[s]) && !(text[s] === '-' && /\w/.test(text[s + 1] ?? ''))) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '•') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Closing quotes and brackets stay with their sentence.
    let j = i + 1;
    while (j < text.length && /["”’')\]]/.test(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) {
      if (!isGluedBoundary(text, i, j)) continue;
      push(j);
      start = j;
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < text.length && / |\t/.test(text[k])) k++;
    const next = text[k];
    if (next !== undefined && next !== '\n' && !/[A-Z0-9"“‘'(\u0600-\u06FF]/.test(next)) continue;
    if (c === '.' && isAbbreviation(text, i) && next !== undefined && next !== '\n') continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return out;
}

/**
 * Spans of a text inside quotation marks (`“…”`, `"…"`), as [start, end) pairs. A closing mark
 * with no opening one quotes from the start of its paragraph (pages often drop the opener of a
 * quote that runs over several paragraphs); an opening mark with no closing one quotes to the end
 * of its paragraph.
 * @example quoteSpans('He said: "We took it." Then left.') // [[9, 22]]
 */
export function quoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  let paragraphStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (open >= 0) spans.push([open, i]);
      open = -1;
      paragraphStart = i + 1;
      continue;
    }
    if (c !== '"' && c !== '“' && c !== '”') continue;
    const prev = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    const opener = c === '“' || (c === '"' && /[\s([\u2014:-]/.test(prev) && !/\s/.test(next)) || (c === '"' && i === paragraphStart);
    if (opener && open < 0) {
      open = i;
    } else if (open >= 0) {
      spans.push([open, i + 1]);
      open = -1;
    } else {
      spans.push([paragraphStart, i + 1]);
    }
  }
  if (open >= 0) spans.push([open, text.length]);
  return spans;
}

/** One flag per character of `text`: 1 inside the given quote spans. */
export function quoteMask(text: string, spans: [number, number][]): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const [start, end] of spans) mask.fill(1, start, end);
  return mask;
}

/**
 * Share (0–1) of a range's non-space characters that are quoted, by the mask of `quoteMask`.
 * @example quotedShare(text, 0, text.length, quoteMask(text, quoteSpans(text)))
 */
export function quotedShare(text: string, start: number, end: number, mask: Uint8Array): number {
  // most sentences have no quote at all: nothing to count
  const firstQuoted = mask.indexOf(1, start);
  if (firstQuoted < 0 || firstQuoted >= end) return 0;
  let total = 0;
  let quoted = 0;
  for (let i = start; i < end; i++) {
    if (isSpace(text.charCodeAt(i))) continue;
    total++;
    quoted += mask[i];
  }
  return total === 0 ? 0 : quoted / total;
}

/** What `/\s/` matches, by character code (a pattern per character was most of `quotedShare`). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
