/**
 * Every theatre town's holder at the story's start, with how it is known: stated by the text,
 * implied by the first change's previous holder, given by the story's baseline file, or assumed
 * (the state's government) for its capital and for places far from anything reported. What none
 * of these covers stays unknown. Rules and their order: docs/events.md ("Holders at the start").
 */
import { distance } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import type { ActorRegistry } from '../events/actors.ts';
import type { StatedHold } from '../events/stated-holds.ts';
import type { BaselineHolder, EventProperties, PlaceFeature, PlaceProperties } from '../types.ts';
import { matchBaselineFile, type BaselineFile } from './baseline-file.ts';

/** What the baseline step reads. */
export interface BaselineInput {
  /** Places with their timelines and roles (the events step's output). */
  places: FeatureCollection<Point, PlaceProperties>;
  events: FeatureCollection<Point, EventProperties>;
  holds: StatedHold[];
  registry: ActorRegistry;
  /** ISO2 codes of the theatre countries, main one first. */
  theatre: string[];
  /** Capital names per ISO2 code (`data/world/countries.json`). */
  capitals?: Map<string, string[]>;
  /** The story's baseline file, already checked (`readBaselineFile`). */
  file?: BaselineFile;
  /**
   * Actors the story's events name. A theatre country other than the main one has its government
   * assumed only when that government is one of them (a party to the war, not a country the
   * geoparser met once).
   */
  parties?: Set<string>;
}

export interface BaselineOptions {
  /**
   * A town of a theatre country with no report of its own is assumed held by that state's
   * government when the nearest place with a reported change, a clash, a siege or a stated
   * non-government holder is at least this far (km).
   */
  farKm?: number;
}

/** Default of `farKm`: a chosen margin, more than the spacing of neighbouring towns (docs/events.md). */
export const FAR_KM = 100;

/** Theatre towns: the places whose control the map shows. */
const isTown = (p: PlaceProperties) => p.role === 'theatre' && (p.kind === 'town' || p.kind === 'landmark') && p.precision !== 'country' && p.precision !== 'region';

/** The forces of a country's state: an actor of the registry for that country, or the story's government role for its main theatre. */
function governmentOf(registry: ActorRegistry, country: string, theatre: string[]): string | undefined {
  const own = registry.actors.find((a) => a.country === country && a.kind === 'state' && !a.derived);
  if (own) return own.id;
  return country === theatre[0] ? (registry.roles.government ?? undefined) : undefined;
}

/** The stated holder of a place: the actor most sentences name, the earliest among equals. */
function statedHolder(holds: StatedHold[]): BaselineHolder | undefined {
  const byActor = new Map<string, StatedHold[]>();
  for (const h of holds) if (h.actor) byActor.set(h.actor, [...(byActor.get(h.actor) ?? []), h]);
  const best = [...byActor.values()].sort((a, b) => b.length - a.length || a[0].time.localeCompare(b[0].time))[0];
  if (!best) return undefined;
  const rule = best.some((h) => h.kind === 'hold') ? 'stated' : best.some((h) => h.kind === 'siege') ? 'besieged-by' : 'guarded';
  return { actor: best[0].actor!, basis: 'stated', rule, entries: best.map((h) => h.entry), quotes: best.map((h) => h.quote), time: best[0].time };
}

/**
 * Fills `baseline` on every theatre town that one of the rules covers.
 * @returns the places, and the ids of actors the baselines name (for the story's actor list)
 * @example assignBaselines({ places, events, holds, registry, theatre: ['IQ'], capitals: new Map([['IQ', ['Baghdad']]]) }).places
 */
export function assignBaselines(input: BaselineInput, options: BaselineOptions = {}): { places: FeatureCollection<Point, PlaceProperties>; actors: Set<string> } {
  const { farKm = FAR_KM } = options;
  const { registry, theatre } = input;
  const holds = [...input.holds].sort((a, b) => a.time.localeCompare(b.time) || a.entry.localeCompare(b.entry));
  const eventsAt = new Map<string, EventProperties[]>();
  for (const f of input.events.features) eventsAt.set(f.properties.placeId, [...(eventsAt.get(f.properties.placeId) ?? []), f.properties]);
  const holdsAt = new Map<string, StatedHold[]>();
  for (const h of holds) holdsAt.set(h.placeId, [...(holdsAt.get(h.placeId) ?? []), h]);
  const government = new Map(
    theatre.map((c, i) => {
      const gov = governmentOf(registry, c, theatre);
      return [c, gov && (i === 0 || !input.parties || input.parties.has(gov)) ? gov : undefined];
    }),
  );

  // Where something is reported about who holds or fights for a place: no assumption near it.
  const reported: number[][] = [];
  for (const f of input.places.features) {
    const id = f.properties.id;
    const fought = (eventsAt.get(id) ?? []).some((e) => e.kind === 'control' || e.kind === 'clash');
    const gov = government.get(f.properties.country);
    const stated = (holdsAt.get(id) ?? []).some((h) => (h.kind === 'siege' && !h.actor) || (h.kind !== 'seat' && h.kind !== 'presence' && h.actor !== gov));
    if (fought || stated) reported.push(f.geometry.coordinates);
  }
  const capitalNames = (country: string) => new Set((input.capitals?.get(country) ?? []).map((n) => n.toLowerCase()));
  const fromFile = input.file ? matchBaselineFile(input.file, input.places.features.filter((f) => isTown(f.properties))) : new Map<string, BaselineHolder>();

  const used = new Set<string>();
  const features = input.places.features.map((f): PlaceFeature => {
    const p = f.properties;
    if (!isTown(p)) return f;
    const spans = p.timeline ?? [];
    const starts = spans.filter((s) => s.start).map((s) => s.start!);
    const firstChange = starts.length ? starts.sort()[0] : undefined;
    const gov = government.get(p.country);
    // A state's own forces on guard in its own town say it holds it; anyone else's presence says nothing.
    const here = (holdsAt.get(p.id) ?? []).filter((h) => (!firstChange || h.time <= firstChange) && (h.kind !== 'presence' || (gov && h.actor === gov)));
    const isCapital = [p.name, ...p.altNames].some((n) => capitalNames(p.country).has(n.toLowerCase()));
    const seat = isCapital && gov && here.find((h) => h.kind === 'seat');
    const changed = (eventsAt.get(p.id) ?? []).some((e) => e.kind === 'control');
    const besieged = here.some((h) => h.kind === 'siege' && !h.actor);
    let baseline: BaselineHolder | undefined =
      statedHolder(here) ??
      (seat ? { actor: gov, basis: 'stated', rule: 'seat', entries: [seat.entry], quotes: [seat.quote], time: seat.time } : undefined);
    if (!baseline && spans[0] && !spans[0].start && spans[0].actor !== 'contested' && spans[0].actor !== 'unknown') {
      baseline = { actor: spans[0].actor, basis: 'implied', rule: spans[0].assumed ? 'from-assumed' : 'from-reported', events: spans[0].events };
    }
    // A curated file beats the actor registry's guess of who held a place before its first change.
    if (fromFile.has(p.id) && (!baseline || baseline.rule === 'from-assumed')) baseline = fromFile.get(p.id);
    if (!baseline && gov && !changed && !besieged && theatre.includes(p.country)) {
      if (isCapital) baseline = { actor: gov, basis: 'assumed', rule: 'capital' };
      else if (!(eventsAt.get(p.id) ?? []).some((e) => e.kind === 'clash')) {
        const nearest = Math.min(Infinity, ...reported.map((c) => distance(c, f.geometry.coordinates, { units: 'kilometers' })));
        if (nearest >= farKm) baseline = { actor: gov, basis: 'assumed', rule: 'far-from-reports', ...(Number.isFinite(nearest) ? { distanceKm: Math.round(nearest) } : {}) };
      }
    }
    if (!baseline) return f;
    used.add(baseline.actor);
    return { ...f, properties: { ...p, baseline } };
  });
  return { places: { type: 'FeatureCollection', features }, actors: used };
}
