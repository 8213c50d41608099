/**
 * A newsroom's decisions applied to the extracted events, before control timelines are built, so a
 * rejected change never changes who holds a place and an edited actor does. Every event comes out
 * with its review state; a decision that no longer finds its event (the sentence changed or stopped
 * reporting one) becomes a warning naming its key and what to do, never a silent drop.
 */
import type { ActorRegistry, RegistryActor } from '../events/actors.ts';
import { deriveActor } from '../events/actors.ts';
import { precisionOf, reportWindow, type TimeWindow } from '../events/event-time.ts';
import { compareEvents, type EventCandidate, type MergedEvent } from '../events/merge-events.ts';
import { splitSentences } from '../entries/split-sentences.ts';
import type { Entry, PlaceFeature, ReviewState, Warning } from '../types.ts';
import type { ActorRef, AddDecision, Corrections, Decision, EditStatus, TimeEdit } from './corrections.ts';
import { formatKey, normaliseSentence, sentenceHash, type EventKey } from './event-key.ts';

/** What applying decisions needs to know about the story. */
export interface ReviewContext {
  entries: Entry[];
  /** The story's places by id (places named by corrections already added, see `correctionPlaces`). */
  places: Map<string, PlaceFeature>;
  registry: ActorRegistry;
  /** Time each entry speaks for (ms), as the events step computes it. */
  asOf: Map<string, number>;
}

export interface ReviewOptions {
  /** Keep only events a decision covers (the story's `reviewedOnly`). */
  reviewedOnly?: boolean;
}

/** Events after the decisions, each with its review state and an editor's status when one was set. */
export interface ReviewedEvents {
  events: MergedEvent[];
  review: ReviewState[];
  status: (EditStatus | undefined)[];
  warnings: Warning[];
}

const REDO = 'review the event again in the new text and record a new decision, or delete this one from the corrections file';

/** `decisions[3] (reject by Ana)`: how messages name a decision. */
const label = (d: Decision, i: number) => `decisions[${i}] (${d.action} by ${d.by})`;

/** Events (indexes) one key points to: source and sentence hash, narrowed by place and kind, ties broken by the entry's time. */
function findEvents(key: EventKey, merged: MergedEvent[], hashes: Map<EventCandidate, string>, times: Map<string, string>): number[] {
  const hits: number[] = [];
  const onTime: number[] = [];
  merged.forEach((e, i) => {
    if ((key.place && e.placeId !== key.place) || (key.kind && e.kind !== key.kind)) return;
    const same = e.candidates.filter((c) => c.sourceId === key.source && hashes.get(c) === key.sentence);
    if (!same.length) return;
    hits.push(i);
    if (same.some((c) => times.get(c.entryId) === key.time)) onTime.push(i);
  });
  return hits.length > 1 && onTime.length ? onTime : hits;
}

function findActor(ref: ActorRef, registry: ActorRegistry, merged: MergedEvent[]): RegistryActor | undefined {
  if (typeof ref !== 'string') {
    const known = registry.actors.find((a) => a.name.toLowerCase() === ref.name.toLowerCase());
    if (known) return known;
    const derived = deriveActor(ref.name);
    return ref.color ? { ...derived, color: ref.color } : derived;
  }
  return registry.get(ref) ?? merged.flatMap((e) => e.actors).find((a) => a.id === ref);
}

function findPlace(ref: string, places: Map<string, PlaceFeature>): PlaceFeature | undefined {
  return places.get(ref) ?? [...places.values()].find((p) => p.properties.origin === ref);
}

function windowOf(time: TimeEdit): TimeWindow {
  const start = Date.parse(time.start);
  const end = Date.parse(time.end);
  return { start, end, best: Math.round((start + end) / 2), precision: time.precision ?? precisionOf(end - start), bounded: true };
}

const actorList = (actor: RegistryActor | undefined, from: RegistryActor | undefined) => [actor, from].filter((a): a is RegistryActor => !!a);

/** The event a missed change's decision describes, or why it cannot be built. */
function addedEvent(d: AddDecision, context: ReviewContext, merged: MergedEvent[]): MergedEvent | string {
  const { evidence } = d;
  const found: { entry: Entry; sentence: string }[] = [];
  for (const entry of context.entries) {
    if (entry.source !== evidence.source) continue;
    for (const s of splitSentences(entry.text)) if (sentenceHash(s.text) === evidence.sentence) found.push({ entry, sentence: s.text });
  }
  const hit = found.find((f) => f.entry.time === evidence.time) ?? found[0];
  if (!hit) return `no entry of ${evidence.source} has the sentence #${evidence.sentence} any more`;
  if (!normaliseSentence(hit.sentence).includes(normaliseSentence(evidence.text))) return `the sentence no longer contains the selected words "${evidence.text}"`;
  const place = findPlace(d.place, context.places);
  if (!place) return `place "${d.place}" is neither a place of the story nor in the gazetteer`;
  const actor = findActor(d.actor, context.registry, merged);
  if (!actor) return `actor "${String(d.actor)}" is not in the story's actor registry`;
  const from = d.from ? findActor(d.from, context.registry, merged) : undefined;
  if (d.from && !from) return `actor "${String(d.from)}" is not in the story's actor registry`;
  const reportMs = context.asOf.get(hit.entry.id) ?? Date.parse(hit.entry.time);
  const window = d.time ? windowOf(d.time) : reportWindow(reportMs);
  const placePrecision: 1 | 2 | 3 = place.properties.kind === 'town' || place.properties.kind === 'landmark' ? 1 : 3;
  const candidate: EventCandidate = {
    kind: 'control', trigger: 'capture', placeId: place.properties.id, placePrecision, actor, from, fromExplicit: !!from,
    actors: actorList(actor, from), hedged: false, directness: 1, window, entryId: hit.entry.id, sourceId: hit.entry.source, reportMs, quote: hit.sentence,
  };
  return {
    kind: 'control', placeId: candidate.placeId, placePrecision, actor, from, fromExplicit: !!from, actors: candidate.actors, window, reportedAt: reportMs,
    entries: [hit.entry.id], quotes: [hit.sentence], sources: [hit.entry.source], origins: 1, claimed: d.status === 'claimed', hedged: false, directness: 1, candidates: [candidate],
  };
}

/**
 * Applies a corrections file to merged events: rejected events go, edited ones change (place, actor,
 * time window, status), missed changes are added from their evidence sentence. Every event gets a
 * review state; with `reviewedOnly`, unreviewed events go too.
 * When several decisions point at one event, the last in the file wins and the others are reported.
 * @example const { events, review, warnings } = applyCorrections(merged, corrections, { entries, places, registry, asOf });
 */
export function applyCorrections(merged: MergedEvent[], corrections: Corrections | undefined, context: ReviewContext, options: ReviewOptions = {}): ReviewedEvents {
  const warnings: Warning[] = [];
  const hashes = new Map<EventCandidate, string>();
  for (const e of merged) for (const c of e.candidates) hashes.set(c, sentenceHash(c.quote));
  const times = new Map(context.entries.map((e) => [e.id, e.time]));
  const decided = new Map<number, { decision: Decision; index: number }>();
  const added: { event: MergedEvent; decision: AddDecision }[] = [];
  const warn = (code: string, d: Decision, i: number, message: string, hint = REDO) =>
    warnings.push({ code, message: `corrections ${label(d, i)}: ${message}`, ...('event' in d ? { source: d.event.source } : { source: d.evidence.source }), hint });

  (corrections?.decisions ?? []).forEach((d, i) => {
    if (d.action === 'add') {
      const built = addedEvent(d, context, merged);
      if (typeof built === 'string') warn('correction-unattached', d, i, `the missed change from ${formatKey(d.evidence)} could not be added: ${built}`);
      else added.push({ event: built, decision: d });
      return;
    }
    const hits = findEvents(d.event, merged, hashes, times);
    if (!hits.length) {
      warn('correction-unattached', d, i, `no event comes from the sentence ${formatKey(d.event)} any more (the sentence changed, or no longer reports an event there)`);
      return;
    }
    if (hits.length > 1) {
      warn('correction-ambiguous', d, i, `the key ${formatKey(d.event)} fits ${hits.length} events; not applied`, 'add the event\'s place and kind to the key');
      return;
    }
    const before = decided.get(hits[0]);
    if (before) warn('correction-superseded', before.decision, before.index, `a later decision, ${label(d, i)}, on the same event replaces it`, 'keep one decision per event');
    decided.set(hits[0], { decision: d, index: i });
  });

  const out: { event: MergedEvent; review: ReviewState; status?: EditStatus }[] = [];
  merged.forEach((e, i) => {
    const entry = decided.get(i);
    const d = entry?.decision;
    if (!d) {
      if (!options.reviewedOnly) out.push({ event: e, review: 'unreviewed' });
      return;
    }
    if (d.action === 'reject') return;
    if (d.action !== 'edit') {
      out.push({ event: e, review: 'accepted' });
      return;
    }
    const edited: MergedEvent = { ...e };
    const { set } = d;
    // Only a field that could be applied makes the event edited.
    let changed = !!set.time || !!set.status;
    if (set.place) {
      const place = findPlace(set.place, context.places);
      if (place) {
        edited.placeId = place.properties.id;
        changed = true;
      }
      else warn('correction-unattached', d, entry.index, `place "${set.place}" is neither a place of the story nor in the gazetteer; the place is kept`, 'give a place id of the story or a gazetteer origin such as geonames:98182');
    }
    if (set.actor) {
      const actor = findActor(set.actor, context.registry, merged);
      if (!actor) {
        warn('correction-unattached', d, entry.index, `actor "${String(set.actor)}" is not in the story's actor registry; the actor is kept`, 'give an actor id of the story, or {"name": …} for a new actor');
      } else if (e.kind === 'control') {
        changed = true;
        edited.actor = actor;
        if (edited.from?.id === actor.id) edited.from = undefined;
        edited.actors = actorList(actor, edited.from);
      } else {
        changed = true;
        edited.actor = actor;
        edited.actors = [actor, ...e.actors.filter((a) => a.id !== actor.id && a.id !== e.actor?.id)];
      }
    }
    if (set.time) edited.window = windowOf(set.time);
    if (set.status === 'claimed') edited.claimed = true;
    if (set.status === 'confirmed') edited.claimed = false;
    if (changed) out.push({ event: edited, review: 'edited', status: set.status });
    else if (!options.reviewedOnly) out.push({ event: e, review: 'unreviewed' });
  });
  for (const a of added) out.push({ event: a.event, review: 'added', status: a.decision.status });

  out.sort((a, b) => compareEvents(a.event, b.event));
  return { events: out.map((o) => o.event), review: out.map((o) => o.review), status: out.map((o) => o.status), warnings };
}
