/**
 * Splits the plain text of one live blog into entries: where each starts, the clock it was printed
 * with, who speaks (bylines, reader emails, tweets) and what kind of entry it is. Page furniture
 * (SMS numbers, terms, copyright) and photo tags are dropped. Times are resolved later.
 */
import furniture from '../../../data/text/furniture.json';
import { CONTROL_CLASSES, findTriggers } from '../events/event-lexicon.ts';
import { type Clock, readLeadingClock } from './clock.ts';
import { type DayHeading, readDatedClock, readDayHeading } from './day-heading.ts';
import { quoteMask, quoteSpans, quotedShare } from './split-sentences.ts';
import { zoneForWord } from '../timezone.ts';
import type { EntryKind, Warning } from '../types.ts';

/** An entry as found in the page, before its time is known. */
export interface RawEntry {
  /** Position in the page, from 0. */
  index: number;
  /** 1-based line where the entry starts. */
  line: number;
  clock?: Clock;
  /** The day heading above the entry ("Thursday 8 June"), when the page writes them. */
  day?: DayHeading;
  kind: EntryKind;
  author?: string;
  text: string;
}

export interface ParsedPage {
  entries: RawEntry[];
  /** A timezone the page states ("All times GMT"), as an IANA name. */
  statedZone?: string;
  warnings: Warning[];
}

interface Line {
  text: string;
  /** Blank lines before this one. */
  gap: number;
  number: number;
}

const FURNITURE = furniture.lines.map((p) => new RegExp(`^(?:${p})$`, 'i'));
const SUMMARY_HEADINGS = new Set(furniture.summaryHeadings);
const SPEECH_VERBS = furniture.speechVerbs as Record<string, EntryKind>;
const VERB_ALTERNATION = Object.keys(SPEECH_VERBS).join('|');
const VERB_LINE = new RegExp(`^(${VERB_ALTERNATION})\\b:?\\s*`);
const BYLINE_WITH_VERB = new RegExp(`^([^.!?:]{2,80}?)\\s+(${VERB_ALTERNATION}):\\s*(.*)$`);
const CREDIT_ONLY = new RegExp(
  `^(?:[\\p{Lu}\\p{Lu} .'-]+/)?(?:${furniture.photoCredits.map((c) => c.replace(/[/.]/g, '\\$&')).join('|')})(?:/[\\w ./-]+)?$`,
  'u',
);
const CREDIT_AT_END = new RegExp(`(?:,\\s*|\\s)(?:${furniture.photoCredits.join('|')})$`);
const DATE_IN_TEXT = /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
const PHOTO_MARK = /\bPhoto: \d{1,2} \w+ \d{4}\b|^(?:In this (?:photo|picture|image)|Pictured:|Photo:)/i;
const STATED_ZONE = /\ball times (?:are |shown |given )?(?:in )?\(?([A-Za-z.]+)\)?/i;
const BULLET = /^[•·▪◦*-]\s+/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.replace(/[\t\u00a0\u2000-\u200b]/g, ' ').trim();
    if (trimmed === '') {
      gap++;
      return;
    }
    lines.push({ text: trimmed.replace(/ {2,}/g, ' '), gap, number: i + 1 });
    gap = 0;
  });
  return lines;
}

function isSentence(text: string): boolean {
  return /[.!?"”'’:;…)\]]$/.test(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

/** A short line with no sentence punctuation: a byline, a heading or a photo tag. */
function isShortLabel(text: string, maxWords = 12): boolean {
  return !isSentence(text) && wordCount(text) <= maxWords && !BULLET.test(text);
}

/** A headline that reports a change of control: "Insurgents capture Konna", "Rebels retake Goma". */
function isHeadlineReport(text: string): boolean {
  return findTriggers(text).some((t) => CONTROL_CLASSES.has(t.cls));
}

function isCaption(text: string): boolean {
  if (PHOTO_MARK.test(text)) return true;
  // Bullet points often end without a full stop; they are list items, not captions.
  if (isSentence(text) || VERB_LINE.test(text) || BULLET.test(text)) return false;
  // Body text ends its sentences; a long line that never does is a caption run together.
  return CREDIT_AT_END.test(text) || (wordCount(text) > 8 && DATE_IN_TEXT.test(text)) || wordCount(text) > 20;
}

function isFurniture(text: string): boolean {
  const bare = text.replace(BULLET, '').trim();
  return FURNITURE.some((pattern) => pattern.test(bare));
}

interface Draft {
  line: number;
  clock?: Clock;
  day?: DayHeading;
  kind: EntryKind;
  author?: string;
  parts: Array<{ text: string; gap: number }>;
}

/**
 * Splits one live blog's plain text into raw entries in page order.
 * @example parseEntries('17:55 Coverage ends.\n\n16:35 Rebels retake the town.').entries.length // 2
 */
export function parseEntries(text: string): ParsedPage {
  const lines = splitLines(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const warnings: Warning[] = [];
  let statedZone: string | undefined;

  // A stamp may write the post's date before its clock ("May 17, 2022 07:19 AM IST"): the date
  // sets the day of the entry it starts, as a day heading would.
  const dated = lines.map((line) => {
    const d = readDatedClock(line.text);
    const clock = d ? readLeadingClock(d.rest) : undefined;
    return d && clock?.kind === 'clock' ? { day: d.day, clock } : undefined;
  });
  const clocks = lines.map((line, i) => dated[i]?.clock ?? readLeadingClock(line.text));
  const clockCount = clocks.filter((c) => c?.kind === 'clock').length;
  const bigGaps = lines.filter((line) => line.gap >= 2).length >= 3;
  // With neither clocks nor wide gaps to show where entries start, every paragraph is one.
  const paragraphEntries = clockCount < 2 && !bigGaps;

  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let inSummary = false;
  let breakNext = true;
  let day: DayHeading | undefined;

  const start = (line: Line, kind: EntryKind, extra: Partial<Draft> = {}): Draft => {
    current = { line: line.number, kind, parts: [], ...(day ? { day } : {}), ...extra };
    drafts.push(current);
    breakNext = false;
    return current;
  };
  const nextLine = (i: number) => lines[i + 1];

  lines.forEach((line, i) => {
    const zoneMatch = STATED_ZONE.exec(line.text);
    if (zoneMatch && wordCount(line.text.replace(BULLET, '')) <= 6) {
      statedZone ??= zoneForWord(zoneMatch[1]);
      return;
    }
    if (!dated[i] && isFurniture(line.text)) return;
    // A line that is only a date starts that day's entries; it is no entry itself.
    const heading = clocks[i] ? undefined : readDayHeading(line.text);
    if (heading) {
      day = heading;
      inSummary = false;
      breakNext = true;
      return;
    }

    const found = clocks[i];
    if (found) {
      inSummary = false;
      if (dated[i]) day = dated[i]!.day;
      const rest = found.rest;
      const kind = PHOTO_MARK.test(rest) ? 'caption' : 'report';
      const draft = start(line, kind, found.kind === 'clock' ? { clock: found.clock } : {});
      if (found.kind === 'invalid') {
        warnings.push({
          code: 'invalid-time',
          message: `line ${line.number}: "${found.raw}" is not a time of day; the entry's time is estimated`,
          hint: 'Correct the time in the text, or leave it out.',
        });
      }
      const next = nextLine(i);
      if (rest && isShortLabel(rest) && next && VERB_LINE.test(next.text)) draft.author = rest;
      else if (rest) draft.parts.push({ text: rest, gap: 0 });
      return;
    }

    const bare = line.text.replace(BULLET, '');
    if (SUMMARY_HEADINGS.has(bare.toLowerCase().replace(/[:.]$/, ''))) {
      start(line, 'summary');
      inSummary = true;
      return;
    }
    const isBullet = BULLET.test(line.text);
    if (inSummary && !isBullet) inSummary = false;
    else if (inSummary) {
      current!.parts.push({ text: line.text, gap: line.gap });
      return;
    }
    if (isBullet && drafts.length === 0) {
      start(line, 'summary').parts.push({ text: line.text, gap: 0 });
      inSummary = true;
      return;
    }

    // Photo tags and credits ("Frontline Ukraine" / "Reuters") travel with captions and carry no news.
    const next = nextLine(i);
    if (CREDIT_ONLY.test(line.text)) return;
    if (isShortLabel(line.text, 8) && next && next.gap === 0 && (CREDIT_ONLY.test(next.text) || isCaption(next.text))) return;

    // The first line under a bare clock is its entry's headline, however long, unless it says photo.
    const headline = current?.clock && current.parts.length === 0 && !current.author && !PHOTO_MARK.test(line.text);
    if (!headline && isCaption(line.text)) {
      start(line, 'caption').parts.push({ text: line.text, gap: 0 });
      breakNext = true;
      return;
    }

    const inline = BYLINE_WITH_VERB.exec(line.text);
    // "AA from Mosul emails:" with the message below it; "X says: …" inside a line is a sentence.
    if (inline && !inline[3] && isShortLabel(inline[1])) {
      start(line, SPEECH_VERBS[inline[2]], { author: inline[1] }).parts.push({ text: `${inline[2]}:`, gap: 0 });
      return;
    }
    if (isShortLabel(line.text) && next && VERB_LINE.test(next.text)) {
      start(line, 'report', { author: line.text });
      return;
    }
    const verb = VERB_LINE.exec(line.text);
    if (verb && current && current.author && (current.parts.length === 0 || current.parts[0].text === `${verb[1]}:`)) {
      if (current.kind === 'report') current.kind = SPEECH_VERBS[verb[1]];
      current.parts.push({ text: line.text, gap: 0 });
      return;
    }
    const boundary = breakNext || !current || paragraphEntries || (bigGaps && line.gap >= 2) || inSummary;
    if (boundary) {
      start(line, verb ? SPEECH_VERBS[verb[1]] : 'report');
    }
    current!.parts.push({ text: line.text, gap: line.gap });
  });

  const entries: RawEntry[] = [];
  for (const draft of drafts) {
    const body = draft.parts.map((p, k) => (k === 0 ? '' : p.gap > 0 ? '\n\n' : '\n') + p.text).join('');
    const text = draft.author ? `${draft.author}\n${body}` : body;
    if (body.trim() === '') {
      // A lone heading (the page title) or a clock with nothing after it.
      if (draft.clock) {
        warnings.push({ code: 'empty-entry', message: `line ${draft.line}: entry "${draft.clock.raw}" has no text; skipped` });
      }
      continue;
    }
    // A lone short line is a heading or a tag, unless it reports a change: "Rebels retake Konna".
    if (!draft.clock && draft.parts.length === 1 && isShortLabel(text, 8) && draft.kind === 'report' && !isHeadlineReport(text)) continue;
    const kind = draft.kind === 'report' && isQuotation(body) ? 'quote' : draft.kind;
    const entry: RawEntry = { index: entries.length, line: draft.line, clock: draft.clock, kind, author: draft.author, text };
    if (draft.day) entry.day = draft.day;
    entries.push(entry);
  }
  return { entries, statedZone, warnings };
}

/** Unquoted words an entry that is a quotation may have: who said it, where, when. */
const ATTRIBUTION_WORDS = 12;

/**
 * An entry that is a quotation: it opens with a quotation mark, and besides the quote it has no
 * more than an attribution or is mostly quoted. A page that opens a paragraph with a quote and
 * goes on to report ('"…," the paper writes. Troops took the village …') is a report.
 */
function isQuotation(body: string): boolean {
  if (!/^["“]/.test(body)) return false;
  const mask = quoteMask(body, quoteSpans(body));
  let unquoted = '';
  for (let i = 0; i < body.length; i++) unquoted += mask[i] ? ' ' : body[i];
  const words = unquoted.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return words <= ATTRIBUTION_WORDS || quotedShare(body, 0, body.length, mask) >= 0.5;
}
