/**
 * Decisions on the review queue, one per event: which is in force, and recording a new one. Only
 * type imports from the pipeline, so the store (in the main bundle) stays small; the review's own
 * chunk brings the rest (`review-queue.ts`).
 */
import type { Decision } from '../pipeline/review/corrections.ts';
import type { EventKey } from '../pipeline/review/event-key.ts';

/** Whether two keys name the same event (the time only breaks ties, so it is not compared). */
export function sameKey(a: EventKey, b: EventKey): boolean {
  return a.source === b.source && a.sentence === b.sentence && (a.place ?? '') === (b.place ?? '') && (a.kind ?? '') === (b.kind ?? '');
}

/**
 * The decision in force on an event: the last one naming its key (as `ingest` applies them).
 * @example decisionFor(decisions, queue[0].key)?.action // 'reject'
 */
export function decisionFor(decisions: Decision[], key: EventKey): Decision | undefined {
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i];
    if (d.action !== 'add' && sameKey(d.event, key)) return d;
  }
  return undefined;
}

/**
 * Records a decision: an earlier one on the same event is replaced, so the file holds one per event.
 * @example withDecision([], { action: 'accept', event: key, by: 'Ana', at: '2025-03-02T10:00:00Z' }).length // 1
 */
export function withDecision(decisions: Decision[], decision: Decision): Decision[] {
  if (decision.action === 'add') return [...decisions, decision];
  return [...decisions.filter((d) => d.action === 'add' || !sameKey(d.event, decision.event)), decision];
}
