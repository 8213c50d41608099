/**
 * Finds place-name candidates in a text: capitalised n-grams looked up in the gazetteer, longest
 * match first, with their exact character spans and the context the geocoder weighs
 * (prepositions, "the", region words, distance cues such as "125 km northeast of Baghdad").
 * Names of organisations and people are left out (`Washington Post`, `President Obama`, `Kelly said`).
 */
import type { Gazetteer, GazetteerPlace, NameRules } from '../../gazetteer/types.ts';
import { simplifyName } from '../../gazetteer/normalize.ts';
import { type DistanceCue, readDistanceCue, startsWithCapital } from './distance-cues.ts';
import { isCalendarWord } from '../calendar-words.ts';
import {
  adjacent,
  personTokens,
  type PersonWords,
  PLACE_NOUNS,
  placeCueBefore,
  type PlaceEvidence,
  previousWord,
  strayArticle,
  tokenize,
  type Token,
} from './name-tokens.ts';

/** A stretch of text that may name a place, with the gazetteer places it could be. */
export interface FoundMention {
  start: number;
  end: number;
  text: string;
  /** Candidate places; empty for an unknown name located only by a distance cue. */
  places: GazetteerPlace[];
  /** The candidates come from the loose (skeleton) lookup. */
  loose: boolean;
  /** Preceded by a word that introduces a place ("in", "near", "town of", "captured"…). */
  placeCue: boolean;
  /** Followed by a region word ("province", "oblast"…). */
  regionWord: boolean;
  /** Preceded by a lowercase "the" (towns are rarely "the X"). */
  afterThe: boolean;
  /** First word of a sentence or line. */
  sentenceStart: boolean;
  /** Inside a longer capitalised name (a capitalised non-place word right before it). */
  insideName: boolean;
  /** Followed by a capitalised word that is not a place: the start of a name ("Hassan Rouhani"). */
  nameRun: boolean;
  /** A single word the story also uses in lower case ("Human" rights, "She"): probably not a name. */
  commonWord: boolean;
  /** A one-word name that is an English word (`wordNames`: "More", "University"), capitalised or not. */
  wordName?: boolean;
  /** Index of the mention this one is listed with ("Aleppo, Raqqa and Deir Izzor"). */
  listedWith?: number;
  /** Listed right after a comma, as a region or country follows a town ("Kenosha, Wyoming"). */
  afterComma?: boolean;
  /** Index of the mention that contains this one ("Kenosha, Wyoming" → Wyoming). */
  within?: number;
  distance?: DistanceCue;
}

/** Lowercase words allowed inside a multi-word name ("Deir ez-Zor", "Rif Dimashq", "Bosnia and Herzegovina"). */
const CONNECTORS = new Set(['al', 'el', 'ez', 'az', 'as', 'ad', 'ar', 'an', 'ash', 'de', 'del', 'la', 'le', 'of', 'and', 'on', 'upon', 'am', 'sur', 'ul']);
export interface FindMentionsOptions {
  /** Countries (ISO2) where loose, skeleton-key matches are tried; none when absent. */
  looseCountries?: string[];
  /** Lower-case words the story uses as ordinary words (see {@link collectLowercaseWords}). */
  commonWords?: Set<string>;
  /**
   * Words of persons' names found in the story's other texts, lower case ("kerry" after "John
   * Kerry"): a lone "Kerry says" here is the person too. This text's person words are added to it.
   */
  people?: Set<string>;
}

/**
 * Finds place-name candidates in `text`.
 *
 * @param text - an entry's text.
 * @param gazetteer - the loaded gazetteer (see `loadGazetteer`).
 * @param options.looseCountries - countries to try loose spellings in (the story's theatre).
 * @param options.commonWords - words the story writes in lower case.
 * @returns candidates in text order; `text.slice(m.start, m.end) === m.text` for each.
 * @example findMentions('Clashes in Baquba, 30 miles north of Baghdad.', gazetteer)
 */
export function findMentions(text: string, gazetteer: Gazetteer, options: FindMentionsOptions = {}): FoundMention[] {
  const { looseCountries = [], commonWords = new Set<string>(), people } = options;
  const rules = compileRules(gazetteer.rules);
  const tokens = tokenize(text);
  const blocked = blockedSpans(text, rules.stopPhrases);
  const skipped = personTokens(tokens, text, rules.person, placeEvidence(tokens, text, rules, gazetteer, commonWords), people);
  const found: FoundMention[] = [];
  const matchedTokens = new Set<number>();

  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!first.cap || skipped.has(i) || strayArticle(tokens, i, text)) continue;
    const match = longestMatch(tokens, i, text, gazetteer, rules, blocked, skipped, looseCountries);
    if (!match) continue;
    const mention = describe(match.end, match.places, match.loose, tokens, i, text, rules, commonWords);
    if (mention.regionWord) addRegionCandidates(mention, tokens[match.end + 1]!.text, gazetteer);
    mention.commonWord = match.end === i && commonWords.has(first.text.toLowerCase());
    if (match.end === i && rules.wordNames.has(first.text.toLowerCase())) mention.wordName = true;
    found.push(mention);
    for (let k = i; k <= match.end; k++) matchedTokens.add(k);
    i = match.end;
  }
  markNameRuns(found, tokens, text, matchedTokens);
  addUnknownNamesWithDistance(found, tokens, text, rules, blocked, skipped);
  found.sort((a, b) => a.start - b.start);
  linkMentions(found, text);
  return found;
}

/**
 * The words a set of texts writes in lower case, to tell "Human rights" from a town called Human.
 *
 * @example collectLowercaseWords(['human rights']).has('human') // true
 */
export function collectLowercaseWords(texts: string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/(?<![\p{L}\p{Pd}'’])\p{Ll}+(?![\p{L}])/gu)) words.add(m[0]);
  return words;
}

/** "Idlib province": the region is a candidate too ("Idlib Governorate" is one of its names). */
function addRegionCandidates(mention: FoundMention, regionWord: string, gazetteer: Gazetteer): void {
  const seen = new Set(mention.places.map((p) => p.index));
  for (const word of [regionWord, 'province', 'governorate', 'oblast', 'region']) {
    for (const p of gazetteer.lookup(`${mention.text} ${word}`)) {
      if (p.kind === 'region' && !seen.has(p.index)) {
        seen.add(p.index);
        mention.places.push(p);
      }
    }
  }
}

/** A matched name followed by a capitalised word that is neither a place nor a region word. */
function markNameRuns(found: FoundMention[], tokens: Token[], text: string, matched: Set<number>): void {
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  for (const m of found) {
    let last = byStart.get(m.start)!;
    while (last + 1 < tokens.length && tokens[last]!.end < m.end) last++;
    const next = tokens[last + 1];
    // "Maaret al-Numan January 29": a date after a place does not make the two one name
    m.nameRun = !!next && next.cap && !matched.has(last + 1) && adjacent(text, tokens[last]!, next) && !m.regionWord && !isCalendarWord(next.text);
  }
}

interface CompiledRules {
  person: PersonWords;
  orgWords: Set<string>;
  orgWordsBefore: Set<string>;
  personTitles: Set<string>;
  regionWords: Set<string>;
  notPlaces: Set<string>;
  wordNames: Set<string>;
  stopPhrases: RegExp | undefined;
}

const compiled = new WeakMap<NameRules, CompiledRules>();

function compileRules(rules: NameRules): CompiledRules {
  let c = compiled.get(rules);
  if (c) return c;
  const lower = (list: string[] | undefined) => new Set((list ?? []).map((w) => w.toLowerCase()));
  const phrases = [...(rules.stopPhrases ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s\\p{Pd}]+'));
  const { personNouns, personVerbs, institutionWords, placeFeatureWords, givenNames } = rules;
  const institutions = lower([...rules.orgWords, ...(institutionWords ?? [])]);
  c = {
    person: { titles: lower(rules.personTitles), givenNames: lower(givenNames), nouns: lower(personNouns), verbs: lower(personVerbs), institutions, placeFeatures: lower(placeFeatureWords) },
    orgWords: lower(rules.orgWords),
    orgWordsBefore: lower(rules.orgWordsBefore),
    personTitles: lower(rules.personTitles),
    regionWords: lower(rules.regionWords),
    notPlaces: lower(rules.notPlaces),
    wordNames: lower(rules.wordNames),
    stopPhrases: phrases.length ? new RegExp(`(?<![\\p{L}])(?:${phrases.join('|')})(?![\\p{L}])`, 'giu') : undefined,
  };
  compiled.set(rules, c);
  return c;
}

/** Spans of stop phrases (organisations, outlets, macro-regions) that never hold a place mention. */
function blockedSpans(text: string, pattern: RegExp | undefined): [number, number][] {
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((m) => [m.index!, m.index! + m[0].length]);
}

function overlaps(spans: [number, number][], start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && end > s);
}

/** Populations above which a town is well known (see {@link PlaceEvidence.rank}). */
const MAJOR_POPULATION = 1_000_000;
const MAJOR_SEAT_POPULATION = 300_000;
const NOTABLE_POPULATION = 100_000;

/** The place finder's knowledge that the person filter weighs: the gazetteer, the cues before a name. */
function placeEvidence(tokens: Token[], text: string, rules: CompiledRules, gazetteer: Gazetteer, commonWords: Set<string>): PlaceEvidence {
  const ranks = new Map<string, ReturnType<PlaceEvidence['rank']>>();
  // a country or a continent says things ("Moscow said", "Europe said"); a province is as well known
  // as a town of 100,000, so a person's name that is also a region's stays the person's ("Kerry says")
  const major = (p: GazetteerPlace) =>
    p.kind === 'country' || (p.kind === 'region' && !p.country) || p.featureCode === 'PPLC' || p.population >= MAJOR_POPULATION || (p.featureCode === 'PPLA' && p.population >= MAJOR_SEAT_POPULATION);
  return {
    commonWords,
    rank(name) {
      if (ranks.has(name)) return ranks.get(name);
      const places = gazetteer.lookup(name);
      const rank = !places.length ? undefined : places.some(major) ? 'major' : places.some((p) => p.kind === 'region' || p.population >= NOTABLE_POPULATION) ? 'notable' : 'minor';
      ranks.set(name, rank);
      return rank;
    },
    namesPlace(first, last, { anySize = false } = {}) {
      for (let n = first + 1; n <= last; n++) {
        const name = text.slice(tokens[first]!.start, tokens[n]!.end);
        if (gazetteer.lookup(name).some((p) => anySize || p.population >= 1000 || p.kind !== 'town')) return true;
      }
      return false;
    },
    cue: (i) => placeCueBefore(text, tokens[i]!.start),
    regionWordAfter(i) {
      const next = tokens[i + 1];
      return !!next && adjacent(text, tokens[i]!, next) && rules.regionWords.has(next.text.toLowerCase());
    },
    placeNounAfter(i) {
      const next = tokens[i + 1];
      return !!next && adjacent(text, tokens[i]!, next) && PLACE_NOUNS.has(next.text);
    },
  };
}

interface Match {
  end: number;
  places: GazetteerPlace[];
  loose: boolean;
}

function longestMatch(
  tokens: Token[],
  i: number,
  text: string,
  gazetteer: Gazetteer,
  rules: CompiledRules,
  blocked: [number, number][],
  skipped: Set<number>,
  looseCountries: string[],
): Match | undefined {
  // the candidate n-grams: capitalised tokens joined by spaces, lowercase connectors allowed inside
  const ends: number[] = [];
  for (let j = i; j < tokens.length && j - i < gazetteer.maxWords + 1; j++) {
    const t = tokens[j]!;
    if (j > i && !adjacent(text, tokens[j - 1]!, t)) break;
    if (skipped.has(j)) break;
    if (t.cap) ends.push(j);
    else if (!CONNECTORS.has(t.text.toLowerCase())) break;
  }
  for (const loose of looseCountries.length ? [false, true] : [false]) {
    for (let k = ends.length - 1; k >= 0; k--) {
      const end = ends[k]!;
      const start = tokens[i]!.start;
      const stop = tokens[end]!.end;
      if (overlaps(blocked, start, stop)) continue;
      const span = text.slice(start, stop);
      if (end === i && (rules.notPlaces.has(simplifyName(span)) || rules.personTitles.has(simplifyName(span)))) continue;
      // a name directly followed by an organisation word is the organisation's ("Washington Post")
      const after = tokens[end + 1];
      if (after && adjacent(text, tokens[end]!, after) && rules.orgWords.has(after.text.toLowerCase())) continue;
      // adjectives ("Syrian", "Kurdish") look like loose spellings of towns; they never are
      if (loose && end === i && isDemonymLike(span)) continue;
      let places = loose ? gazetteer.lookupLoose(span, looseCountries) : gazetteer.lookup(span);
      // one- and two-letter words are only codes of countries and unions ("US", "UK", "EU"), never towns
      if (end === i && span.length <= 2) places = places.filter((p) => (p.kind === 'country' || (p.kind === 'region' && !p.country)) && span === span.toUpperCase());
      if (places.length) return { end, places, loose };
    }
  }
  return undefined;
}

function describe(
  endToken: number,
  places: GazetteerPlace[],
  loose: boolean,
  tokens: Token[],
  i: number,
  text: string,
  rules: CompiledRules,
  commonWords: Set<string>,
): FoundMention {
  const first = tokens[i]!;
  const last = tokens[endToken]!;
  const start = first.start;
  const end = last.end;
  const prev = previousWord(text, start);
  const spaceOnly = /^ +$/.test(prev.gap);
  const after = tokens[endToken + 1];
  const regionWord = !!after && adjacent(text, last, after) && rules.regionWords.has(after.text.toLowerCase());
  const prevToken = tokens[i - 1];
  const placeCue = placeCueBefore(text, start) !== undefined;
  return {
    start,
    end,
    text: text.slice(start, end),
    places,
    loose,
    placeCue,
    regionWord,
    afterThe: spaceOnly && prev.word === 'the',
    sentenceStart: !prev.word || /[.!?:;"“•\n]/.test(prev.gap),
    // "Hana Soliman", "Baghdad Soul": a capitalised word glued in front makes a compound name,
    // unless it is an ordinary word ("In Baghdad") or an adjective ("Iraqi Kurdistan")
    insideName:
      !!prevToken &&
      prevToken.cap &&
      adjacent(text, prevToken, first) &&
      !commonWords.has(prevToken.text.toLowerCase()) &&
      (rules.orgWordsBefore.has(prevToken.text.toLowerCase()) || !isDemonymLike(prevToken.text)),
    nameRun: false,
    commonWord: false,
  };
}

/** "Iraqi Kurdistan", "Northern Ireland": an adjective in front of a place does not make it a name. */
function isDemonymLike(word: string): boolean {
  return /(?:i|ian|ish|ese|ern|an|ic)$/i.test(word) || /^(?:Greater|Upper|Lower|Central|Old|New)$/i.test(word);
}

/** Capitalised names unknown to the gazetteer that the text places by distance from a known one. */
function addUnknownNamesWithDistance(
  found: FoundMention[],
  tokens: Token[],
  text: string,
  rules: CompiledRules,
  blocked: [number, number][],
  skipped: Set<number>,
): void {
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || skipped.has(i) || taken(t.start, t.end)) continue;
    let j = i;
    while (j + 1 < tokens.length && j - i < 2 && tokens[j + 1]!.cap && adjacent(text, tokens[j]!, tokens[j + 1]!)) j++;
    const start = t.start;
    const end = tokens[j]!.end;
    const cue = readDistanceCue(text.slice(end, end + 120));
    // Without a distance, only a name the text calls a village or town: "the village of X, south
    // of Y", "X, a town near Y".
    const settlement = /\b(?:village|town|settlement|hamlet)\s+of\s+$/i.test(text.slice(Math.max(0, start - 25), start)) || /^,?\s*(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:village|town|settlement|hamlet)\b/iu.test(text.slice(end, end + 60));
    const located = cue && (cue.km !== undefined || (settlement && (cue.bearing !== undefined || cue.near)));
    if (!located || taken(start, end) || overlaps(blocked, start, end)) continue;
    if (rules.notPlaces.has(simplifyName(text.slice(start, end)))) continue;
    found.push({
      start,
      end,
      text: text.slice(start, end),
      places: [],
      loose: false,
      placeCue: true,
      regionWord: false,
      afterThe: false,
      sentenceStart: false,
      insideName: false,
      nameRun: false,
      commonWord: false,
    });
    i = j;
  }
}

/** Fills `listedWith`, `within` and `distance` from the text between consecutive mentions. */
function linkMentions(found: FoundMention[], text: string): void {
  for (let k = 0; k < found.length; k++) {
    const m = found[k]!;
    const next = found[k + 1];
    const tail = text.slice(m.end, m.end + 160);
    const cue = readDistanceCue(tail);
    if (cue && (cue.km !== undefined || cue.bearing !== undefined || cue.near)) {
      const anchorAt = m.end + cue.length;
      const from = next && next.start === anchorAt ? k + 1 : startsWithCapital(text.slice(anchorAt, anchorAt + 30)) ? 'capital' : undefined;
      const { km, bearing, near } = cue;
      if (from !== undefined) m.distance = { ...(km !== undefined ? { km } : {}), ...(bearing !== undefined ? { bearing } : {}), ...(near ? { near } : {}), from };
    }
    if (!next) continue;
    const between = text.slice(m.end, next.start);
    if (/^\s*,\s*$/.test(between) && !/^\s*,\s*(and|or)\b/.test(between)) {
      // "Kenosha, Wyoming": a second name right after a comma may be the first one's region…
      next.listedWith = k;
      next.afterComma = true;
      m.within = k + 1;
    } else if (/^\s*(,\s*)?(and|or)\s+$/.test(between)) {
      next.listedWith = k;
    }
  }
}
