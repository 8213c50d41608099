/**
 * Links reposted entries to the entry they repeat, so the same report is not counted twice.
 * Only within one source: two outlets carrying the same wire copy are two reports.
 */
import type { Entry } from '../types.ts';

/** Letters and digits only, lower case: what stays the same when a post is pasted again. */
function fingerprint(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const MIN_REPEAT_CHARS = 60;

/**
 * Sets `duplicateOf` on entries whose text repeats an earlier entry of the same source
 * (whole, or as the start of it). The original is the entry with a printed time, else the earlier.
 * @example linkDuplicates(entries).filter((e) => e.duplicateOf).length
 */
export function linkDuplicates(entries: Entry[]): Entry[] {
  const bySource = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = bySource.get(entry.source) ?? [];
    list.push(entry);
    bySource.set(entry.source, list);
  }
  const duplicateOf = new Map<string, string>();
  for (const list of bySource.values()) {
    // A repeat shares at least its first MIN_REPEAT_CHARS with the entry it repeats, so only
    // entries with the same opening are compared: linear in the page, not quadratic.
    const byOpening = new Map<string, Array<{ entry: Entry; print: string }>>();
    for (const entry of list) {
      const print = fingerprint(entry.text);
      if (print.length < MIN_REPEAT_CHARS) continue;
      const opening = print.slice(0, MIN_REPEAT_CHARS);
      const group = byOpening.get(opening) ?? [];
      group.push({ entry, print });
      byOpening.set(opening, group);
    }
    for (const group of byOpening.values()) {
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          const [pa, pb] = [group[a].print, group[b].print];
          const [shorter, longer] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
          if (!longer.startsWith(shorter)) continue;
          const [original, copy] = preferOriginal(group[a].entry, group[b].entry);
          if (!duplicateOf.has(copy.id) && !duplicateOf.has(original.id)) duplicateOf.set(copy.id, original.id);
        }
      }
    }
  }
  return entries.map((e) => (duplicateOf.has(e.id) ? { ...e, duplicateOf: duplicateOf.get(e.id) } : e));
}

function preferOriginal(a: Entry, b: Entry): [Entry, Entry] {
  if (a.timeEstimated !== b.timeEstimated) return a.timeEstimated ? [b, a] : [a, b];
  return a.time <= b.time ? [a, b] : [b, a];
}
