/**
 * Geoparsing of a single text: the place finder and resolver of the pipeline, without the rest of
 * it. The text is read as the one entry of a one-source story, so a geoparsed article and an
 * ingested live blog get the same places. On top of them, adjectives that name a place ("Russian
 * forces", "European leaders") are reported as mentions of their country or continent, as
 * geoparsing corpora count them; a story's places do not include them.
 */
import worldCountries from '../../../data/world/countries.json';
import macroRegions from '../../../data/world/regions-macro.json';
import { slugify } from '../../gazetteer/normalize.ts';
import type { Gazetteer, GazetteerKind, GazetteerPlace } from '../../gazetteer/types.ts';
import type { Entry, PlacePrecision } from '../types.ts';
import { locatePlaces, type LocatePlacesOptions } from './locate-places.ts';

/** One place mention found in a text and where it is. `text.slice(start, end) === mention.text`. */
export interface GeoparsedMention {
  /** Offset of the first character, in UTF-16 code units (JavaScript string indices). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The name as written. */
  text: string;
  /** Id of the place, the same for every mention of it in this text (`baghdad`, `paris-us`). */
  placeId: string;
  /** The place's name: the text's own spelling for towns, the gazetteer's for regions and countries. */
  name: string;
  /** Latitude in degrees, 5 decimals. */
  lat: number;
  /** Longitude in degrees, 5 decimals. */
  lon: number;
  /** ISO 3166-1 alpha-2 code; `''` for a continent, macro-region or sea ("Europe", "the Sahel", "the Black Sea"). */
  country: string;
  kind: GazetteerKind;
  /** `exact` for a gazetteer town, `region`/`country` for those, `approximate` for a place estimated from a distance cue. */
  precision: PlacePrecision;
  /** Where the point comes from: `geonames:<id>`, `region:…`, `country:<ISO2>`, `supplement:<id>` or `estimate`. */
  origin: string;
  /** Present when the mention is an adjective naming the place ("Russian" → Russia, "European" → Europe). */
  demonym?: true;
}

/** Options of {@link geoparse}: the pipeline's place step's, and whether adjectives count. */
export interface GeoparseOptions extends LocatePlacesOptions {
  /**
   * Report adjectives of countries and continents as mentions of them, marked `demonym: true`
   * (default `true`): "Russian forces" → Russia, "Middle Eastern" → the Middle East. Plurals
   * ("Russians", the people) are not.
   */
  demonyms?: boolean;
}

/** Stand-ins for what an entry needs and the place step never reads. */
const SOURCE = 'text';
const NO_TIME = '1970-01-01T00:00:00Z';

/**
 * Finds the place names in a text and resolves each to a point.
 *
 * @param text - any text (an article, a post); offsets in the result index into it.
 * @param gazetteer - the loaded gazetteer (see `loadGazetteer`).
 * @param options.theatreCountries - ISO2 codes of the countries the text is about, when known
 *   (by default the text's own places decide, as for a story with no region given).
 * @param options.countryWords - names and demonyms of countries (lower case → ISO2), helping a text
 *   whose towns are too small to resolve without its country.
 * @param options.demonyms - report "Russian", "European"… as mentions of their place (default true).
 * @returns the mentions in text order, one per resolved place name or adjective.
 * @throws when `text` is not a string or a theatre code is not two capital letters.
 * @example
 * geoparse('Clashes in Saraqeb, 50 km south of Aleppo.', gazetteer)
 * // [{ start: 11, end: 18, text: 'Saraqeb', country: 'SY', kind: 'town', … }, { text: 'Aleppo', … }]
 */
export function geoparse(text: string, gazetteer: Gazetteer, options: GeoparseOptions = {}): GeoparsedMention[] {
  if (typeof text !== 'string') throw new Error(`invalid text: ${typeof text} (expected a string)`);
  const { demonyms = true, ...locateOptions } = options;
  const entry: Entry = { id: `${SOURCE}-1`, source: SOURCE, time: NO_TIME, timeEstimated: false, kind: 'report', text, mentions: [] };
  const { entries, places } = locatePlaces([entry], gazetteer, locateOptions);
  const byId = new Map(places.features.map((f) => [f.properties.id, f]));
  const mentions = entries[0]!.mentions.map((m): GeoparsedMention => {
    const feature = byId.get(m.placeId)!;
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const p = feature.properties;
    return { start: m.start, end: m.end, text: m.text, placeId: m.placeId, name: p.name, lat, lon, country: p.country, kind: p.kind, precision: p.precision, origin: p.origin };
  });
  if (!demonyms) return mentions;
  return [...mentions, ...findDemonyms(text, gazetteer, mentions)].sort((a, b) => a.start - b.start);
}

/** What an adjective names: a country (ISO2) or a continent, macro-region or sea (`region:<id>` and its name). */
type DemonymTarget = { iso2: string } | { origin: string; name: string };

interface DemonymTable {
  pattern: RegExp;
  targets: Map<string, DemonymTarget>;
}

let table: DemonymTable | undefined;

/**
 * Every adjective of `data/world/countries.json` and `data/world/regions-macro.json`, compiled once
 * into one pattern, longest first ("North Korean" before "Korean", "Latin American" before "American").
 * Capitalised and whole-word only: "Russians" (the people) and "russian" are not matched.
 */
function demonymTable(): DemonymTable {
  if (table) return table;
  const targets = new Map<string, DemonymTarget>();
  for (const c of worldCountries.countries) for (const d of c.demonyms) if (!targets.has(wordsKey(d))) targets.set(wordsKey(d), { iso2: c.iso2 });
  for (const r of macroRegions.regions) for (const d of r.demonyms) targets.set(wordsKey(d), { origin: `region:${r.id}`, name: r.names[0]! });
  const words = [...targets.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\p{Pd}]'));
  table = { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), targets };
  return table;
}

/**
 * Words before a demonym that make it a noun when a comma follows it: "were British,", "in Chinese,".
 * Not articles: "the Russian, Turkish and Iranian presidents" is a list of adjectives.
 */
const NOUN_BEFORE = new Set([
  'is', 'was', 'were', 'are', 'be', 'been', 'in', 'into', 'speak', 'speaks', 'speaking', 'spoke',
  'spoken', 'study', 'studying', 'learn', 'learning', 'learned', 'learnt', 'translated', 'fluent',
]);
/** Words after a demonym that make it a noun: its people ("many Chinese are", "a Nigerian who") or language ("French to gain"). */
const NOUN_AFTER = new Set([
  'who', 'whom', 'whose', 'are', 'is', 'was', 'were', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'need',
  'needs', 'said', 'say', 'says', 'support', 'supports', 'to', 'themselves', 'himself', 'herself',
]);

/**
 * Whether the demonym at `start`-`end` is an adjective ("Russian forces", "Saudi-led", "European and
 * Asian markets", "the Syrian-Turkish border") rather than a people or a language ("the Irish need",
 * "an American;", "in Chinese") or the first half of a compound people ("African Americans").
 */
function isAdjective(text: string, start: number, end: number): boolean {
  const rest = text.slice(end, end + 40);
  const [, gap, next] = /^([ \t]+|\p{Pd})(\p{L}+)/u.exec(rest) ?? [];
  if (next) {
    // "African American": a people; "Syrian-Turkish border": two adjectives, both places
    const { targets } = demonymTable();
    if (!/\p{Pd}/u.test(gap!) && (targets.has(next) || targets.has(next.replace(/s$/, '')))) return false;
    return !NOUN_AFTER.has(next.toLowerCase());
  }
  // only punctuation follows: a noun, unless it opens a list ("German, Irish and other immigrants")
  const before = /(\p{L}+)\P{L}*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase() ?? '';
  return rest.startsWith(',') && !NOUN_BEFORE.has(before);
}

/** "South-East Asian" and "South East Asian" alike: words joined by one space. */
function wordsKey(words: string): string {
  return words.replace(/[\s\p{Pd}]+/gu, ' ');
}

function demonymPlace(target: DemonymTarget, gazetteer: Gazetteer): GazetteerPlace | undefined {
  if ('iso2' in target) return gazetteer.country(target.iso2);
  return gazetteer.lookup(target.name).find((p) => p.origin === target.origin);
}

/**
 * The adjectives in `text` that name a country or continent, outside the spans of `found`, each as a
 * mention of that place. A place already mentioned by name keeps its id; a new one gets the slug of
 * its name, with the origin added when another place of the text has that slug.
 */
function findDemonyms(text: string, gazetteer: Gazetteer, found: GeoparsedMention[]): GeoparsedMention[] {
  const { pattern, targets } = demonymTable();
  const ids = new Map(found.map((m) => [m.origin, m.placeId]));
  const taken = new Set(ids.values());
  const out: GeoparsedMention[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (found.some((m) => m.start < end && start < m.end) || !isAdjective(text, start, end)) continue;
    const target = targets.get(wordsKey(match[0]));
    const place = target ? demonymPlace(target, gazetteer) : undefined;
    if (!place) continue;
    let placeId = ids.get(place.origin);
    if (!placeId) {
      const slug = slugify(place.name);
      placeId = taken.has(slug) ? `${slug}-${slugify(place.origin.replace(/^[a-z]+:/, ''))}` : slug;
      ids.set(place.origin, placeId);
      taken.add(placeId);
    }
    out.push({
      start,
      end,
      text: match[0],
      placeId,
      name: place.name,
      lat: round5(place.lat),
      lon: round5(place.lon),
      country: place.country,
      kind: place.kind,
      precision: place.kind === 'country' ? 'country' : 'region',
      origin: place.origin,
      demonym: true,
    });
  }
  return out;
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
