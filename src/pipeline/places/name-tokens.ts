/**
 * The words of a text as a place-name finder sees them: letters with inner hyphens, apostrophes
 * and dots ("Deir ez-Zor", "St. Petersburg"), without a possessive ("Bakhmut's" → "Bakhmut"),
 * each marked when it is capitalised or starts with an Arabic article ("al-Raqqa"); the words
 * before a name that make it a place ("in", "the town of"); and which names are a person's rather
 * than a place's ("Ms. Odell", "Kelly said", "Taylor Swift").
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
    // (most words end in a letter other than s: nothing to strip, no pattern to run)
    const last = word.charCodeAt(word.length - 1);
    if (last === 115 || !isAsciiLetter(last)) word = word.replace(/['’]s$/u, '').replace(/[.\p{Pd}'’]+$/u, '');
    if (!word) continue;
    const start = m.index!;
    const first = word.charCodeAt(0);
    const cap = first >= 65 && first <= 90 ? true : isAsciiLetter(first) && first !== 97 && first !== 101 && first !== 117 ? false : /^\p{Lu}/u.test(word) || ARTICLE_PREFIX.test(word);
    tokens.push({ start, end: start + word.length, text: word, cap });
  }
  return tokens;
}

/** A-Z or a-z. */
function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** Only spaces between two tokens (no comma, full stop or line break). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return /^ +$/.test(text.slice(a.end, b.start));
}

/** First word of a sentence or line: nothing but punctuation that ends one before it. */
export function atSentenceStart(text: string, start: number): boolean {
  const from = Math.max(0, start - 40);
  const end = lastRunEnd(text, from, start, true);
  return end === from || /[.!?:;"“•\n]/.test(text.slice(end, start));
}

/** Words after which a name is often a place ("in", "near", "captured"). */
const PLACE_PREPOSITIONS = new Set([
  'in', 'near', 'outside', 'from', 'into', 'towards', 'toward', 'around', 'across', 'through', 'via', 'at',
  'to', 'between', 'inside', 'beyond', 'nearby', 'reach', 'reached', 'entered', 'captured', 'seized', 'took',
  'retook', 'retake', 'retakes', 'retaken', 'recaptured', 'recapture', 'shelled', 'bombed', 'attacked', 'struck',
  'liberated', 'besieged', 'surrounded', 'encircled', 'overran', 'overrun', 'abandoned', 'fled', 'held', 'holds',
]);
/** Prepositions after which a name is a place even when the text also uses it for a person ("in Kelly"). */
const STRONG_PREPOSITIONS = new Set(['in', 'near', 'outside', 'into', 'inside', 'towards', 'toward', 'around', 'across', 'through', 'beyond', 'via']);
/** Nouns of settlements and areas that make "<noun> X" a place ("the city Aleppo"). */
const SETTLEMENT_NOUNS = new Set(['city', 'town', 'village', 'province', 'region', 'governorate', 'oblast', 'district', 'capital', 'port', 'hometown']);
/** Nouns that make "<noun> of X" or "<noun> X" a place ("the town of Soledar", "city Aleppo"). */
export const PLACE_NOUNS = new Set([
  'city', 'cities', 'town', 'towns', 'village', 'villages', 'province', 'provinces', 'region', 'governorate',
  'oblast', 'outskirts', 'suburbs', 'capital', 'district', 'area', 'port', 'north', 'south', 'east', 'west',
  'northeast', 'northwest', 'southeast', 'southwest', 'centre', 'center', 'control', 'fall', 'siege', 'battle',
  'countryside', 'streets', 'mayor', 'governor', 'residents', 'people', 'outskirt', 'hometown',
]);

/**
 * Whether the word before `start` introduces a place: `strong` after "in", "near", "the town of",
 * "city" (a place even when the text also uses the name for a person: "in Kelly"), `weak` after
 * "to", "from", "captured", "residents"..., `undefined` otherwise.
 *
 * @example placeCueBefore('fighting in Bakhmut', 12) // 'strong'
 */
export function placeCueBefore(text: string, start: number): 'strong' | 'weak' | undefined {
  const prev = previousWord(text, start);
  if (!/^ +$/.test(prev.gap)) return undefined;
  const word = prev.word.toLowerCase();
  if (STRONG_PREPOSITIONS.has(word) || SETTLEMENT_NOUNS.has(word)) return 'strong';
  if (word === 'of' && PLACE_NOUNS.has(previousWord(text, start - prev.gap.length - prev.word.length).word.toLowerCase())) return 'strong';
  return PLACE_PREPOSITIONS.has(word) || PLACE_NOUNS.has(word) ? 'weak' : undefined;
}

/** The word before `start` and what stands between it and `start`. */
export function previousWord(text: string, start: number): { word: string; gap: string } {
  return wordBefore(text, start, 40);
}

/** The last word within `width` characters before `start` (cut at the window's edge), and what follows it. */
function wordBefore(text: string, start: number, width: number): { word: string; gap: string } {
  const from = Math.max(0, start - width);
  // a backward scan, not a pattern anchored at the end, which is tried at each of the 40 places
  const end = lastRunEnd(text, from, start, false);
  if (end === from) return { word: '', gap: text.slice(from, start) };
  let wordStart = end;
  while (wordStart > from && isLetterBefore(text, wordStart, from, false)) wordStart = codePointStart(text, wordStart, from);
  return { word: text.slice(wordStart, end), gap: text.slice(end, start) };
}

const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Where the code point that ends at `end` starts, without reaching below `from` (a pair cut there is a lone half). */
function codePointStart(text: string, end: number, from: number): number {
  const c = text.charCodeAt(end - 1);
  if (c >= 0xdc00 && c <= 0xdfff && end - 2 >= from) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return end - 2;
  }
  return end - 1;
}

/** Whether the code point that ends at `end` is a letter (or, with `digits`, a letter or a digit). */
function isLetterBefore(text: string, end: number, from: number, digits: boolean): boolean {
  const c = text.charCodeAt(end - 1);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || (digits && c >= 48 && c <= 57);
  return (digits ? LETTER_OR_DIGIT : LETTER).test(text.slice(codePointStart(text, end, from), end));
}

/** The end of the last letter (or letter-or-digit) in `text` between `from` and `to`; `from` when there is none. */
function lastRunEnd(text: string, from: number, to: number, digits: boolean): number {
  let end = to;
  while (end > from && !isLetterBefore(text, end, from, digits)) end = codePointStart(text, end, from);
  return end;
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

/** The word lists of `data/gazetteer/name-rules.json` that mark a person's name, in lower case. */
export interface PersonWords {
  /** Titles before a name: "Ms.", "Gen.", "President". */
  titles: Set<string>;
  /** Common given names: "Taylor", "Kelly". */
  givenNames: Set<string>;
  /** Nouns for people, as a role or a relative: "spokesman", "economist", "wife". */
  nouns: Set<string>;
  /** Verbs a person is the subject of, right after the name: "said", "told", "tweeted". */
  verbs: Set<string>;
  /** Words of institutions' names, which say things too: "Department", "Police", "Club". */
  institutions: Set<string>;
  /** Words that end a place's name: "Harbor", "Heights", "Square". */
  placeFeatures: Set<string>;
}

/** What the person filter asks of the place finder about the text and the gazetteer. */
export interface PlaceEvidence {
  /**
   * How well-known a place the name is: `major` for a country, a continent, a capital or a city of a
   * million (news says "Moscow said" of them), `notable` for a region, a first-level seat or a town
   * of 100,000, `minor` for any other place, `undefined` for none.
   */
  rank(name: string): 'major' | 'notable' | 'minor' | undefined;
  /**
   * Whether tokens `first` to `n`, for some `n` up to `last`, name a place of 1,000 people or more, or
   * of any size with `anySize` ("Sierra Leone", "Abu Dhabi", "Pearl Harbor").
   */
  namesPlace(first: number, last: number, options?: { anySize?: boolean }): boolean;
  /** The word before token `i` introduces a place: `strong` ("in", "near", "the town of") or `weak` ("to", "from", "at"). */
  cue(i: number): 'strong' | 'weak' | undefined;
  /** Token `i` is followed by a region word ("Marion County"). */
  regionWordAfter(i: number): boolean;
  /** Token `i` is followed by a noun that a place has ("Nelson residents", "Tyler police"). */
  placeNounAfter(i: number): boolean;
  /** Lower-case words the text also writes in lower case ("will", "hope"). */
  commonWords: Set<string>;
}

/** Lower-case particles inside a person's name: "Joris van Gennip", "Marigny de Mandeville". */
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'della', 'der', 'den', 'du', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'dos', 'das']);

/** A capitalised run: tokens joined by spaces, by ". " after an initial or a title, or by a particle. */
interface Run {
  first: number;
  last: number;
}

/**
 * The tokens that belong to a person's name, not a place's. A capitalised run is a person's when
 * - a title leads it: "President Barack Obama", "Ms. Odell", "Master Sgt. Johnathan J. Dunbar";
 * - it starts with a common given name and goes on: "Taylor Swift", "Jon R. Taylor";
 * - the text says so around it: "Barkley said", "Kelly's wife", "Conway, 68,", "Noel, a spokesman",
 *   "economist Paul Brewbaker", "said Nash Riad" — unless it is a country, a region, a capital or a
 *   city of a million, which news makes the subject of "said" ("Moscow said");
 * - a word of it is a person's elsewhere in the text: "Kelly" and "Kelly's" after "John Kelly",
 *   "Arike Ogunbowale" after "Ogunbowale said";
 * - it is a lone given name with no place cue that names no well-known place: "Barry worked".
 * A place cue still lets the name be a place: "in Kelly", "the town of Kelly".
 *
 * @param personal - words of persons' names, lower case: those of other texts of the same story
 *   ("John Kerry" in one entry makes "Kerry says" in another a person); this text's are added to it.
 * @example personTokens(tokenize('Kelly said so.'), 'Kelly said so.', words, evidence) // Set {0}
 */
export function personTokens(tokens: Token[], text: string, words: PersonWords, evidence: PlaceEvidence, personal = new Set<string>()): Set<number> {
  const people = new Set<number>();
  const runs = capitalisedRuns(tokens, text, words.titles, evidence.commonWords);
  // a run found by its own evidence lends its words to the rest of the text; one found through
  // those words does not, so "Riverdale Luke Oil" cannot make every "Riverdale" a person
  const mark = (from: number, to: number, lends: boolean) => {
    for (let k = from; k <= to; k++) {
      if (!tokens[k]!.cap) continue;
      people.add(k);
      const word = tokens[k]!.text.toLowerCase();
      if (!lends || word.length < 3 || words.titles.has(word) || evidence.commonWords.has(word)) continue;
      if (evidence.rank(tokens[k]!.text) !== 'major') personal.add(word);
    }
  };
  const lone: Run[] = [];
  for (const run of runs) {
    const from = personStart(run, tokens, text, words, evidence);
    if (from !== undefined) mark(from, run.last, true);
    else if (run.first === run.last) lone.push(run);
  }
  // a word of a person's name is that person's wherever else it stands ("Kelly's shifting version"),
  // and so is the rest of its run ("Arike Ogunbowale" after "Ogunbowale said")
  for (const run of runs) {
    if (people.has(run.last) || evidence.cue(run.first) === 'strong' || evidence.regionWordAfter(run.last)) continue;
    if (beforeItsRegion(text, tokens[run.last]!, evidence)) continue;
    let known = false;
    let institution = false;
    for (let k = run.first; k <= run.last; k++) {
      const word = tokens[k]!.text.toLowerCase();
      known ||= tokens[k]!.cap && personal.has(word);
      institution ||= words.institutions.has(word) || words.placeFeatures.has(word);
    }
    if (known && !institution && !wellKnownPlaceIn(run, tokens, text, evidence, ['major'])) mark(run.first, run.last, false);
  }
  for (const run of lone) {
    const t = tokens[run.first]!;
    const word = t.text.toLowerCase();
    if (people.has(run.first) || !words.givenNames.has(word) || evidence.cue(run.first)) continue;
    if (evidence.regionWordAfter(run.first) || evidence.placeNounAfter(run.first)) continue;
    if ((atSentenceStart(text, t.start) && evidence.commonWords.has(word)) || beforeItsRegion(text, t, evidence)) continue;
    const rank = evidence.rank(t.text);
    if (rank === 'major' || rank === 'notable') continue;
    people.add(run.first);
  }
  return people;
}

/** "Tyler, Texas", "Kelly, Wyoming": a town named before its state or country. */
function beforeItsRegion(text: string, last: Token, evidence: PlaceEvidence): boolean {
  const [, first, second] = /^,\s*(\p{Lu}\p{L}*)(?: (\p{Lu}\p{L}*))?/u.exec(text.slice(last.end, last.end + 40)) ?? [];
  if (!first) return false;
  const known = (name: string) => ['major', 'notable'].includes(evidence.rank(name) ?? '');
  return known(first) || (!!second && known(`${first} ${second}`));
}

/** Where the person's name starts in a run, or `undefined` when the run is no person's by itself. */
function personStart(run: Run, tokens: Token[], text: string, words: PersonWords, evidence: PlaceEvidence): number | undefined {
  // a title: everything after it is the name, unless the title starts a place name (Abu Dhabi, Saint Petersburg)
  for (let k = run.first; k < run.last; k++) {
    const word = tokens[k]!.text.toLowerCase();
    // a capitalised role or relative leads a name too ("Actress Roseanne Barr"), but not a country ("Mother Russia")
    const noun = words.nouns.has(word) && evidence.rank(tokens[k + 1]!.text) !== 'major';
    if ((words.titles.has(word) || noun) && !evidence.namesPlace(k, Math.min(k + 2, run.last))) return k + 1;
  }
  // a given name with more of the name after it, unless the words together are a place (Carson City)
  for (let k = run.first; k < run.last; k++) {
    const t = tokens[k]!;
    const word = t.text.toLowerCase();
    // "Antonio" of "SAN ANTONIO" is no given name: a dateline in capitals
    if (!/^\p{Lu}\p{Ll}/u.test(t.text) || !words.givenNames.has(word)) continue;
    if (k === run.first && atSentenceStart(text, t.start) && evidence.commonWords.has(word)) break;
    const next = tokens[k + 1]!.cap ? tokens[k + 1]! : tokens[k + 2]!; // "Roger van Boxtel"
    // "Morris County", "Pearl Harbor", "Carson City" are places
    if (evidence.regionWordAfter(k) || words.placeFeatures.has(next.text.toLowerCase())) break;
    if (evidence.namesPlace(k, Math.min(k + 2, run.last), { anySize: true })) break;
    return k;
  }
  // the text's cues, but not after a place cue ("from Dewsbury said") nor for a well-known place, which
  // news makes the subject of "said" ("Moscow said", "Liverpool said", "Maryland State Police say");
  // an institution says things too ("Beverly Hills Police Department said")
  if (evidence.cue(run.first) || evidence.regionWordAfter(run.last) || wellKnownPlaceIn(run, tokens, text, evidence, ['major', 'notable'])) return undefined;
  for (let k = run.first; k <= run.last; k++) if (words.institutions.has(tokens[k]!.text.toLowerCase())) return undefined;
  return saysPerson(text, tokens[run.first]!.start, tokens[run.last]!.end, words) ? run.first : undefined;
}

/** Some words of the run name a place of one of these ranks: "New York Police Department", "Air Canada Cargo". */
function wellKnownPlaceIn(run: Run, tokens: Token[], text: string, evidence: PlaceEvidence, ranks: string[]): boolean {
  for (let a = run.first; a <= run.last; a++) {
    for (let b = a; b <= run.last; b++) {
      const rank = evidence.rank(text.slice(tokens[a]!.start, tokens[b]!.end));
      if (rank && ranks.includes(rank)) return true;
    }
  }
  return false;
}

/** Number words that follow a name as an age ("Conway, 68,", "Floyd, 47 and", "Tonroe (29)"). */
const AGE = /^\s*(?:,\s*\d{1,3}\s*(?:[,;)]|and\b|who\b|of\b|from\b|was\b|is\b)|\(\d{1,3}\))/u;

/** The text around a name says it is a person's: a verb, an age, an apposition, a possessive relative or a role before it. */
function saysPerson(text: string, start: number, end: number, words: PersonWords): boolean {
  const after = text.slice(end, end + 80);
  // the word right before the name, spaces only between them
  const previous = wordBefore(text, start, 30);
  const before = previous.word && /^ +$/.test(previous.gap) ? previous.word : '';
  if (words.nouns.has(before)) return true;
  // "Rozen's wife, Julia, has…"
  const role = /(\p{Ll}+),\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  if (role && words.nouns.has(role) && /^\s*,/u.test(after)) return true;
  // "…," said Nash Riad, one of the cashiers' (not "said Suffolk City chief of detectives Gerard Gigante")
  if ((before === 'said' || before === 'says') && /^\s*(?:[,.;:!?)]|$)/u.test(after)) return true;
  if (AGE.test(after)) return true;
  const verb = /^,?\s+(?:(?:also|then|later|has|had|have|previously|once|\p{Ll}+ly)\s+)?(\p{Ll}+)/u.exec(after)?.[1];
  if (verb && words.verbs.has(verb)) return true;
  if (/^\s*,\s*who\b/u.test(after)) return true;
  // "Conway, a former spokesman for…", "Boken's former wife"
  // Not "including Maaret al-Numan, a Syrian Army spokesman said": a person noun followed by a
  // person's verb starts the attribution of the sentence, not an apposition to the name.
  const apposition = /^\s*,\s+(?:a|an|the|his|her|their)\s+((?:[\p{L}-]+\s+){0,4}[\p{L}-]+)/u.exec(after)?.[1]?.split(/\s+/);
  if (apposition?.some((w, k) => words.nouns.has(w) && !words.verbs.has(apposition[k + 1] ?? ''))) return true;
  const possessive = /^['’]s?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(after)?.[1];
  return !!possessive && possessive.split(/\s+/).some((w) => words.nouns.has(w));
}

/**
 * Maximal capitalised runs: "Jon R. Taylor", "Ms. Odell", "Joris van Gennip", "Kim Kardashian West".
 * An ordinary word that opens a sentence stands apart ("Though | Kelly had agitated").
 */
function capitalisedRuns(tokens: Token[], text: string, titles: Set<string>, commonWords: Set<string>): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.cap) continue;
    let last = i;
    if (commonWords.has(tokens[i]!.text.toLowerCase()) && atSentenceStart(text, tokens[i]!.start)) {
      runs.push({ first: i, last });
      continue;
    }
    for (;;) {
      const t = tokens[last]!;
      const next = tokens[last + 1];
      if (!next) break;
      const gap = text.slice(t.end, next.start);
      // an initial or an abbreviated title goes on past its full stop: "Jon R. Taylor", "Ms. Odell", "Gen. Mark Milley"
      const abbreviation = /^\p{Lu}$/u.test(t.text) || (t.text.length <= 4 && titles.has(t.text.toLowerCase()));
      if (next.cap && (/^ +$/.test(gap) || (abbreviation && /^\. +$/.test(gap)))) last++;
      else if (!next.cap && NAME_PARTICLES.has(next.text) && /^ +$/.test(gap) && tokens[last + 2]?.cap && adjacent(text, next, tokens[last + 2]!)) last += 2;
      else break;
    }
    runs.push({ first: i, last });
    i = last;
  }
  return runs;
}
