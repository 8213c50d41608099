/**
 * Links reposted entries to the entry they repeat, so the same report is not counted twice.
 * Only within one source: two outlets carrying the same wire copy are two reports.
 */
import type { Entry } from './types.ts';

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
    const prints = list.map((e) => fingerprint(e.text));
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const [pa, pb] = [prints[a], prints[b]];
        const shorter = pa.length <= pb.length ? pa : pb;
        if (shorter.length < MIN_REPEAT_CHARS) continue;
        const longer = shorter === pa ? pb : pa;
        if (!longer.startsWith(shorter)) continue;
        const [original, copy] = preferOriginal(list[a], list[b]);
        if (!duplicateOf.has(copy.id) && !duplicateOf.has(original.id)) duplicateOf.set(copy.id, original.id);
      }
    }
  }
  return entries.map((e) => (duplicateOf.has(e.id) ? { ...e, duplicateOf: duplicateOf.get(e.id) } : e));
}

function preferOriginal(a: Entry, b: Entry): [Entry, Entry] {
  if (a.timeEstimated !== b.timeEstimated) return a.timeEstimated ? [b, a] : [a, b];
  return a.time <= b.time ? [a, b] : [b, a];
}
