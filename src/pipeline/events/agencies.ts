/**
 * Which news agency a sentence attributes its news to ("…, Reuters reports", "told AFP"), from
 * `data/lexicon/agencies.json`. Outlets repeating one agency's report are one origin: the event
 * rules count origins, not outlets, before calling a report confirmed.
 */
import lexicon from '../../../data/lexicon/agencies.json';
import { escapeRe } from './event-lexicon.ts';

const byName = new Map<string, string>();
for (const a of lexicon.agencies) for (const name of a.names) byName.set(name, a.id);
// Case-sensitive whole words, longest names first ("Interfax-Ukraine" before "Interfax").
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${[...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\p{L}\\p{N}-])`,
  'gu',
);

/**
 * The one agency a sentence names, if it names exactly one (two agencies in a sentence say
 * nothing about where this news came from).
 * @example agencyOf('Ukrainian forces retook Robotyne, Reuters reported.') // 'reuters'
 */
export function agencyOf(sentence: string): string | undefined {
  const found = new Set([...sentence.matchAll(pattern)].map((m) => byName.get(m[0])!));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Independent origins among reports: an agency a report names, else the outlet. Two outlets
 * quoting Reuters are one origin; Reuters and an outlet's own reporter are two.
 */
export function countOrigins(reports: { sourceId: string; quote: string }[]): number {
  const origin = (r: { sourceId: string; quote: string }) => {
    const agency = agencyOf(r.quote);
    return agency ? `agency:${agency}` : `outlet:${r.sourceId}`;
  };
  return new Set(reports.map(origin)).size;
}
