/**
 * How a holder is known, for the downloads: `reported` when a reported change set it, else the
 * place's baseline basis (`stated`, `implied`, `file`, `assumed`), with where that comes from (the
 * sentence, the file's source, or the rule) in words a file read on its own can carry.
 */
import { strings } from '../app/strings.ts';
import type { PlaceControl } from '../pipeline/control/control-at.ts';
import type { BaselineBasis, BaselineHolder, EventProperties, FromBasis, PlaceFeature } from '../pipeline/types.ts';

/** `reported`, or how a holder at the story's start is known. */
export type HolderBasis = 'reported' | BaselineBasis;

/**
 * The basis of a place's holder as shown at some instant: the baseline's basis before the first
 * reported change, `reported` after it. A story written before baselines marks an assumed first
 * span on the timeline itself; that reads `assumed`.
 * @example holderBasis(baghdad, control.placeAt('baghdad', t)) // 'assumed'
 */
export function holderBasis(place: PlaceFeature, control: PlaceControl): HolderBasis {
  if (control.basis) return control.basis;
  const span = place.properties.timeline?.find((s) => s.events === control.events);
  return span?.assumed && !span.start ? 'assumed' : 'reported';
}

/**
 * Where a baseline holder comes from: the rule in words, then the first sentence that states it or
 * the file's source and date.
 * @example baselineEvidence({ actor: 'gov', basis: 'assumed', rule: 'capital' }) // 'national capital, no report'
 */
export function baselineEvidence(baseline: BaselineHolder): string {
  const parts = [strings.basisReason(baseline.rule, baseline.distanceKm)];
  if (baseline.quotes?.length) parts.push(`“${baseline.quotes[0]}”`);
  if (baseline.source) parts.push(strings.basisSource(baseline.source, (baseline.time ?? '').slice(0, 10)));
  return parts.join('; ');
}

/**
 * Where a holder shown at some instant comes from: the baseline's evidence before the first
 * reported change; after it, the first sentence reporting the change that gave the place its holder.
 * @param events the story's events by id
 * @example holderEvidence(kirkuk, control.placeAt('kirkuk', t), events) // '“Iraqi Kurds have seized control of Kirkuk…”'
 */
export function holderEvidence(place: PlaceFeature, control: PlaceControl, events: Map<string, EventProperties>): string {
  const { baseline } = place.properties;
  if (control.basis && baseline) return baselineEvidence(baseline);
  if (holderBasis(place, control) === 'assumed') return strings.assumed;
  const cause = control.events.map((id) => events.get(id)).find((e) => e && Date.parse(e.time) === control.since) ?? events.get(control.events[0] ?? '');
  return cause?.quotes[0] ? `“${cause.quotes[0]}”` : '';
}

/** Who held a place before a change of control, and how that is known. */
export interface PreviousHolder {
  actor: string;
  /** The event's own `fromBasis`, or the baseline's basis when a sentence or the baseline file names the holder. */
  basis: FromBasis | BaselineBasis;
  /** The sentence, the file's source or the rule behind it; empty when the event's own sentence names it. */
  evidence: string;
}

/**
 * The previous holder of a control event as the map shows it just before the change: the holder
 * a sentence or the baseline file gives the place at the story's start wins over the one the
 * event names or the actor registry supplies (the map shows that one too).
 * @param before the place's control just before the event's change
 * @example previousHolder(e, place, control.placeAt(e.placeId, Date.parse(e.time) - 1))?.basis // 'assumed'
 */
export function previousHolder(e: EventProperties, place: PlaceFeature | undefined, before: PlaceControl): PreviousHolder | undefined {
  if (e.kind !== 'control') return undefined;
  const baseline = place?.properties.baseline;
  if (baseline && (before.basis === 'stated' || before.basis === 'file')) return { actor: baseline.actor, basis: baseline.basis, evidence: baselineEvidence(baseline) };
  if (!e.from) return undefined;
  const basis = e.fromBasis ?? 'reported';
  return { actor: e.from, basis, evidence: basis === 'assumed' ? strings.assumed : '' };
}
