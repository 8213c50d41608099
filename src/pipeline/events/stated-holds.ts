/**
 * Stated holds: sentences that say who holds a place without reporting a change — "rebel-held
 * Idlib", "Goma remains under M23 control", "the besieged city of Mariupol", "Houthi
 * authorities in Sanaa". They give places their holder at the story's start (`baseline.ts`) and
 * never become control events. The words are data (`data/lexicon/holds.json`); this file holds
 * the frames' grammar: where the actor and the place stand relative to the hold words.
 */
import holdWords from '../../../data/lexicon/holds.json';
import lexicon from '../../../data/lexicon/events.json';
import { resolveActor, type ActorRegistry } from './actors.ts';
import { escapeRe } from './event-lexicon.ts';
import { quoteMask, quoteSpans, quotedShare, splitSentences } from '../entries/split-sentences.ts';
import type { Entry, Mention } from '../types.ts';

/** What a sentence says of a place's holder. */
export type HoldKind = 'hold' | 'siege' | 'seat' | 'presence';

/** One stated hold found in a sentence. */
export interface HoldMatch {
  placeId: string;
  kind: HoldKind;
  /**
   * The holder's actor id. For a siege, the besieger's adversary when the besieger is named; absent
   * for a siege whose besieger is not named, and for a bare seat ("the authorities in Khartoum").
   */
  actor?: string;
  /** The besieger, for a siege that names one. */
  besieger?: string;
  /** The words that state it, e.g. `rebel-held`, `under Kurdish control`. */
  phrase: string;
}

/** A stated hold with the entry and sentence that state it. */
export interface StatedHold extends HoldMatch {
  entry: string;
  /** When the entry speaks (its time), ISO UTC. */
  time: string;
  quote: string;
}

const words = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map((w) => escapeRe(w).replace(/\s+/g, '\\s+')).join('|');
const lowerSet = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));

const HOLD = lowerSet(holdWords.holdParticiples);
const HYPHEN_RE = new RegExp(`(?<![\\p{L}\\p{N}-])([\\p{L}\\p{N}][\\p{L}\\p{N}.]*)-(${words([...holdWords.holdParticiples, ...holdWords.siegeParticiples])})(?![\\p{L}-])`, 'giu');
const SIEGE_BARE_RE = new RegExp(`(?<![\\p{L}-])(${words(holdWords.siegeParticiples)})(?![\\p{L}-])`, 'giu');
const PARTIAL = lowerSet(holdWords.partialWords);
const HEAD = lowerSet(lexicon.headNouns);
/** Words that end a filler: a preposition or conjunction means the place is not what is held. */
const NOT_FILLER = lowerSet(['in', 'at', 'on', 'near', 'to', 'from', 'by', 'with', 'and', 'or', 'for', 'into', 'outside', 'inside', 'around', 'across', 'towards', 'toward', 'after', 'as', 'than']);
const LINK = lowerSet(holdWords.linkWords);
const NEGATION = lowerSet(holdWords.negations);
const MODIFIERS = `(?:(?:${words(holdWords.underModifiers)})\\s+)*`;
/** "under Kurdish control", "in Ukrainian hands": the actor between the preposition and the noun. */
/**
 * Up to six words between a place and its hold words. Each word must end where its letters end,
 * so the pattern cannot split one word over several of its slots (which backtracked without end).
 */
const LINK_RE = /^\s*,?(?:\s*[\p{L}]+(?![\p{L}])){0,6}?\s*(?=\b(?:under|in|held|controlled|occupied|run|administered|dominated|ruled|besieged|encircled|blockaded|surrounded)\b)/iu;
const UNDER_RE = new RegExp(`^(?:under|in)\\s+(?:the\\s+)?${MODIFIERS}((?:[\\p{L}.'’-]+\\s+){1,4}?)(?:${words(holdWords.underNouns)})(?![\\p{L}-])`, 'iu');
/** "under the control of the rebels", "held by Russian forces": the actor after. */
const BY_RE = new RegExp(
  `^(?:(${words(holdWords.underOf)})|(${words([...holdWords.holdParticiples, ...holdWords.siegeParticiples])})\\s+by)\\s+((?:[\\p{L}.'’-]+\\s*){1,5})`,
  'iu',
);
const AUTHORITY_RE = new RegExp(`(?:^|\\s)((?:[\\p{L}.'’-]+\\s+){0,3})(?:${words(holdWords.authorityNouns)})\\s+(?:in|of)\\s+$`, 'iu');
const CLAUSE_STOP = lowerSet(lexicon.clauseStops);
/**
 * "<actor> … stand guard during a deployment in <place>", "<actor> patrol the streets of <place>":
 * the presence words, then up to six words that end in a preposition of place or "streets of".
 */
const PRESENCE_RE = new RegExp(`(?<![\\p{L}-])(?:${words(holdWords.presenceVerbs)})(?![\\p{L}-])`, 'giu');
const PRESENCE_GAP_RE = new RegExp(`^(?:\\s+[\\p{L}-]+){0,6}?\\s+(?:${words(holdWords.presencePrepositions)}|(?:the\\s+)?(?:streets|roads|centre|center)\\s+of)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}?$`, 'iu');

/** The actor an actor word or phrase names, trying a plural ("rebel" → "rebels") and "<adjective> forces". */
function actorOf(registry: ActorRegistry, phrase: string): string | undefined {
  const clean = phrase.trim();
  if (!clean) return undefined;
  // An adjective alone names the forces it qualifies: "under Kurdish control" is Kurdish forces'.
  const found = resolveActor(registry, clean) ?? (/s$/i.test(clean) ? undefined : resolveActor(registry, `${clean}s`)) ?? (/^\p{Lu}[\p{L}-]*$/u.test(clean) ? resolveActor(registry, `${clean} forces`) : undefined);
  return found && found.actor.id !== 'unknown' ? found.actor.id : undefined;
}

/**
 * Whether the text between hold words and the place after them lets the hold reach the place:
 * a few lower-case modifiers and a head noun with "of" ("the northwestern city of"), none saying
 * only part of it is held.
 */
function fillerReaches(between: string): boolean {
  const ws = between.trim().split(/\s+/).filter(Boolean);
  if (ws.length > holdWords.maxFillerWords + 2) return false;
  let i = 0;
  if (/^(?:the|a|an)$/i.test(ws[0] ?? '')) i++;
  for (; i < ws.length; i++) {
    const w = ws[i].toLowerCase();
    if (w === 'of') return i === ws.length - 1 || (i === ws.length - 2 && ws[i + 1].toLowerCase() === 'the') ? HEAD.has(ws[i - 1]?.toLowerCase() ?? '') : false;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(ws[i]) || NOT_FILLER.has(w) || PARTIAL.has(w)) return false;
  }
  return true;
}

/** Whether the text between a place and hold words after it is only a link ("which remains firmly"). */
function linkReaches(between: string): boolean {
  const ws = between.replace(/^\s*,/, '').trim().split(/\s+/).filter(Boolean);
  if (ws.length > 6) return false;
  return ws.every((w) => LINK.has(w.toLowerCase()));
}

/** The actor phrase after "held by", cut at the first clause break. */
function phraseUntilStop(text: string): string {
  const out: string[] = [];
  for (const w of text.split(/\s+/)) {
    const bare = w.replace(/[,;:.!?)]+$/, '');
    if (CLAUSE_STOP.has(bare.toLowerCase()) || /^(?:and|or|in|on|at|since|for)$/i.test(bare)) break;
    out.push(bare);
    if (bare !== w) break;
  }
  return out.join(' ');
}

/**
 * Stated holds in one sentence. `mentions` are the sentence's place mentions, offsets relative to it.
 * @example findHoldsInSentence('Russian-occupied Melitopol was quiet.', mentions, registry) // [{ placeId: 'melitopol', kind: 'hold', actor: 'russia', … }]
 */
export function findHoldsInSentence(text: string, mentions: Pick<Mention, 'start' | 'end' | 'placeId'>[], registry: ActorRegistry): HoldMatch[] {
  const out: HoldMatch[] = [];
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const after = (end: number) => sorted.find((m) => m.start >= end);
  const add = (h: HoldMatch) => {
    if (!out.some((o) => o.placeId === h.placeId && o.kind === h.kind && o.actor === h.actor)) out.push(h);
  };
  const siegeOf = (placeId: string, besieger: string | undefined, phrase: string) => {
    const adversary = besieger ? registry.get(besieger)?.adversary : undefined;
    add({ placeId, kind: 'siege', phrase, ...(besieger ? { besieger } : {}), ...(adversary ? { actor: adversary } : {}) });
  };

  // "<actor>-held <place>", "<actor>-besieged <place>".
  for (const m of text.matchAll(HYPHEN_RE)) {
    const end = m.index + m[0].length;
    const place = after(end);
    if (!place || !fillerReaches(text.slice(end, place.start))) continue;
    const actor = actorOf(registry, m[1]);
    if (!actor) continue;
    if (HOLD.has(m[2].toLowerCase())) add({ placeId: place.placeId, kind: 'hold', actor, phrase: m[0] });
    else siegeOf(place.placeId, actor, m[0]);
  }
  // "the besieged city of <place>", "besieged <place>": surrounded, by someone not named.
  for (const m of text.matchAll(SIEGE_BARE_RE)) {
    if (text[m.index - 1] === '-') continue;
    const end = m.index + m[0].length;
    const place = after(end);
    if (place && fillerReaches(text.slice(end, place.start))) siegeOf(place.placeId, undefined, m[0]);
  }
  for (const place of sorted) {
    const rest = text.slice(place.end);
    // The hold words follow a short link: "El Fasher, which remains firmly under army control".
    const link = LINK_RE.exec(rest);
    if (!link) continue;
    const between = link[0];
    if (between.split(/[\s,]+/).some((w) => NEGATION.has(w.toLowerCase())) || !linkReaches(between)) continue;
    const hold = rest.slice(between.length);
    const by = BY_RE.exec(hold);
    if (by) {
      const actor = actorOf(registry, phraseUntilStop(by[3]));
      if (!actor) continue;
      const phrase = `${hold.slice(0, by[0].length - by[3].length)}${phraseUntilStop(by[3])}`;
      if (by[2] && !HOLD.has(by[2].toLowerCase())) siegeOf(place.placeId, actor, phrase);
      else add({ placeId: place.placeId, kind: 'hold', actor, phrase });
      continue;
    }
    const under = UNDER_RE.exec(hold);
    const actor = under ? actorOf(registry, under[1]) : undefined;
    if (under && actor) add({ placeId: place.placeId, kind: 'hold', actor, phrase: under[0] });
  }
  // "<actor> stand guard in <place>": the actor's forces are there (the baseline keeps a state's own).
  for (const m of text.matchAll(PRESENCE_RE)) {
    const end = m.index + m[0].length;
    const place = after(end);
    const gap = place ? text.slice(end, place.start) : '';
    if (!place || !PRESENCE_GAP_RE.test(gap) || gap.split(/\s+/).some((w) => CLAUSE_STOP.has(w.toLowerCase()) || NEGATION.has(w.toLowerCase()))) continue;
    const subject = text.slice(0, m.index).split(/[,;:]/).pop() ?? '';
    if (subject.split(/\s+/).some((w) => NEGATION.has(w.toLowerCase()))) continue;
    const actor = actorOf(registry, subject);
    if (actor) add({ placeId: place.placeId, kind: 'presence', actor, phrase: `${subject.trim()} ${text.slice(m.index, place.start).trim()}` });
  }
  // "<actor> authorities in <place>", "the authorities in <place>".
  for (const place of sorted) {
    const before = text.slice(Math.max(0, place.start - 80), place.start);
    const m = AUTHORITY_RE.exec(before);
    if (!m) continue;
    const qualifier = m[1].trim();
    const phrase = m[0].trim();
    // "the authorities in X": a seat without a holder; "local authorities" run a town, not a war.
    if (!qualifier || /(?:^|\s)the$/i.test(qualifier)) add({ placeId: place.placeId, kind: 'seat', phrase });
    else if (!/(?:^|\s)local$/i.test(qualifier)) {
      const actor = actorOf(registry, qualifier);
      if (actor) add({ placeId: place.placeId, kind: 'hold', actor, phrase });
    }
  }
  return out;
}

/** Quotes of this many words or fewer are scare quotes, read as the reporter's text. */
const SCARE_QUOTE_WORDS = 3;

/**
 * Stated holds in a story's entries: report and summary entries only, not duplicates, and not in
 * quoted speech (what a spokesman says his side holds is a claim).
 * @example findStatedHolds(story.entries, registry).filter((h) => h.placeId === 'kirkuk')
 */
export function findStatedHolds(entries: Entry[], registry: ActorRegistry): StatedHold[] {
  const out: StatedHold[] = [];
  for (const entry of entries) {
    if ((entry.kind !== 'report' && entry.kind !== 'summary') || entry.duplicateOf || !entry.mentions.length) continue;
    const text = entry.text;
    const quoted = quoteMask(text, quoteSpans(text).filter(([s, e]) => (text.slice(s, e).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > SCARE_QUOTE_WORDS));
    for (const sentence of splitSentences(text)) {
      const mentions = entry.mentions
        .filter((m) => m.start >= sentence.start && m.end <= sentence.end && !quoted[m.start])
        .map((m) => ({ start: m.start - sentence.start, end: m.end - sentence.start, placeId: m.placeId }));
      if (!mentions.length || quotedShare(text, sentence.start, sentence.end, quoted) >= 0.5) continue;
      for (const h of findHoldsInSentence(sentence.text, mentions, registry)) out.push({ ...h, entry: entry.id, time: entry.time, quote: sentence.text });
    }
  }
  return out;
}
