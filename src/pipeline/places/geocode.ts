/**
 * Chooses, for each place-name candidate, the gazetteer place it means — or none — by scoring the
 * candidates on population, the story's theatre countries, nearby places, distances the text
 * gives ("125 km northeast of Baghdad") and the words around the name. Places the gazetteer lacks
 * but the text locates by distance and direction are estimated.
 */
import { bearing as turfBearing, destination, distance as turfDistance, point } from '@turf/turf';
import type { PlacePrecision } from '../types.ts';
import type { Gazetteer, GazetteerKind, GazetteerPlace } from '../../gazetteer/types.ts';
import { normalizeName } from '../../gazetteer/normalize.ts';
import type { FoundMention } from './find-mentions.ts';

/** A place a mention resolves to: a gazetteer place or an estimate from a distance cue. */
export interface ResolvedPlace {
  /** Stable identity: the gazetteer origin, or `estimate:<name key>`. */
  key: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1?: string;
  kind: GazetteerKind;
  population?: number;
  nameNative?: string;
  altNames: string[];
  precision: PlacePrecision;
  uncertaintyKm?: number;
  /** `geonames:98182`, `supplement:<id>`, `region:…`, `country:IQ` or `estimate`. */
  origin: string;
}

/** A problem found while geocoding, tied to the document (entry) it comes from. */
export interface GeocodeWarning {
  code: 'distance-mismatch' | 'estimated-place' | 'unlocated-place' | 'ambiguous-place';
  message: string;
  hint: string;
  document: number;
}

export interface GeocodeOptions {
  /** ISO2 codes of the countries where the story's conflict happens. */
  theatreCountries?: string[];
}

export interface GeocodeResult {
  /** Per document, per found mention: the resolved place or `undefined` (not a place). */
  resolved: (ResolvedPlace | undefined)[][];
  warnings: GeocodeWarning[];
}

/** Minimum score for a candidate to count as the place meant. */
export const ACCEPT_SCORE = 5.5;
/** A town under this population whose name is an English word (`wordNames`) needs a place cue. */
const WORD_TOWN_MAX_POPULATION = 50_000;
/**
 * What a town loses when a capitalised word the gazetteer does not know is glued in front of it
 * ("Shewa Robit" is not Robit; "Hana Soliman" is a person): enough that no container or theatre
 * bonus brings it back.
 */
const INSIDE_NAME_TOWN_PENALTY = 5;
/** Score from which a resolved place anchors its neighbours. */
const ANCHOR_SCORE = 7;
/**
 * What a town elsewhere loses when a country is spelled the same ("China" → China, Texas, in a story
 * set in the US). A town of that very country is not a candidate at all: see {@link shadowedByCountry}.
 */
const COUNTRY_NAMESAKE_PENALTY = 3;

interface Scored {
  place: GazetteerPlace;
  score: number;
}

interface Context {
  theatre: Set<string>;
  anchors: GazetteerPlace[];
  /** Round-A choice per document and mention, for distance and container cues. */
  previous?: (Scored | undefined)[][];
  capital?: GazetteerPlace;
  /** Distance (km) from a place (by index) to its nearest other anchor, computed once per place. */
  nearestAnchorKm?: Map<number, number>;
}

/**
 * Resolves the mentions found in a set of documents (entries) of one story.
 *
 * @param found - per document, the output of `findMentions`.
 * @param gazetteer - the loaded gazetteer.
 * @param options.theatreCountries - the story's theatre countries (ISO2).
 * @returns per document and mention the place (or `undefined`), plus warnings.
 * @example const { resolved } = geocodeMentions([findMentions(text, g)], g, { theatreCountries: ['IQ'] });
 */
export function geocodeMentions(found: FoundMention[][], gazetteer: Gazetteer, options: GeocodeOptions = {}): GeocodeResult {
  const theatre = new Set(options.theatreCountries ?? []);
  const firstTheatre = options.theatreCountries?.[0];
  const capital = firstTheatre ? gazetteer.capital(firstTheatre) : undefined;

  // Round A: names alone. Round B: with anchors (confident theatre places), distances and containers.
  const roundA = found.map((doc) => doc.map((m) => choose(m, { theatre, anchors: [], capital }, -1)));
  const anchors = uniquePlaces(
    roundA.flat().filter((s): s is Scored => !!s && s.score >= ANCHOR_SCORE && s.place.kind !== 'country' && theatre.has(s.place.country)),
  );
  const ctx: Context = { theatre, anchors, previous: roundA, capital, nearestAnchorKm: new Map() };
  const roundB = found.map((doc, d) => doc.map((m) => choose(m, ctx, d)));
  oneSensePerStory(found, roundB);

  const warnings: GeocodeWarning[] = [];
  const estimates = new Map<string, ResolvedPlace>();
  const resolved = found.map((doc, d) =>
    doc.map((m, k) => {
      const chosen = roundB[d]![k];
      if (chosen) {
        checkDistance(m, chosen.place, roundB[d]!, capital, d, warnings);
        return fromGazetteer(chosen.place);
      }
      return m.distance ? estimate(m, roundB[d]!, capital, d, estimates, warnings) : undefined;
    }),
  );
  return { resolved, warnings };
}

function uniquePlaces(scored: Scored[]): GazetteerPlace[] {
  const seen = new Map<number, GazetteerPlace>();
  for (const s of scored) seen.set(s.place.index, s.place);
  return [...seen.values()];
}

/**
 * A town too small to take a loose spelling of: under 1,000 people. GeoNames gives many towns of
 * war zones no population (0: unknown, not empty), so one of those is taken when the spelling has
 * more to it than one word ("Maaret al-Numan") or the text calls it a place ("the town of …").
 */
function tooSmallForLoose(place: GazetteerPlace, m: FoundMention): boolean {
  if (place.population >= 1000 || place.origin.startsWith('supplement:')) return false;
  return place.population > 0 || !(m.placeCue || /[\s-]/.test(m.text));
}

function choose(m: FoundMention, ctx: Context, d: number): Scored | undefined {
  let best: Scored | undefined;
  const country = shadowedByCountry(m);
  for (const place of m.places) {
    if (place.kind === 'town' && place.country === country) continue;
    // "More", "University", "Congress" with no cue are words: a small town of that name needs "in More"
    // or its region or country after it ("Kelly, Wyoming")
    if (m.wordName && !m.placeCue && m.within === undefined && place.kind === 'town' && place.population < WORD_TOWN_MAX_POPULATION) continue;
    // loose spellings only where the story is, and only for places big enough to be written about
    if (m.loose && (!ctx.theatre.has(place.country) || (place.kind === 'town' && tooSmallForLoose(place, m)))) continue;
    const score = scorePlace(place, m, ctx, d);
    if (!best || score > best.score || (score === best.score && place.index < best.place.index)) best = { place, score };
  }
  return best && best.score >= ACCEPT_SCORE ? best : undefined;
}

/** Prior plausibility of a place before context: population, capital status, kind. */
function prior(place: GazetteerPlace): number {
  // continents, macro-regions and seas (regions with no country) are as well known as countries
  if (place.kind === 'country' || (place.kind === 'region' && !place.country)) return 7.5;
  if (place.kind === 'region') return 6;
  const pop = place.population || (place.origin.startsWith('supplement:') ? 3000 : 300);
  let score = Math.log10(Math.max(pop, 300));
  if (place.featureCode === 'PPLC') score += 0.7;
  else if (/^PPLA\d?$/.test(place.featureCode)) score += 0.3;
  else if (place.featureCode === 'PPLX') score -= 1; // a section of a city
  return score;
}

function scorePlace(place: GazetteerPlace, m: FoundMention, ctx: Context, d: number): number {
  let score = prior(place);
  const isTown = place.kind === 'town';
  if (ctx.theatre.has(place.country)) score += place.kind === 'country' ? 1 : 3;
  if (m.placeCue) score += 1;
  if (m.regionWord) score += place.kind === 'region' ? 3 : -2;
  if (m.loose) score -= 1.5;
  if (m.afterThe && isTown) score -= 3;
  if (m.sentenceStart && !m.placeCue) score -= 0.5;
  if (m.insideName) score -= isTown ? INSIDE_NAME_TOWN_PENALTY : 1.5;
  if (m.nameRun) score -= 2.5;
  if (m.commonWord) score -= 2;
  if (isTown && shadowedByCountry(m)) score -= COUNTRY_NAMESAKE_PENALTY;
  if (place.kind !== 'country' && ctx.anchors.length) {
    const near = nearestAnchorKm(place, ctx);
    if (near <= 150) score += 2;
    else if (near <= 400) score += 1;
  }
  if (ctx.previous && d >= 0) {
    const container = m.within !== undefined ? ctx.previous[d]![m.within]?.place : undefined;
    if (container && container.kind !== 'town' && container.country === place.country) {
      score += container.kind === 'country' || (place.admin1 && place.admin1 === container.name) ? 3 : 1;
    }
    const listed = m.listedWith !== undefined ? ctx.previous[d]![m.listedWith]?.place : undefined;
    if (listed && listed.kind !== 'country' && km(place, listed) <= 400) score += 1;
    if (listed && m.afterComma && place.kind !== 'town' && listed.country === place.country) score += 2;
    const anchor = distanceAnchor(m, ctx.previous[d]!, ctx.capital);
    if (anchor && m.distance) score += distanceScore(place, anchor, m.distance.km, m.distance.bearing);
  }
  return score;
}

/**
 * The country a name means rather than its same-named towns there: "Mexico", "Kuwait", "Djibouti",
 * "Singapore" name the country, not the capital, unless the text says "city" ("Mexico City" is
 * another name, which no country matches). A capital's population would otherwise beat the country
 * (Mexico City's prior is 7.8, a country's 7.5) and the theatre bonus would favour it further.
 */
function shadowedByCountry(m: FoundMention): string | undefined {
  if (/\bcity\b/i.test(m.text)) return undefined;
  return m.places.find((p) => p.kind === 'country')?.country;
}

/** Nearest other anchor's distance; cached because every mention of a town asks again (O(mentions × anchors) before). */
function nearestAnchorKm(place: GazetteerPlace, ctx: Context): number {
  let near = ctx.nearestAnchorKm?.get(place.index);
  if (near === undefined) {
    near = Infinity;
    for (const a of ctx.anchors) if (a.index !== place.index) near = Math.min(near, km(place, a));
    ctx.nearestAnchorKm?.set(place.index, near);
  }
  return near;
}

/** Where a village "south of Y" with no distance is put: this far from Y, this uncertain. */
const NEAR_KM = 8;
const NEAR_UNCERTAINTY_KM = 15;

function distanceAnchor(m: FoundMention, chosen: (Scored | undefined)[], capital: GazetteerPlace | undefined): GazetteerPlace | undefined {
  if (!m.distance) return undefined;
  return m.distance.from === 'capital' ? capital : chosen[m.distance.from]?.place;
}

function distanceScore(place: GazetteerPlace, anchor: GazetteerPlace, expectedKm: number | undefined, expectedBearing: number | undefined): number {
  const actual = km(place, anchor);
  let score = 0;
  if (expectedKm !== undefined) score += Math.abs(actual - expectedKm) <= tolerance(expectedKm) ? 3 : -3;
  if (expectedBearing !== undefined && actual > 5) {
    const diff = angleBetween(bearingFrom(anchor, place), expectedBearing);
    score += diff <= 50 ? 1 : diff > 90 ? -2 : 0;
  }
  return score;
}

/** How far off a stated distance may be: news distances are rounded and measured by road. */
function tolerance(expectedKm: number): number {
  return Math.max(25, expectedKm * 0.35);
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return turfDistance(point([a.lon, a.lat]), point([b.lon, b.lat]), { units: 'kilometers' });
}

function bearingFrom(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return (turfBearing(point([a.lon, a.lat]), point([b.lon, b.lat])) + 360) % 360;
}

function angleBetween(a: number, b: number): number {
  const diff = Math.abs(a - b) % 360;
  return diff > 180 ? 360 - diff : diff;
}

/**
 * One sense per story: a name resolved somewhere keeps that meaning wherever else it appears
 * and the place is among its candidates (a sentence-initial "Robotyne is…" profits from "in Robotyne").
 */
function oneSensePerStory(found: FoundMention[][], chosen: (Scored | undefined)[][]): void {
  const totals = new Map<string, Map<number, Scored & { total: number }>>();
  found.forEach((doc, d) =>
    doc.forEach((m, k) => {
      const c = chosen[d]![k];
      if (!c) return;
      const key = normalizeName(m.text);
      const byPlace = totals.get(key) ?? new Map();
      totals.set(key, byPlace);
      const t = byPlace.get(c.place.index) ?? { ...c, total: 0 };
      t.total += c.score;
      byPlace.set(c.place.index, t);
    }),
  );
  found.forEach((doc, d) =>
    doc.forEach((m, k) => {
      const byPlace = totals.get(normalizeName(m.text));
      if (!byPlace || m.afterThe) return;
      const best = [...byPlace.values()].sort((a, b) => b.total - a.total || a.place.index - b.place.index)[0]!;
      if (m.places.some((p) => p.index === best.place.index)) chosen[d]![k] = { place: best.place, score: best.score };
    }),
  );
}

function fromGazetteer(place: GazetteerPlace): ResolvedPlace {
  return {
    key: place.origin,
    name: place.name,
    lat: place.lat,
    lon: place.lon,
    country: place.country,
    ...(place.admin1 ? { admin1: place.admin1 } : {}),
    kind: place.kind,
    ...(place.population ? { population: place.population } : {}),
    ...(place.nameNative ? { nameNative: place.nameNative } : {}),
    altNames: place.altNames,
    precision: place.kind === 'country' ? 'country' : place.kind === 'region' ? 'region' : 'exact',
    origin: place.origin,
  };
}

function checkDistance(
  m: FoundMention,
  place: GazetteerPlace,
  chosen: (Scored | undefined)[],
  capital: GazetteerPlace | undefined,
  d: number,
  warnings: GeocodeWarning[],
): void {
  const anchor = distanceAnchor(m, chosen, capital);
  if (!anchor || m.distance?.km === undefined || place.kind !== 'town') return;
  const actual = km(place, anchor);
  if (Math.abs(actual - m.distance.km) <= tolerance(m.distance.km)) return;
  warnings.push({
    code: 'distance-mismatch',
    message: `${m.text}: the text puts it ${Math.round(m.distance.km)} km from ${anchor.name}, the gazetteer place (${place.origin}) is ${Math.round(actual)} km away`,
    hint: 'Check the coordinates in data/gazetteer/supplement.csv or add a row for the right place.',
    document: d,
  });
}

function estimate(
  m: FoundMention,
  chosen: (Scored | undefined)[],
  capital: GazetteerPlace | undefined,
  d: number,
  estimates: Map<string, ResolvedPlace>,
  warnings: GeocodeWarning[],
): ResolvedPlace | undefined {
  const key = normalizeName(m.text);
  const known = estimates.get(key);
  if (known) return known;
  const anchor = distanceAnchor(m, chosen, capital);
  // A village the text puts "south of Y" or "near Y" without a distance: close to Y, loosely.
  const loose = !m.places.length && m.distance!.km === undefined && (m.distance!.bearing !== undefined || m.distance!.near);
  const cue = loose ? { ...m.distance!, km: m.distance!.bearing !== undefined ? NEAR_KM : 0, bearing: m.distance!.bearing ?? 0 } : m.distance!;
  if (!anchor || cue.km === undefined || cue.bearing === undefined) {
    if (!m.places.length && anchor && cue.km !== undefined) {
      warnings.push({
        code: 'unlocated-place',
        message: `${m.text}: not in the gazetteer; the text gives only a distance (${Math.round(cue.km)} km from ${anchor.name}), no direction`,
        hint: 'Add the place to data/gazetteer/supplement.csv with its coordinates and their source.',
        document: d,
      });
    }
    return undefined;
  }
  const at = destination(point([anchor.lon, anchor.lat]), cue.km, cue.bearing > 180 ? cue.bearing - 360 : cue.bearing, { units: 'kilometers' });
  const [lon, lat] = at.geometry.coordinates as [number, number];
  const uncertaintyKm = loose ? NEAR_UNCERTAINTY_KM : Math.max(5, Math.round(cue.km * 0.25));
  const place: ResolvedPlace = {
    key: `estimate:${key}`,
    name: m.text,
    lat,
    lon,
    country: anchor.country,
    kind: 'town',
    altNames: [],
    precision: 'approximate',
    uncertaintyKm,
    origin: 'estimate',
  };
  estimates.set(key, place);
  warnings.push({
    code: 'estimated-place',
    message: loose
      ? `${m.text}: not in the gazetteer; placed near ${anchor.name}, where the text puts it (±${uncertaintyKm} km)`
      : `${m.text}: not in the gazetteer; placed ${Math.round(cue.km)} km from ${anchor.name} as the text says (±${uncertaintyKm} km)`,
    hint: 'Add the place to data/gazetteer/supplement.csv with its coordinates and their source.',
    document: d,
  });
  return place;
}
