/**
 * One event from many reports: candidates (one per clause, place and entry) that describe the same
 * thing — same place, same kind, same new holder, time windows that overlap — become one event
 * citing every entry. Time words narrow the window; reports without one only bound its end.
 */
import type { RegistryActor } from './actors.ts';
import { countOrigins } from './agencies.ts';
import type { ClauseEvent } from './event-clauses.ts';
import { LOOKBACK_MS, precisionOf, type TimeWindow } from './event-time.ts';
import type { EventKind, TimePrecision } from '../types.ts';

/** A clause event with where and when it was reported. */
export interface EventCandidate extends ClauseEvent {
  window: TimeWindow;
  entryId: string;
  sourceId: string;
  /** When the entry was published (ms). */
  reportMs: number;
  /** The sentence, as printed. */
  quote: string;
}

/** Candidates merged into one event, before ids, summaries and confidence. */
export interface MergedEvent {
  kind: EventKind;
  placeId: string;
  placePrecision: 1 | 2 | 3;
  actor?: RegistryActor;
  from?: RegistryActor;
  fromExplicit: boolean;
  actors: RegistryActor[];
  window: TimeWindow;
  reportedAt: number;
  /** Entry ids in report order, with the quote from each. */
  entries: string[];
  quotes: string[];
  sources: string[];
  /** Independent origins: outlets, with outlets repeating the same agency counted once. */
  origins: number;
  claimed: boolean;
  claimant?: RegistryActor;
  hedged: boolean;
  directness: number;
  candidates: EventCandidate[];
}

/** Tolerance when deciding that two windows are "near". */
const NEAR_MS = 6 * 3600_000;

const plausible = (c: EventCandidate): [number, number] => [c.window.bounded ? c.window.start : c.window.end - LOOKBACK_MS, c.window.end];

function groupKey(c: EventCandidate): string {
  return c.kind === 'control' ? `${c.placeId}|control|${c.actor?.id}` : `${c.placeId}|${c.kind}`;
}

function mostCommon<T>(items: T[], key: (t: T) => string): T | undefined {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  let best: T | undefined;
  for (const t of items) if (!best || counts.get(key(t))! > counts.get(key(best))!) best = t;
  return best;
}

function mergeWindow(cs: EventCandidate[]): TimeWindow {
  const end = Math.min(...cs.map((c) => c.window.end));
  const bounded = cs.filter((c) => c.window.bounded).sort((a, b) => a.window.end - a.window.start - (b.window.end - b.window.start));
  if (!bounded.length) return { start: end - LOOKBACK_MS, end, best: end, precision: 'day', bounded: false };
  const narrowest = bounded[0];
  const start = Math.max(...bounded.map((c) => c.window.start));
  if (start >= end) return narrowest.window;
  const best = Math.min(end, Math.max(start, narrowest.window.best));
  const precision: TimePrecision = precisionOf(end - start);
  return { start, end, best, precision, label: narrowest.window.label, bounded: true };
}

function toEvent(cs: EventCandidate[]): MergedEvent {
  cs.sort((a, b) => a.reportMs - b.reportMs || a.entryId.localeCompare(b.entryId));
  const entries: string[] = [];
  const quotes: string[] = [];
  const sources: string[] = [];
  for (const c of cs) {
    if (!entries.includes(c.entryId)) {
      entries.push(c.entryId);
      quotes.push(c.quote);
    }
    if (!sources.includes(c.sourceId)) sources.push(c.sourceId);
  }
  const explicit = cs.filter((c) => c.fromExplicit && c.from);
  const fromPick = mostCommon(explicit.length ? explicit : cs.filter((c) => c.from), (c) => c.from!.id);
  const actorPick = mostCommon(cs.filter((c) => c.actor), (c) => c.actor!.id);
  const actors: RegistryActor[] = [];
  for (const a of [actorPick?.actor, fromPick?.from, ...cs.flatMap((c) => c.actors)]) {
    if (a && !actors.some((b) => b.id === a.id)) actors.push(a);
  }
  const claimed = cs.every((c) => c.claimant);
  return {
    kind: cs[0].kind,
    placeId: cs[0].placeId,
    placePrecision: Math.min(...cs.map((c) => c.placePrecision)) as 1 | 2 | 3,
    actor: actorPick?.actor,
    from: fromPick?.from,
    fromExplicit: explicit.length > 0,
    actors,
    window: mergeWindow(cs),
    reportedAt: cs[0].reportMs,
    entries,
    quotes,
    sources,
    origins: countOrigins(cs),
    claimed,
    claimant: claimed ? cs[0].claimant : undefined,
    hedged: cs.every((c) => c.hedged),
    directness: Math.max(...cs.map((c) => c.directness)),
    candidates: cs,
  };
}

/**
 * Merges candidates that report the same event: same place and kind (and, for control, the same
 * new holder) with time windows that overlap or lie within six hours of each other.
 * Output is sorted by best time, then place, kind and actor.
 * @example mergeCandidates([ibtimesRetake, bbcRetake]).length // 1
 */
export function mergeCandidates(candidates: EventCandidate[]): MergedEvent[] {
  const groups = new Map<string, EventCandidate[]>();
  for (const c of candidates) {
    const key = groupKey(c);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(c);
  }
  const out: MergedEvent[] = [];
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key)!.sort((a, b) => a.window.end - b.window.end || a.entryId.localeCompare(b.entryId));
    const clusters: { span: [number, number]; items: EventCandidate[] }[] = [];
    for (const c of list) {
      const [s, e] = plausible(c);
      // Control changes are rare and re-reported loosely: near windows merge. Incidents repeat: only overlapping ones do.
      const near = c.kind === 'control' ? NEAR_MS : 0;
      const hit = clusters.find((k) => s <= k.span[1] + near && k.span[0] <= e + near);
      if (hit) {
        const start = Math.max(hit.span[0], s);
        const end = Math.min(hit.span[1], e);
        if (start <= end) hit.span = [start, end];
        hit.items.push(c);
      } else {
        clusters.push({ span: [s, e], items: [c] });
      }
    }
    for (const k of clusters) out.push(toEvent(k.items));
  }
  return out.sort(compareEvents);
}

/**
 * The order of merged events: best time, then place, kind and actor (also used after corrections).
 * @example events.sort(compareEvents)
 */
export function compareEvents(a: MergedEvent, b: MergedEvent): number {
  return a.window.best - b.window.best || a.placeId.localeCompare(b.placeId) || a.kind.localeCompare(b.kind) || (a.actor?.id ?? '').localeCompare(b.actor?.id ?? '');
}
