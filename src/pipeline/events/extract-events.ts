/**
 * Entries with place mentions → events and control timelines: the second half of the pipeline.
 * Sentence by sentence (quotes ignored), the clause rules find candidates; candidates from several
 * entries and outlets merge into events; control events make each place's timeline.
 */
import { distance } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import { findActors, NEUTRAL_COLOR, resolveActor, type ActorRegistry, type RegistryActor } from './actors.ts';
import { buildEventFeatures } from './event-features.ts';
import { buildTimelines, type TimelineEvent } from '../control/control-timeline.ts';
import { parseSentence, type ClauseEvent, type SentenceMention } from './event-clauses.ts';
import { attributionRe, findTriggers } from './event-lexicon.ts';
import { findTimeCue, resolveTimeWindow } from './event-time.ts';
import { mergeCandidates, type EventCandidate } from './merge-events.ts';
import { applyCorrections } from '../review/apply-corrections.ts';
import type { Corrections } from '../review/corrections.ts';
import { quoteMask, quoteSpans, quotedShare, splitSentences } from '../entries/split-sentences.ts';
import type { Actor, Entry, EventProperties, PlaceFeature, PlaceProperties, Source, Warning } from '../types.ts';

/** What the events step reads. */
export interface ExtractInput {
  entries: Entry[];
  places: FeatureCollection<Point, PlaceProperties>;
  sources: Source[];
}

/** What the events step returns. */
export interface ExtractResult {
  events: FeatureCollection<Point, EventProperties>;
  /** The input places with `timeline` filled and `role` set to `theatre` where events happen. */
  places: FeatureCollection<Point, PlaceProperties>;
  /** Actors referenced by events, in registry order (derived groups last). */
  actors: Actor[];
  warnings: Warning[];
}

export interface ExtractOptions {
  /** A sentence counts as a quote when at least this share of it is inside quotation marks. */
  quoteShare?: number;
  /** The newsroom's decisions, applied before control timelines are built (docs/review.md). */
  corrections?: Corrections;
  /** Keep only events a decision covers. */
  reviewedOnly?: boolean;
  /**
   * The story's theatre countries (ISO2), main one first. A change of control at a lone town of
   * another country far from the main theatre is a wrong reading of a name and is dropped.
   */
  theatre?: string[];
}

/** How far from the main theatre a lone town of another country may still change hands (cross-border fighting). */
const FAR_FROM_THEATRE_KM = 500;

/**
 * Candidates whose change of control is at the only place of its country in the story, outside the
 * main theatre country and more than `FAR_FROM_THEATRE_KM` from all the story's places there:
 * "the districts of Ain, …" in a story of Yemen read as Al Ain in the Emirates. A second country
 * the story names several places of (Kursk in a story of Ukraine), or a town across the border,
 * stays.
 */
function farFromTheatre(candidates: EventCandidate[], places: Map<string, PlaceFeature>, theatre: string[] | undefined, warnings: Warning[]): EventCandidate[] {
  const main = theatre?.[0];
  if (!main) return candidates;
  const all = [...places.values()].filter((p) => p.properties.kind !== 'country' && p.properties.country);
  const home = all.filter((p) => p.properties.country === main);
  if (!home.length) return candidates;
  const perCountry = new Map<string, number>();
  for (const p of all) perCountry.set(p.properties.country!, (perCountry.get(p.properties.country!) ?? 0) + 1);
  const dropped = new Set<string>();
  const kept = candidates.filter((c) => {
    const place = places.get(c.placeId)!;
    const country = place.properties.country;
    if (c.kind !== 'control' || !country || country === main || (perCountry.get(country) ?? 0) > 1) return true;
    const near = home.some((p) => distance(p.geometry.coordinates, place.geometry.coordinates, { units: 'kilometers' }) <= FAR_FROM_THEATRE_KM);
    if (!near) dropped.add(place.properties.name);
    return near;
  });
  for (const name of dropped) {
    warnings.push({
      code: 'far-from-theatre',
      message: `a change of control read at ${name}, far from where the story happens, was left out`,
      hint: `If the text means another ${name}, add it to data/gazetteer/supplement.csv.`,
    });
  }
  return kept;
}

/** Quotes of this many words or fewer are scare quotes, read as the reporter's text. */
const SCARE_QUOTE_WORDS = 3;

const EVIDENCE = new Set<Entry['kind']>(['report', 'summary', 'quote']);

/** Time an entry speaks for: its own, or for a summary the latest update of its page. */
function entryAsOf(entries: Entry[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const e of entries) latest.set(e.source, Math.max(latest.get(e.source) ?? -Infinity, Date.parse(e.time)));
  return new Map(entries.map((e) => [e.id, e.kind === 'summary' ? latest.get(e.source)! : Date.parse(e.time)]));
}

/**
 * A sentence with its quoted characters blanked, same length, from the entry's quote mask.
 * @example maskQuotes({ start: 0, end: 9, text: 'a "b" c d' }, Uint8Array.of(0, 0, 1, 1, 1)) // 'a     c d'
 */
export function maskQuotes(sentence: { start: number; end: number; text: string }, quoted: Uint8Array): string {
  const first = quoted.indexOf(1, sentence.start);
  if (first < 0 || first >= sentence.end) return sentence.text;
  const parts: string[] = [];
  let from = sentence.start;
  for (let i = first; i < sentence.end; i++) {
    if (!quoted[i]) continue;
    parts.push(sentence.text.slice(from - sentence.start, i - sentence.start), ' ');
    from = i + 1;
  }
  parts.push(sentence.text.slice(from - sentence.start));
  return parts.join('');
}

function candidatesOf(entry: Entry, source: Source, places: Map<string, PlaceFeature>, registry: ActorRegistry, asOf: number, quoteLimit: number): EventCandidate[] {
  const text = entry.text;
  // One pass marks every quoted character; sentences then read the mask instead of the spans.
  // Short scare quotes ("fully liberated", 'secure') are the reporter's words, not speech.
  const quoted = quoteMask(text, quoteSpans(text).filter(([s, e]) => (text.slice(s, e).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > SCARE_QUOTE_WORDS));
  const usable = entry.mentions.filter((m) => !quoted[m.start] && places.has(m.placeId)).sort((a, b) => a.start - b.start);
  const out: EventCandidate[] = [];
  let lastTown: SentenceMention | undefined;
  const earlier: string[] = [];
  // Looked up only when a sentence needs it: most sentences name their own actor.
  const namedIn: (RegistryActor | null)[] = [];
  const lastActor = () => {
    for (let k = earlier.length - 1; k >= 0; k--) {
      if (namedIn[k] === undefined) {
        const named = findActors(registry, earlier[k]).filter((a) => a.strength >= 2 && !a.actor.derived);
        namedIn[k] = named.length ? named[named.length - 1].actor : null;
      }
      if (namedIn[k]) return namedIn[k]!;
    }
    return undefined;
  };
  for (const sentence of splitSentences(text)) {
    const mentions: SentenceMention[] = usable
      .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
      .map((m) => ({ start: m.start - sentence.start, end: m.end - sentence.start, text: m.text, placeId: m.placeId, kind: places.get(m.placeId)!.properties.kind, country: places.get(m.placeId)!.properties.country }));
    // Most sentences have no event word at all; masking can only remove words, so skip them early.
    if (findTriggers(sentence.text).length > 0) {
      // Quoted speech is blanked, keeping offsets: the reporter's own words make reports.
      const masked = maskQuotes(sentence, quoted);
      const cue = findTimeCue(masked);
      const reporters = quotedShare(text, sentence.start, sentence.end, quoted) < quoteLimit;
      const found = reporters ? parseSentence(masked, mentions, registry, lastTown, { lastActor }) : [];
      // What the reporter does not say may still be claimed in attributed speech.
      const said = found.length ? undefined : quotedClaims(entry, sentence, quoted, places, registry, lastTown, lastActor);
      for (const ce of said?.events ?? found) {
        const place = places.get(ce.placeId)!;
        const textForTime = said ? said.text : masked;
        const timeCue = said ? findTimeCue(textForTime) : cue;
        // An entry whose time is estimated may be as late as its upper bound: "said Saturday" on a
        // Saturday page is that Saturday even when the entry is placed early in the day.
        const anchor = timeCue && entry.timeEstimated && entry.timeBounds ? Math.max(asOf, Date.parse(entry.timeBounds[1])) : asOf;
        const window = resolveTimeWindow(timeCue, anchor, place.properties.timezone ?? source.timezone);
        out.push({ ...ce, window, entryId: entry.id, sourceId: entry.source, reportMs: asOf, quote: sentence.text });
      }
    }
    earlier.push(sentence.text);
    for (let k = mentions.length - 1; k >= 0; k--) {
      if (mentions[k].kind === 'town' && !/^['’]s\b/.test(sentence.text.slice(mentions[k].end))) {
        lastTown = mentions[k];
        break;
      }
    }
  }
  return out;
}

/** Characters after a quotation in which its attribution may follow ('," the governor told AFP on Sunday.'). */
const ATTRIBUTION_REACH = 160;

/**
 * Events said inside an attributed quotation in `sentence`: the quotation, read as a sentence of its
 * own, when the words right before it ("the minister said:") or right after it (", the commander
 * told reporters") attribute it. Each event is a claim, of the speaker when the attribution names an
 * actor. Unattributed quotations (slogans, titles) give nothing.
 */
function quotedClaims(
  entry: Entry,
  sentence: { start: number; end: number; text: string },
  quoted: Uint8Array,
  places: Map<string, PlaceFeature>,
  registry: ActorRegistry,
  lastTown: SentenceMention | undefined,
  lastActor: () => RegistryActor | undefined,
): { events: ClauseEvent[]; text: string } | undefined {
  const text = entry.text;
  let first = -1;
  let last = -1;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (!quoted[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0 || findTriggers(sentence.text).length === 0) return undefined;
  // The quotation's whole extent (it may run over several sentences) and the words around it.
  let qEnd = last + 1;
  while (qEnd < text.length && quoted[qEnd]) qEnd++;
  let qStart = first;
  while (qStart > 0 && quoted[qStart - 1]) qStart--;
  const after = text.slice(qEnd, qEnd + ATTRIBUTION_REACH).split(/(?<=[.!?])\s|\n/)[0] ?? '';
  const before = text.slice(Math.max(sentence.start, qStart - ATTRIBUTION_REACH), qStart);
  const attribution = [after, /[:,]\s*["“]?$/.test(before) ? before : ''].find((t) => attributionRe.test(t.replace(/["“”]/g, ' ')));
  if (attribution === undefined) return undefined;
  const verb = attributionRe.exec(attribution)!;
  const speaker = resolveActor(registry, attribution.slice(0, verb.index) || attribution.slice(verb.index + verb[0].length))?.actor;
  const mentions: SentenceMention[] = entry.mentions
    .filter((m) => m.start >= sentence.start && m.end <= sentence.end && places.has(m.placeId))
    .sort((a, b) => a.start - b.start)
    .map((m) => ({ start: m.start - sentence.start, end: m.end - sentence.start, text: m.text, placeId: m.placeId, kind: places.get(m.placeId)!.properties.kind, country: places.get(m.placeId)!.properties.country }));
  // The quotation's own words, offsets kept: what is outside it in this sentence is blanked.
  let own = '';
  for (let i = sentence.start; i < sentence.end; i++) own += quoted[i] || /["“”]/.test(text[i]) ? text[i] : ' ';
  const events = parseSentence(own.replace(/["“”]/g, ' '), mentions, registry, lastTown, { lastActor, quoted: { speaker } });
  return events.length ? { events, text: own } : undefined;
}

/** How far before a report a change named by its noun may be dated and still be the change reported. */
const DATING_REACH_MS = 10 * 86_400_000;

/**
 * Gives a change its date from the page's own words when the sentence that reports it has none:
 * "The army recaptured X. … The capture of X on 29 January …" (the entry's own dating first, then
 * one elsewhere on the same page). Only a date within ten days before the report: "the capture
 * of X in 2014" in a later year's report is another change. Datings are then dropped: they make
 * no event of their own.
 */
function applyDatings(candidates: EventCandidate[]): EventCandidate[] {
  const datings = candidates.filter((c) => c.dating && c.window.bounded);
  const out = candidates.filter((c) => !c.dating);
  if (!datings.length) return out;
  return out.map((c) => {
    if (c.kind !== 'control' || c.window.bounded) return c;
    const fits = (d: EventCandidate) => d.placeId === c.placeId && d.window.end <= c.reportMs && c.reportMs - d.window.start <= DATING_REACH_MS;
    const dated = datings.find((d) => d.entryId === c.entryId && fits(d)) ?? datings.find((d) => d.sourceId === c.sourceId && fits(d));
    return dated ? { ...c, window: dated.window } : c;
  });
}

/**
 * Finds events in a story's entries and builds each place's control timeline.
 * Only `report` and `summary` entries count, and entries marked `duplicateOf` are skipped.
 * @param input entries (with mentions), places and sources of a story
 * @param registry from `loadActorRegistry`
 * @example
 * const { events, places } = extractEvents({ entries, places, sources }, registry);
 * events.features.filter((f) => f.properties.kind === 'control').map((f) => f.properties.summary);
 */
export function extractEvents(input: ExtractInput, registry: ActorRegistry, options: ExtractOptions = {}): ExtractResult {
  const { quoteShare = 0.5 } = options;
  const warnings: Warning[] = [];
  const places = new Map(input.places.features.map((f) => [f.properties.id, f]));
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const asOf = entryAsOf(input.entries);
  const entries = [...input.entries].sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.id.localeCompare(b.id));
  const candidates: EventCandidate[] = [];
  for (const entry of entries) {
    if (!EVIDENCE.has(entry.kind) || entry.duplicateOf) continue;
    const source = sources.get(entry.source);
    if (!source) {
      warnings.push({ code: 'unknown-source', message: `entry ${entry.id} names source ${entry.source}, which the story lacks`, entry: entry.id, hint: 'add the source to the story' });
      continue;
    }
    for (const m of entry.mentions) {
      if (!places.has(m.placeId)) warnings.push({ code: 'unknown-place', message: `mention "${m.text}" points to place ${m.placeId}, which is not in the story's places`, entry: entry.id, source: entry.source });
    }
    candidates.push(...candidatesOf(entry, source, places, registry, asOf.get(entry.id)!, quoteShare));
  }
  // Decisions apply before ids and timelines: a rejected change never changes control, an edited actor does.
  const reviewed = applyCorrections(mergeCandidates(applyDatings(farFromTheatre(candidates, places, options.theatre, warnings))), options.corrections, { entries: input.entries, places, registry, asOf }, { reviewedOnly: options.reviewedOnly });
  const merged = reviewed.events;
  warnings.push(...reviewed.warnings);
  const counters = new Map<string, number>();
  const ids = merged.map((e) => {
    const key = `${e.placeId}-${e.kind}`;
    counters.set(key, (counters.get(key) ?? 0) + 1);
    return `ev-${key}-${counters.get(key)}`;
  });
  const control: TimelineEvent[] = merged.flatMap((e, i) =>
    e.kind === 'control' && e.actor
      ? [{ id: ids[i], placeId: e.placeId, actor: e.actor.id, from: e.from?.id, fromExplicit: e.fromExplicit, time: e.window.best, reportedAt: e.reportedAt, entries: e.entries }]
      : [],
  );
  const timeline = buildTimelines(control, asOf);
  const actorOf = (id: string | undefined): RegistryActor | undefined =>
    id ? (registry.get(id) ?? merged.flatMap((e) => e.actors).find((a) => a.id === id)) : undefined;
  const features = buildEventFeatures(
    merged,
    places,
    ids,
    ids.map((id) => ({ contested: timeline.contested.has(id), from: actorOf(timeline.from.get(id)), fromBasis: timeline.fromBasis.get(id) })),
  );
  features.forEach((f, i) => {
    f.properties.review = reviewed.review[i];
    if (reviewed.status[i]) f.properties.status = reviewed.status[i]!;
  });
  const theatre = new Set(features.map((f) => f.properties.placeId));
  const placesOut = input.places.features.map((f): PlaceFeature => {
    const spans = timeline.timelines.get(f.properties.id);
    if (!spans && !theatre.has(f.properties.id)) return f;
    const properties: PlaceProperties = { ...f.properties, role: theatre.has(f.properties.id) ? 'theatre' : f.properties.role };
    if (spans) properties.timeline = spans;
    return { ...f, properties };
  });
  const used = new Set(features.flatMap((f) => [...f.properties.actors, f.properties.actor, f.properties.from, f.properties.claimant]));
  for (const spans of timeline.timelines.values()) for (const s of spans) [s.actor, ...(s.claimants ?? [])].forEach((a) => used.add(a));
  const derived = new Map<string, RegistryActor>();
  for (const e of merged) for (const a of e.actors) if (a.derived) derived.set(a.id, a);
  // A story's unnamed insurgents are already in its registry; groups named only in a sentence are not.
  const actors: Actor[] = [...registry.actors, ...[...derived.values()].filter((a) => !registry.get(a.id)).sort((a, b) => a.id.localeCompare(b.id))]
    .filter((a) => used.has(a.id))
    .map(({ id, name, color, short, kind }) => ({ id, name, color, short, kind }));
  for (const a of derived.values()) {
    // An editor's new actor with its own colour is not a gap in the registry.
    if (a.color !== NEUTRAL_COLOR) continue;
    warnings.push({ code: 'unknown-actor', message: `armed group "${a.name}" is not in the actor registry; shown in neutral grey`, hint: `add "${a.name}" to the story's actor registry with a colour` });
  }
  return { events: { type: 'FeatureCollection', features }, places: { type: 'FeatureCollection', features: placesOut }, actors, warnings };
}
