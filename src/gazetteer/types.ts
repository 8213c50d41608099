/**
 * Types of the gazetteer: the rows `buildGazetteer` returns (which `npm run build:gazetteer` encodes
 * into the compact file `public/gazetteer/gazetteer.bin.gz`, see `compact.ts`), their columns,
 * and the loaded index.
 */

/**
 * Format version of the built gazetteer; bump on any change to {@link GazetteerJson} or to what its rows
 * mean (3: country points are GeoNames' country points from `data/world/countries.json`, no longer
 * centroids of Natural Earth outlines), so a file built before is rebuilt, not read.
 */
export const GAZETTEER_FORMAT = 3;

/**
 * One place as stored: `[origin, name, lat, lon, country, admin1, population, code, keys, native, alts]`.
 * - `origin`: a GeoNames id (number) or `region:<id>`, `supplement:<id>`, `country:<ISO2>`.
 * - `admin1`: GeoNames admin1 code for towns (e.g. `10`), the region's name for regions.
 * - `code`: GeoNames feature code (`PPLA`, `PPLC`, `PPLX`…), `ADM1` for regions, `PCLI` for countries.
 * - `keys`: distinct spelling keys (see `normalizeName`), `|`-separated.
 * - `native`: a native-script (Arabic, Cyrillic) name or `''`.
 * - `alts`: a few display spellings, `|`-separated, or `''`.
 */
export type PlaceRow = [
  origin: number | string,
  name: string,
  lat: number,
  lon: number,
  country: string,
  admin1: string,
  population: number,
  code: string,
  keys: string,
  native: string,
  alts: string,
];

/**
 * Where a country stands as a place: a row of `data/world/countries.json` (the table the actor layer
 * reads too), of which the gazetteer build reads only the code and the point.
 */
export interface CountryPoint {
  /** ISO 3166-1 alpha-2 (or the table's own `XK`, `XS`). */
  iso2: string;
  /** GeoNames' country (PCLI) point. */
  lat: number;
  lon: number;
  /** Its English names, the first the usual one: names the countries `countries.csv` lacks. */
  names?: string[];
}

/** Words and phrases that tell place names from organisations and people (data/gazetteer/name-rules.json). */
export interface NameRules {
  orgWords: string[];
  orgWordsBefore: string[];
  personTitles: string[];
  regionWords: string[];
  stopPhrases: string[];
  /** Capitalised words that are never places on their own (weekdays, months, outlets). */
  notPlaces: string[];
  /** Nouns for people, as a role or a relative ("spokesman", "wife"). */
  personNouns?: string[];
  /** Verbs a person is the subject of ("said", "tweeted"). */
  personVerbs?: string[];
  /** Words of institutions' names besides `orgWords` ("Department", "Police"), which say things too. */
  institutionWords?: string[];
  /** Words that end a place's name ("Harbor", "Heights"). */
  placeFeatureWords?: string[];
  /** Common given names ("Taylor", "Kelly"), written by scripts/build-first-names.ts. */
  givenNames?: string[];
  /** Names of small towns that are English words ("University", "More"), written by scripts/build-word-names.ts. */
  wordNames?: string[];
}

/** The built gazetteer, as `buildGazetteer` returns it (the compact file encodes it). */
export interface GazetteerJson {
  format: number;
  normalizer: number;
  /** Where the data comes from and under which licence. */
  sources: { name: string; licence: string; url?: string }[];
  rules: NameRules;
  places: PlaceRow[];
  /** Each country's most common IANA timezone among its GeoNames towns (ISO2 → zone). */
  zones: Record<string, string>;
}

/**
 * The gazetteer's places in columns, as `loadGazetteer` indexes them: decoded from the compact file
 * (`decodeGazetteer`) or laid out from a {@link GazetteerJson} (`tableFromJson`). Column `c[i]` is
 * field `c` of place `i`, as in {@link PlaceRow}.
 */
export interface GazetteerTable {
  sources: GazetteerJson['sources'];
  rules: NameRules;
  zones: Record<string, string>;
  size: number;
  origin: (number | string)[];
  /** Place `i`'s name (cut out of the file's text only when asked for). */
  name: (index: number) => string;
  lat: Float64Array;
  lon: Float64Array;
  country: string[];
  admin1: string[];
  population: Float64Array;
  code: string[];
  /** Every place's spelling keys, one after another: place `i` has `keys[keyStart[i]..keyStart[i + 1]]`. */
  keys: string[];
  keyStart: Uint32Array;
  native: string[];
  /** Display alternates, `|`-separated; in the compact file's coding when `altsEncoded` (read them with `altNamesOf`). */
  alts: string[];
  altsEncoded: boolean;
  /** Largest number of words in a key, when the file says it (else the index counts). */
  maxWords?: number;
}

export type GazetteerKind = 'town' | 'region' | 'country' | 'landmark';

/** A place of the loaded gazetteer. */
export interface GazetteerPlace {
  /** Position in the index. */
  index: number;
  /** `geonames:<id>`, `region:<id>`, `supplement:<id>` or `country:<ISO2>`. */
  origin: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  /** First-level region name, when the gazetteer knows it. */
  admin1?: string;
  kind: GazetteerKind;
  featureCode: string;
  population: number;
  altNames: string[];
  nameNative?: string;
}

/** The loaded, queryable gazetteer (see `loadGazetteer`). */
export interface Gazetteer {
  readonly size: number;
  readonly rules: NameRules;
  /** Largest number of words in any key, bounding the n-gram length worth looking up. */
  readonly maxWords: number;
  place(index: number): GazetteerPlace;
  /** Places whose spelling key equals `normalizeName(name)`. */
  lookup(name: string): GazetteerPlace[];
  /**
   * Places whose transliteration skeleton matches; only for keys of at least 5 letters.
   * `countries` (ISO2) restricts the search, and makes it much cheaper.
   */
  lookupLoose(name: string, countries?: string[]): GazetteerPlace[];
  /** The country-level place for an ISO2 code. */
  country(iso2: string): GazetteerPlace | undefined;
  /** The capital (GeoNames PPLC) of a country, when present. */
  capital(iso2: string): GazetteerPlace | undefined;
  /** The country's main IANA timezone (its towns' most common one), when known. */
  zone(iso2: string): string | undefined;
}
