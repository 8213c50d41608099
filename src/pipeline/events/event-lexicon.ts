/**
 * The event lexicon (`data/lexicon/events.json`) compiled into patterns once, and the small text
 * helpers the clause rules share.
 */
import lexicon from '../../../data/lexicon/events.json';
import { verbForms } from './verb-forms.ts';

/** What a trigger word does. */
export type TriggerClass = 'capture' | 'enter' | 'retake' | 'fallTo' | 'withdraw' | 'clash' | 'strike' | 'execution';

/** Trigger classes that change who controls a place. */
export const CONTROL_CLASSES: ReadonlySet<TriggerClass> = new Set(['capture', 'enter', 'retake', 'fallTo', 'withdraw']);

/** A trigger found in a sentence. */
export interface Trigger {
  start: number;
  end: number;
  text: string;
  cls: TriggerClass;
}

/** `text` as a literal inside a regular expression. */
export const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word, case-insensitive pattern for a list of phrases, longest first. */
export function phrasePattern(phrases: string[], flags = 'gi'): RegExp {
  const body = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRe(p).replace(/\s+/g, '\\s+'))
    .join('|');
  return new RegExp(`(?<![\\w-])(?:${body})(?![\\w-])`, flags);
}

type FrameJson = { verbs: string[]; nouns: string[]; patterns: string[] };

/** The frames' nouns ("capture of", "fall of"), lower case: a change named, not told. */
export const FRAME_NOUNS: ReadonlySet<string> = new Set(
  Object.values(lexicon.frames as unknown as Record<string, FrameJson | string>).flatMap((f) => (typeof f === 'string' ? [] : f.nouns.map((n) => n.toLowerCase()))),
);

/** Every trigger phrase with its class: the frames' verb forms, nouns and patterns, and the plain lists. */
const allTriggers = [
  ...Object.entries(lexicon.frames as unknown as Record<string, FrameJson | string>).flatMap(([cls, frame]) =>
    typeof frame === 'string' ? [] : [...frame.verbs.flatMap(verbForms), ...frame.nouns, ...frame.patterns].map((w) => ({ w, cls: cls as TriggerClass })),
  ),
  ...Object.entries(lexicon.triggers).flatMap(([cls, words]) => (words as string[]).map((w) => ({ w, cls: cls as TriggerClass }))),
].sort((a, b) => b.w.length - a.w.length);
/** A pattern's "*" stands for up to two words: "restoring government control over". */
const GAP = "(?:\\s+[\\p{L}\\p{N}'’-]+){0,2}";
const toSource = (w: string) => w.split(/\s*\*\s*/).map((part) => escapeRe(part).replace(/\s+/g, '\\s+')).join(`${GAP}\\s+`);
const firstWord = (w: string) => w.toLowerCase().split(/[\s*]+/)[0];

/**
 * Phrases indexed by their first word, each a sticky pattern tried only where a sentence has that
 * word: one alternation of every phrase costs a regex attempt at every character.
 */
const byFirstWord = new Map<string, { re: RegExp; cls: TriggerClass }[]>();
for (const t of allTriggers) {
  const key = firstWord(t.w);
  if (!byFirstWord.has(key)) byFirstWord.set(key, []);
  byFirstWord.get(key)!.push({ re: new RegExp(`${toSource(t.w)}(?![\\w-])`, 'iuy'), cls: t.cls });
}

/** Words of a text (letters, digits, apostrophes and hyphens), left to right. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** Any first word of a trigger: most sentences have none, and are done with one test. */
const ANY_FIRST_WORD = new RegExp(`(?<![\\w-])(?:${[...byFirstWord.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})`, 'i');

/**
 * Event words in a text, left to right, longest phrase first where they overlap.
 * @example findTriggers('Kurdish forces retake Jalawla')[0].cls // 'retake'
 */
export function findTriggers(text: string): Trigger[] {
  const out: Trigger[] = [];
  if (!ANY_FIRST_WORD.test(text)) return out;
  let ignoredUntil = -1;
  let after = 0;
  WORD.lastIndex = 0;
  for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
    if (w.index < after) continue;
    const lower = w[0].toLowerCase();
    const candidates = byFirstWord.get(lower) ?? (/['’]s$/.test(lower) ? byFirstWord.get(lower.slice(0, -2)) : undefined);
    if (!candidates) continue;
    if (w.index > ignoredUntil) {
      notTriggerAt.lastIndex = w.index;
      const not = notTriggerAt.exec(text);
      if (not) ignoredUntil = w.index + not[0].length - 1;
    }
    if (w.index <= ignoredUntil) continue;
    for (const c of candidates) {
      c.re.lastIndex = w.index;
      const m = c.re.exec(text);
      if (!m) continue;
      out.push({ start: w.index, end: w.index + m[0].length, text: m[0], cls: c.cls });
      after = w.index + m[0].length;
      break;
    }
  }
  return out;
}

/** "took place", "take part": phrases whose trigger word makes no event. */
const notTriggerRe = phrasePattern(lexicon.notTriggers);
const notTriggerAt = new RegExp(notTriggerRe.source, 'iy');

export const objectFiller = new Set(lexicon.objectFiller.map((w) => w.toLowerCase()));
export const objectStops = new Set(lexicon.objectStops.map((w) => w.toLowerCase()));
export const clauseStops = new Set(lexicon.clauseStops.map((w) => w.toLowerCase()));
export const placeNouns = new Set(lexicon.placeNouns);
const nounAlternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => escapeRe(w).replace(/\s+/g, '\\s+')).join('|');
/**
 * A noun phrase headed by a place noun, ending where its place follows: "the ancient Syrian city
 * of", "the beleaguered frontline town of". Up to four modifiers of any kind.
 */
export const headedGapRe = new RegExp(`^\\s*(?:(?:the|a|an|its|their|his|her|[\\p{Lu}][\\p{L}'’.-]*['’]s?)\\s+)?(?:[\\p{L}\\d'’-]+\\s+){0,4}(?:${nounAlternation(lexicon.headNouns)})\\s+of\\s+(?:the\\s+)?$`, 'iu');
/** A part of a town or a facility in it, and the preposition before the town: "headquarters in", "neighborhoods of". */
export const partGapRe = new RegExp(`(?<![\\p{L}-])(?:${nounAlternation(lexicon.partNouns)})(?![\\p{L}-])(?:\\s+[\\p{L}'’-]+){0,6}?\\s+(?:in|of|at|inside)\\s+(?:(?:the|central|downtown|eastern|western|northern|southern|east|west|north|south)\\s+)*(?:(?:[\\p{L}-]+\\s+){0,3}(?:${nounAlternation(lexicon.headNouns)})\\s+of\\s+(?:the\\s+)?)?$`, 'iu');
/** A part or facility noun right after a possessive place: "Goma's international airport". */
/** A place in the possessive, itself or through its head noun: "Goma's", "the Tigray region's". */
export const possessiveAfterRe = new RegExp(`^(?:\\s+(?:${nounAlternation(lexicon.possessiveNouns)}))?['’]s\\b`, 'iu');
export const partAfterRe = new RegExp(`^['’]s?\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?(?:${nounAlternation(lexicon.partNouns)})(?![\\p{L}-])`, 'iu');
/** A part noun right after the place: "the Rafah crossing", "the Mosul dam". */
export const partNounAfterRe = new RegExp(`^\\s+(?:${nounAlternation(lexicon.partNouns)})(?![\\p{L}-])`, 'iu');
export const maxFillerWords = lexicon.maxFillerWords;
export const anaphoraRe = new RegExp(`^\\s*(?:${lexicon.anaphora.map(escapeRe).join('|')})(?![\\w-])`, 'i');
export const facilityAnaphoraRe = new RegExp(`^\\s*(?:${lexicon.facilityAnaphora.map(escapeRe).join('|')})(?![\\w-])`, 'i');
export const blockerRe = phrasePattern(lexicon.blockers, 'i');
export const allowToRe = new RegExp(`(?:${lexicon.allowTo.map(escapeRe).join('|')})\\s+$`, 'i');
export const hedgeRe = phrasePattern(lexicon.hedges, 'i');
export const sayRe = phrasePattern(lexicon.sayVerbs);
export const claimRe = phrasePattern(lexicon.claimVerbs);
/** Words that attribute a quotation to its speaker: "…," the commander told reporters. */
export const attributionRe = phrasePattern(lexicon.quoteAttributionVerbs, 'i');
export const fromPreviousRe = new RegExp(`${phrasePattern(lexicon.fromPrevious).source}\\s+([^,;:.]+)`, 'gi');
export const fromAfterRe = new RegExp(
  `(?<![\\w-])after\\s+([^,;:.]{2,60}?)\\s+(?:had\\s+|have\\s+|has\\s+)?(?:${lexicon.fromAfterVerbs.map(escapeRe).join('|')})(?![\\w-])`,
  'gi',
);
export const fromBeforeRe = new RegExp(`^[\\s,]*(?:back\\s+)?(?:${lexicon.fromBefore.map(escapeRe).join('|')})\\s+([^,;:.]+)`, 'i');

const locativeEntries = Object.entries(lexicon.locatives as Record<string, number>).sort((a, b) => b[0].length - a[0].length);
const locativeRe = phrasePattern(locativeEntries.map(([w]) => w));
const locativePrecision = new Map(locativeEntries.map(([w, p]) => [w, p as 1 | 2]));
const bearing = '(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)';
const referenceRe = new RegExp(
  `\\d[\\d,.]*\\s*(?:${lexicon.referenceUnits.map(escapeRe).join('|')})\\)?\\s+(?:\\([^)]*\\)\\s+)?(?:[\\w-]+\\s+)?${bearing}(?:ern)?\\s+of\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?(?:(?:city|town|capital)\\s+(?:of\\s+)?)?$`,
  'i',
);

/**
 * Where a place sits relative to an event, from the words just before it: the coarsest
 * locative among the last few words (`advancing on the city of` → 2), undefined when none, and
 * 'reference' for a distance and bearing ("60 miles north of").
 */
export function locativeBefore(before: string): 1 | 2 | 3 | 'reference' | undefined {
  if (referenceRe.test(before)) return 'reference';
  const window = before.trim().split(/\s+/).slice(-6).join(' ');
  let best: 1 | 2 | undefined;
  locativeRe.lastIndex = 0;
  for (let m = locativeRe.exec(window); m; m = locativeRe.exec(window)) {
    const p = locativePrecision.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (p && (!best || p > best)) best = p;
  }
  return best;
}

/** Lower-case words of a text. */
export const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/** Words that make a strike an air or drone strike (ACLED sub-event type). */
export const airWordsRe = phrasePattern(lexicon.airWords, 'i');
