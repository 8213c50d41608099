/**
 * Geoparsing of a single text: the place finder and resolver of the pipeline, without the rest of
 * it. The text is read as the one entry of a one-source story, so a geoparsed article and an
 * ingested live blog get the same places.
 */
import type { Gazetteer, GazetteerKind } from '../../gazetteer/types.ts';
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
}

/** Options of {@link geoparse}: the same as the pipeline's place step. */
export type GeoparseOptions = LocatePlacesOptions;

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
 * @returns the mentions in text order, one per resolved place name.
 * @throws when `text` is not a string or a theatre code is not two capital letters.
 * @example
 * geoparse('Clashes in Baquba, 30 miles north of Baghdad.', gazetteer)
 * // [{ start: 11, end: 17, text: 'Baquba', placeId: 'baquba', country: 'IQ', kind: 'town', … }, …]
 */
export function geoparse(text: string, gazetteer: Gazetteer, options: GeoparseOptions = {}): GeoparsedMention[] {
  if (typeof text !== 'string') throw new Error(`invalid text: ${typeof text} (expected a string)`);
  const entry: Entry = { id: `${SOURCE}-1`, source: SOURCE, time: NO_TIME, timeEstimated: false, kind: 'report', text, mentions: [] };
  const { entries, places } = locatePlaces([entry], gazetteer, options);
  const byId = new Map(places.features.map((f) => [f.properties.id, f]));
  return entries[0]!.mentions.map((m) => {
    const feature = byId.get(m.placeId)!;
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const p = feature.properties;
    return { start: m.start, end: m.end, text: m.text, placeId: m.placeId, name: p.name, lat, lon, country: p.country, kind: p.kind, precision: p.precision, origin: p.origin };
  });
}
