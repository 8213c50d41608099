/**
 * Merged events → story event features: deterministic ids, a one-sentence summary, status and a
 * confidence score (formula in docs/events.md).
 */
import type { Feature, Point } from 'geojson';
import type { RegistryActor } from './actors.ts';
import { airWordsRe } from './event-lexicon.ts';
import type { MergedEvent } from './merge-events.ts';
import { toIso } from '../timezone.ts';
import type { EventFeature, EventProperties, EventStatus, FromBasis, PlaceFeature } from '../types.ts';
import { readTransferEvidence } from './transfer-evidence.ts';

/**
 * Confidence (0.05–0.95) of a merged event:
 * 0.5 × directness + 0.2 if two or more outlets (+0.1 for three) + 0.05 per extra entry (max 0.1)
 * + 0.1 for an hour/day time (0.05 for a week) − 0.1 if every report is hedged;
 * then × 0.6 for a claim and × 0.7 when contested.
 * @example eventConfidence(event, false) // 0.9 for a direct report by two outlets in four entries
 */
export function eventConfidence(e: MergedEvent, contested: boolean): number {
  let score = 0.5 * e.directness;
  // Outlets repeating one agency's report count once.
  const independent = Math.min(e.sources.length, e.origins);
  if (independent >= 2) score += 0.2;
  if (independent >= 3) score += 0.1;
  score += 0.05 * Math.min(e.entries.length - 1, 2);
  score += e.window.precision === 'hour' || e.window.precision === 'day' || e.window.precision === 'minute' ? 0.1 : e.window.precision === 'week' ? 0.05 : 0;
  if (e.hedged) score -= 0.1;
  if (e.claimed) score *= 0.6;
  if (contested) score *= 0.7;
  return Math.round(Math.min(0.95, Math.max(0.05, score)) * 100) / 100;
}

/**
 * Status: contested beats claimed beats confirmed (two or more outlets, not all repeating the same
 * agency) beats reported.
 */
export function eventStatus(e: MergedEvent, contested: boolean): EventStatus {
  if (contested) return 'contested';
  if (e.claimed) return 'claimed';
  return Math.min(e.sources.length, e.origins) >= 2 ? 'confirmed' : 'reported';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function timePhrase(e: MergedEvent): string {
  if (e.window.label) return ` ${e.window.label}`;
  const d = new Date(e.window.end);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return ` by ${hh}:${mm} UTC on ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** One plain sentence: "Ukrainian forces took Robotyne from Russian forces overnight." */
export function summarize(e: MergedEvent, place: string, from: RegistryActor | undefined, contested: boolean): string {
  const who = e.actor?.name ?? 'An unidentified armed group';
  const when = timePhrase(e);
  const at = e.placePrecision === 1 ? 'in' : 'near';
  let text: string;
  if (e.kind === 'control') {
    const withdrawal = e.candidates.every((c) => c.trigger === 'withdraw');
    if (withdrawal && from) {
      text = `${from.name} withdrew from ${place}${when}${e.actor && e.actor.id !== 'unknown' ? `, leaving it to ${e.actor.name}` : ''}.`;
    } else {
      text = `${who} took ${place}${from ? ` from ${from.name}` : ''}${when}.`;
    }
    if (e.claimed && e.claimant) {
      const tookBySpeaker = !withdrawal && e.claimant.id === e.actor?.id && text.startsWith(`${who} took `);
      text = tookBySpeaker ? `${who} say they took ${text.slice(who.length + ' took '.length)}` : `According to ${e.claimant.name}, ${text}`;
    }
    if (contested && from) text = `${text.slice(0, -1)}, but other reports have ${from.name} still holding it.`;
    return text;
  }
  const names = e.actors.map((a) => a.name);
  if (e.kind === 'clash') {
    return names.length >= 2 ? `${names[0]} and ${names[1]} clashed ${at} ${place}${when}.` : `Fighting was reported ${at} ${place}${when}.`;
  }
  if (e.kind === 'strike') return `${names[0] ?? 'Unidentified forces'} carried out strikes ${at} ${place}${when}.`;
  return `${names[0] ?? 'Unidentified perpetrators'} carried out executions ${at} ${place}${when}.`;
}

/**
 * The ACLED sub-event type. A change of control is a *Non-violent transfer of territory* when its
 * sentences say a side gave the place up ("abandoned their posts", "withdrew", "without a fight")
 * and none says it was fought over; otherwise a capture by a state's forces is "Government regains
 * territory" and by anyone else "Non-state actor overtakes territory".
 */
export function subEventType(e: MergedEvent): string {
  if (e.kind === 'control') {
    const { fought, givenUp } = readTransferEvidence(e.quotes);
    const withdrawals = e.candidates.every((c) => c.trigger === 'withdraw');
    if (!fought && (givenUp || withdrawals)) return 'Non-violent transfer of territory';
    return e.actor?.kind === 'state' ? 'Government regains territory' : 'Non-state actor overtakes territory';
  }
  if (e.kind === 'clash') return 'Armed clash';
  if (e.kind === 'strike') return e.quotes.some((q) => airWordsRe.test(q)) ? 'Air/drone strike' : 'Shelling/artillery/missile attack';
  return 'Attack';
}

/** Rounds a coordinate to 6 decimals for stable output. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Event features from merged events, with ids `ev-<place>-<kind>-<n>` (n counts per place and
 * kind in time order).
 * @param extra per event index: whether it is contested, the previous holder learnt from the
 *   timeline, and how the previous holder is known
 */
export function buildEventFeatures(
  events: MergedEvent[],
  places: Map<string, PlaceFeature>,
  ids: string[],
  extra: { contested: boolean; from?: RegistryActor; fromBasis?: FromBasis }[],
): EventFeature[] {
  return events.map((e, i): Feature<Point, EventProperties> => {
    const place = places.get(e.placeId)!;
    const { contested } = extra[i];
    const from = e.kind === 'control' ? (extra[i].from ?? e.from) : undefined;
    const props: EventProperties = {
      id: ids[i],
      kind: e.kind,
      placeId: e.placeId,
      place: place.properties.name,
      actors: (e.kind === 'control' ? [e.actor, from] : e.actors).flatMap((a) => (a ? [a.id] : [])),
      time: toIso(e.window.best),
      timeStart: toIso(e.window.start),
      timeEnd: toIso(e.window.end),
      timePrecision: e.window.precision,
      timeBasis: e.window.bounded ? 'words' : 'report',
      placePrecision: e.placePrecision,
      reportedAt: toIso(e.reportedAt),
      entries: e.entries,
      sources: e.sources,
      status: eventStatus(e, contested),
      confidence: eventConfidence(e, contested),
      // A previous holder no report names stays out of the sentence (it is in `from`, marked assumed).
      summary: summarize(e, place.properties.name, contested || extra[i].fromBasis !== 'assumed' ? from : undefined, contested),
      quotes: e.quotes,
      subEventType: subEventType(e),
    };
    if (e.actor) props.actor = e.actor.id;
    if (from) props.from = from.id;
    if (from && extra[i].fromBasis) props.fromBasis = extra[i].fromBasis;
    if (e.claimed && e.claimant) props.claimant = e.claimant.id;
    const [lon, lat] = place.geometry.coordinates;
    return { type: 'Feature', id: ids[i], geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] }, properties: props };
  });
}
