/**
 * Reads the clock a live-blog entry starts with: `17:55`, `16.10`, `4:37`, `16:50:`,
 * `UPDATE 1725 GMT:`, `12.42 p.m.`, `8:00 p.m. ET`, or an exact instant marked by the HTML reader.
 */
import { AMBIGUOUS_ZONE_WORDS, ZONE_WORDS, zoneForWord } from '../timezone.ts';

/** A clock time as printed at the start of an entry. */
export interface Clock {
  /** The text as printed, e.g. `UPDATE 1725 GMT`. */
  raw: string;
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
  /** IANA zone of a timezone word printed with the time. */
  zone?: string;
  /** An exact UTC instant (from `<time datetime>` or JSON-LD), in ms. */
  instant?: number;
  /** True when the hour could be a.m. or p.m. (`4:37` with no a.m./p.m.). */
  ambiguous: boolean;
  /** The page's own id of the post this instant starts (`⟦instant|id⟧`). */
  ref?: string;
}

export type LeadingClock =
  | { kind: 'clock'; clock: Clock; rest: string }
  | { kind: 'invalid'; raw: string; rest: string };

/**
 * Marks an exact instant in text produced from HTML: `⟦2014-06-13T15:35:00Z⟧`, or with the page's
 * own id of the post after a bar: `⟦2014-06-13T15:35:00Z|post-12⟧`.
 */
export const INSTANT_OPEN = '⟦';
export const INSTANT_CLOSE = '⟧';
export const INSTANT_REF = '|';

/** An instant marker, with the post's id when there is one (bars and closing brackets taken out of it). */
export function instantMarker(instant: string, ref?: string): string {
  const id = ref?.replace(/[|⟦⟧\s]+/g, ' ').trim().slice(0, 200);
  return `${INSTANT_OPEN}${instant}${id ? `${INSTANT_REF}${id}` : ''}${INSTANT_CLOSE}`;
}

const zoneAlternation = ZONE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

const CLOCK = new RegExp(
  String.raw`^(?<update>(?:update[ds]?|breaking|posted(?: at)?)\s*:?\s*)?` +
    String.raw`(?<h>\d{1,2})(?:(?<sep>[:.])(?<m>\d{2})(?::\d{2}(?=\D|$))?|(?<m2>\d{2})(?=\s*(?:h|hrs|${zoneAlternation})\b))` +
    String.raw`(?:\s*(?<mer>[ap])\.?\s?m\b\.?)?` +
    String.raw`(?:\s*(?:hrs?\b|h\b))?` +
    String.raw`(?:\s*\(?(?<zone>${zoneAlternation})\)?(?![\w]))?` +
    String.raw`(?:\s*\(?(?<vague>${AMBIGUOUS_ZONE_WORDS.join('|')})\)?(?![\w]))?` +
    String.raw`(?<trail>\s*\.?\s*[:\-–—|]+(?=\s|$))?` +
    String.raw`(?<rest>\s.*|$)`,
  'i',
);

const INSTANT = new RegExp(`^${INSTANT_OPEN}([^${INSTANT_CLOSE}]+)${INSTANT_CLOSE}\\s*(.*)$`, 's');

/**
 * Reads a clock at the start of a line. Returns undefined when the line does not start with one,
 * and `invalid` for a clock-shaped token that is no time of day (`25:99`).
 * @example readLeadingClock('16.10 Iraqi foreign minister…') // { kind: 'clock', clock: { hour: 16, minute: 10, … }, rest: 'Iraqi foreign minister…' }
 */
export function readLeadingClock(line: string): LeadingClock | undefined {
  const instant = INSTANT.exec(line);
  if (instant) {
    const bar = instant[1].indexOf(INSTANT_REF);
    const raw = bar < 0 ? instant[1] : instant[1].slice(0, bar);
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) return { kind: 'invalid', raw, rest: instant[2] };
    const clock: Clock = { raw, hour: 0, minute: 0, instant: ms, ambiguous: false };
    if (bar >= 0) clock.ref = instant[1].slice(bar + 1);
    return { kind: 'clock', clock, rest: instant[2] };
  }
  const match = CLOCK.exec(line);
  if (!match?.groups) return undefined;
  const g = match.groups;
  const minuteText = g.m ?? g.m2;
  const rest = g.rest.trim();
  const marked = Boolean(g.update || g.mer || g.zone || g.vague || g.trail);
  // "3.5 million" or "10 Scan Eagle" are not clocks: an unmarked time must be followed by a
  // capitalised word, a quotation, or nothing.
  if (!marked && rest && !/^[\p{Lu}\p{N}"'“‘(@#•\[]/u.test(rest)) return undefined;
  if (g.m2 && !g.update && !g.zone) return undefined;
  const raw = line.slice(0, line.length - g.rest.length).replace(/[\s:\-–—|]+$/, '').trim();
  const hour = Number(g.h);
  const minute = Number(minuteText);
  const meridiem = g.mer ? (g.mer.toLowerCase() === 'a' ? 'am' : 'pm') : undefined;
  const valid = minute <= 59 && (meridiem ? hour >= 1 && hour <= 12 : hour <= 23);
  if (!valid) return { kind: 'invalid', raw, rest };
  const zone = g.zone ? zoneForWord(g.zone) : undefined;
  // A two-digit hour with a leading zero ("04:37") or above 12 is a 24-hour clock.
  const ambiguous = !meridiem && hour >= 1 && hour <= 11 && !g.h.startsWith('0');
  return { kind: 'clock', clock: { raw, hour, minute, meridiem, zone, ambiguous }, rest };
}

/** Minutes after midnight for a clock read as printed (a.m./p.m. applied; ambiguous → a.m.). */
export function clockMinutes(clock: Clock): number {
  let hour = clock.hour % 12;
  if (clock.meridiem === 'pm') hour += 12;
  else if (!clock.meridiem) hour = clock.hour;
  return hour * 60 + clock.minute;
}

/**
 * Clock references inside text, e.g. "(see 12:17 entry)", with the words just before them.
 * @example findClockReferences('Mr Colville (see 12:17 entry) adds') // [{ minutes: 737, before: 'Mr Colville' }]
 */
export function findClockReferences(text: string): Array<{ minutes: number; before: string }> {
  const found: Array<{ minutes: number; before: string }> = [];
  const pattern = /\(?\bsee (?:our |the )?(\d{1,2})[:.](\d{2})\s*(?:GMT|BST|UTC)?\s*(?:entry|post|update)\)?/gi;
  for (const match of text.matchAll(pattern)) {
    const hour = Number(match[1]);
    const minute = Number(match[2]);
    if (hour > 23 || minute > 59) continue;
    const before = text.slice(Math.max(0, match.index - 60), match.index).trim();
    found.push({ minutes: hour * 60 + minute, before });
  }
  return found;
}
