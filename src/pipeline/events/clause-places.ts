/**
 * Where a clause's places are: the object of a verb read through noun phrases, parts and lists
 * ("the ancient city of X", "the army headquarters in X", "X and Y"), a passive subject, an
 * enumerated list, the locative of a clash or strike; and where a clause starts and ends.
 * Word lists are data (`data/lexicon/events.json`); `event-clauses.ts` uses these per trigger.
 */
import {
  anaphoraRe, clauseStops, escapeRe, facilityAnaphoraRe, headedGapRe, locativeBefore, maxFillerWords, objectFiller, objectStops,
  partAfterRe, partGapRe, possessiveAfterRe, partNounAfterRe, placeNouns, wordsOf, type Trigger,
} from './event-lexicon.ts';
import type { PlaceProperties } from '../types.ts';

/** A place mention with offsets relative to the sentence. */
export interface SentenceMention {
  start: number;
  end: number;
  text: string;
  placeId: string;
  kind: PlaceProperties['kind'];
  /** The event concerns a part of the place or a facility in it (set by the clause rules). */
  part?: boolean;
  /** ISO2 code of the place's country. */
  country?: string;
}

/** Punctuation that ends a clause: a full stop, colon, semicolon, question or a spaced dash. */
export const STRONG = /[;:.!?]|\s[-–—]\s/g;

/** Start of the clause that holds `pos`: after the last strong stop or clause-stop word. */
export function clauseStart(text: string, pos: number, stopAtComma: boolean): number {
  let start = 0;
  const before = text.slice(0, pos);
  for (const m of before.matchAll(STRONG)) start = m.index + m[0].length;
  const words = [...before.matchAll(/[\p{L}'’-]+|,/gu)];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (w.index < start) break;
    if ((stopAtComma && w[0] === ',') || clauseStops.has(w[0].toLowerCase())) return w.index + w[0].length;
  }
  return start;
}

/** End of the clause that starts at `pos`. */
export function clauseEnd(text: string, pos: number): number {
  const rest = text.slice(pos);
  const m = /[;:!?]|\.(\s|$)|\s[-–—]\s|,?\s+(?:but|while|whereas|which|who|after|as)\s/i.exec(rest);
  return m ? pos + m.index : text.length;
}

/** Gap between a verb and its place object: filler words, possessives and names only. */
function objectGapOk(gap: string, first: boolean): boolean {
  if (/[;:.!?()]/.test(gap.replace(/\([^)]*\)/g, ''))) return false;
  const words = wordsOf(gap);
  if (words.length > maxFillerWords) return false;
  for (const w of words) {
    const lower = w.toLowerCase();
    if (objectStops.has(lower)) return false;
    if (objectFiller.has(lower)) continue;
    if (!first) return false;
    if (!/^\p{Lu}/u.test(w) && !/['’]s$/.test(w) && !/^\d/.test(w)) return false;
  }
  return true;
}

/** A gap of modifiers before a place: no word that ends an object ("in", "near", "after"), but the final preposition. */
function modifiersOnly(gap: string): boolean {
  if (/[;:.!?()]/.test(gap)) return false;
  const words = wordsOf(gap);
  return words.slice(0, -1).every((w) => !objectStops.has(w.toLowerCase()));
}

/**
 * The first place object after a verb, read through noun phrases: "the ancient Syrian city of X"
 * (the place itself), "the army headquarters in X", "Kurdish neighborhoods of X", "X's air base"
 * (a part of the place).
 */
function firstObject(text: string, at: number, m: SentenceMention): { ok: boolean | 'skip'; part: boolean } {
  const gap = text.slice(at, m.start);
  // "seized the airport south of Tripoli": a place after a bearing or "near" only says where.
  if (REFERENCE_BEFORE.test(gap)) return { ok: false, part: false };
  // A place in the possessive modifies the object ("Iraq's second largest city of Mosul") unless
  // the object is a part of it ("Goma's airport").
  if (possessiveAfterRe.test(text.slice(m.end))) return partAfterRe.test(text.slice(m.end)) && objectGapOk(gap, true) ? { ok: true, part: true } : { ok: 'skip', part: false };
  const part = partNounAfterRe.test(text.slice(m.end));
  if (objectGapOk(gap, true)) return { ok: true, part };
  if (wordsOf(gap).length <= 8 && headedGapRe.test(gap) && modifiersOnly(gap)) return { ok: true, part };
  const facility = partGapRe.exec(gap);
  if (facility && wordsOf(gap).length <= 14 && !/[;:!?()]|[.,]\s/.test(gap) && modifiersOnly(gap.slice(0, facility.index))) return { ok: true, part: true };
  return { ok: false, part: false };
}

/** "… in the", "… in northern": a place after this says where something else is. */
const LOCATIVE_BEFORE = /\b(?:in|inside|across)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+)?$/u;

/** A place after a bearing or "near" is a reference point: "X, south of Y", "a village near Y". */
const REFERENCE_BEFORE = /\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|near|outside|close\s+to|capital\s+of)\s+(?:the\s+)?$/i;

/** Places listed right after `pos`: "the villages of Klishchiivka and Andriivka". */
function listAfter(text: string, pos: number, mentions: SentenceMention[], first = true): SentenceMention[] {
  const list: SentenceMention[] = [];
  let at = pos;
  for (const m of mentions) {
    if (m.start < at) continue;
    if (first && list.length === 0) {
      const object = firstObject(text, at, m);
      if (object.ok === 'skip') continue;
      if (!object.ok) break;
      // "seized 140 bases and outposts in northern Rakhine State": parts of a region are not the region.
      if (object.part && m.kind === 'region') break;
      list.push(object.part ? { ...m, part: true } : m);
      at = m.end;
      continue;
    }
    // A place in the possessive is a modifier, not the object: "Iraq's second largest city of Mosul".
    if (possessiveAfterRe.test(text.slice(m.end))) continue;
    if (!objectGapOk(text.slice(at, m.start), false) && !unresolvedItems(text.slice(at, m.start))) break;
    // "the village of X, south of Y": Y says where X is; it is not taken too.
    if (REFERENCE_BEFORE.test(text.slice(Math.max(at, m.start - 30), m.start))) break;
    list.push(m);
    at = m.end;
  }
  return list;
}

/**
 * A list gap holding items the gazetteer did not resolve: ", Al-Olya, and " between two places.
 * Each comma-separated item is a capitalised name (after "and"/"or"); the list goes on past them.
 */
function unresolvedItems(gap: string): boolean {
  if (!/,/.test(gap) || /[;:.!?()]/.test(gap)) return false;
  const items = gap.split(',').map((i) => i.trim().replace(/^(?:and|or)\b\s*/i, '').replace(/\s*\b(?:and|or)$/i, ''));
  return items.every((i) => i === '' || /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}$/u.test(i)) && items.some((i) => i !== '');
}

/** Places listed right before `pos` (passive subjects): "villages of Klishchiivka and Andriivka have been". */
function listBefore(text: string, pos: number, mentions: SentenceMention[]): SentenceMention[] {
  const list: SentenceMention[] = [];
  let at = pos;
  for (const m of [...mentions].reverse()) {
    if (m.end > at) continue;
    const gap = text.slice(m.end, at).replace(/\b(have|has|had|been|was|were|is|are|being|reportedly|now|also|finally|already)\b/gi, ' ');
    const relative = list.length === 0 && /^\s*,\s*(which|that)\s*$/i.test(gap);
    if (!relative && !objectGapOk(gap, false)) break;
    // "X, south of Bakhmut, had been retaken": a place after a bearing is a reference point.
    if (REFERENCE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) break;
    // "The village of Chakhyrly in the Jabrayil region was taken": a region after "in" says where
    // the subject is; it is not what was taken.
    const locative = m.kind === 'region' ? LOCATIVE_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start)) : null;
    if (locative) {
      // Read on from before "in": "Avdiivka in the Donetsk region was captured" is Avdiivka's.
      at = m.start - locative[0].length;
      continue;
    }
    list.unshift(m);
    at = m.start;
  }
  return list;
}


/** A town after "the city of", "towns of X and", or a list comma: an item of an enumerated subject. */
const LIST_ITEM = new RegExp(`(?:(?:${[...placeNouns].map(escapeRe).join('|')})\\s+of(?:\\s+the)?|,|\\band|\\bincluding|\\bas well as)\\s*$`, 'i');

/**
 * The towns of a long enumerated passive subject: "X and Y districts, including the cities of X
 * and Y, the city of Z and part of Z district, ... were liberated". Only towns introduced as list
 * items count, and only in a span with no other clause ("which", "after") before the verb.
 */
function passiveList(text: string, pos: number, mentions: SentenceMention[]): SentenceMention[] {
  // "as well as" joins list items; it does not start a clause.
  const start = clauseStart(text.replace(/\bas well as\b/gi, (m) => ','.padEnd(m.length)), pos, false);
  const span = mentions.filter((m) => m.start >= start && m.end <= pos && m.kind === 'town');
  if (span.length < 2) return [];
  // The list is the subject: not after a preposition ("in the X, Y directions"), and no other
  // verb between its last item and this one ("strongholds were destroyed, ... were liberated").
  const lead = text.slice(start, span[0].start);
  if (!LIST_ITEM.test(lead) && /\b(?:in|at|near|on|from|to|into|of|towards?)\s+(?:the\s+)?$/i.test(lead)) return [];
  if (/\b(?:was|were|is|are|has|have|had)\b/i.test(text.slice(span[span.length - 1].end, pos).replace(/\s+(?:been|being)?\s*$/, '').replace(/\b(?:was|were|is|are|has|have|had)\s*(?:been\s*)?$/i, ''))) return [];
  const seen = new Set<string>();
  return span.filter((m) => {
    const item = m === span[0] || LIST_ITEM.test(text.slice(Math.max(start, m.start - 30), m.start));
    if (!item || seen.has(m.placeId)) return false;
    seen.add(m.placeId);
    return true;
  });
}

export function placesForControl(text: string, trigger: Trigger, mentions: SentenceMention[], passive: boolean, lastTown?: SentenceMention) {
  // "lost Lashio to the MNDAA": the place inside the pattern itself.
  const inside = trigger.cls === 'fallTo' ? mentions.filter((m) => m.start > trigger.start && m.end < trigger.end && m.kind !== 'country') : [];
  if (inside.length) return { places: inside, direct: 1 };
  if (passive || trigger.cls === 'fallTo') {
    const before = listBefore(text, trigger.start, mentions);
    if (before.length) {
      const along = /^\s*(?:[\w-]+\s+){0,4}?along with\s+/i.exec(text.slice(trigger.end));
      const extra = along ? listAfter(text, trigger.end + along[0].length, mentions, false) : [];
      return { places: [...before, ...extra], direct: 1 };
    }
  }
  if (passive && trigger.cls !== 'fallTo') {
    const listed = passiveList(text, trigger.start, mentions);
    if (listed.length) return { places: listed, direct: 0.8 };
  }
  if (trigger.cls === 'fallTo' || passive) return { places: [], direct: 1 };
  const direct = listAfter(text, trigger.end, mentions);
  if (direct.length) return { places: direct, direct: 1 };
  const after = text.slice(trigger.end);
  if (anaphoraRe.test(after) && lastTown) return { places: [lastTown], direct: 0.8 };
  if (facilityAnaphoraRe.test(after) && lastTown) return { places: [{ ...lastTown, part: true }], direct: 0.8 };
  // Apposition: "retake two villages in the Donetsk region, Klishchiivka and Andriivka".
  if (wordsOf(after).slice(0, 4).some((w) => placeNouns.has(w.toLowerCase()))) {
    const end = clauseEnd(text, trigger.end);
    const comma = mentions.find((m) => m.start > trigger.end && m.end <= end && /,\s*$/.test(text.slice(trigger.end, m.start)) && /^\s*,\s*$/.test(text.slice(text.lastIndexOf(',', m.start), m.start)));
    if (comma) return { places: listAfter(text, comma.start, mentions, false), direct: 0.9 };
  }
  return { places: [], direct: 1 };
}

export function placesForIncident(text: string, trigger: Trigger, mentions: SentenceMention[], nextTrigger: number, passive: boolean) {
  if (passive) {
    // "Zaporizhzhia was shelled again overnight": the place is the passive subject.
    const before = listBefore(text, trigger.start, mentions).filter((m) => m.kind !== 'country');
    if (before.length) return before.map((m) => ({ m, precision: (m.kind === 'region' ? 3 : 1) as 1 | 2 | 3 }));
  }
  const end = Math.min(nextTrigger, clauseEnd(text.replace(/,?\s+(?:but|while|whereas|after|as)\s/gi, (s) => s), trigger.end));
  const out: { m: SentenceMention; precision: 1 | 2 | 3 }[] = [];
  let at = trigger.end;
  const consider = (m: SentenceMention, before: string) => {
    const loc = locativeBefore(before);
    if (loc === undefined || loc === 'reference') return;
    out.push({ m, precision: m.kind === 'country' || m.kind === 'region' ? 3 : loc });
  };
  for (const m of mentions) {
    if (m.start < trigger.end || m.start >= end) continue;
    consider(m, text.slice(Math.max(at, m.start - 60), m.start));
    at = m.end;
  }
  if (!out.length) {
    const start = clauseStart(text, trigger.start, false);
    for (const m of mentions) if (m.start >= start && m.end <= trigger.start) consider(m, text.slice(Math.max(start, m.start - 40), m.start));
  }
  // The most specific places win: towns over regions over countries.
  const specific = out.filter((o) => o.m.kind === 'town' || o.m.kind === 'landmark');
  return specific.length ? specific : out.filter((o) => o.m.kind === 'region');
}

