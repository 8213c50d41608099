/**
 * Builds `data/world/countries.json`, the one table of countries, their names, demonyms, capitals,
 * seat-of-government metonyms, map colours and representative points, from the `world-countries` package (mledoze/countries,
 * ODbL-1.0) and the hand-kept `data/world/countries-overrides.json`.
 *
 * The package is not a dependency of the project. Get it, then run the script:
 *
 *     npm install --no-save world-countries@5
 *     npx tsx scripts/build-world-countries.ts [path/to/world-countries/countries.json]
 *
 * Without a path it reads `node_modules/world-countries/countries.json`. The output is deterministic:
 * the same package and overrides give the same file. See docs/actors.md.
 */
import type { WorldCountry } from '../src/pipeline/events/world-actors.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The fields this script reads from one row of the package's `countries.json`. */
export interface PackageCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  capital?: string[];
  altSpellings: string[];
  borders?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  /** A central point, `[lat, lon]` (the CIA World Factbook's geographic coordinates). */
  latlng: [number, number];
}

/** A row of the generated table: every field present, the point included (to 5 decimals). */
export type CountryRow = WorldCountry;

type ListField = 'names' | 'demonyms' | 'capitals' | 'seats';

/** `data/world/countries-overrides.json`. */
export interface CountryOverrides {
  include: { codes: string[] };
  extra: (Record<ListField, string[]> & { iso2: string; name: string; neighbours: string[]; lat: number; lon: number })[];
  edits: { iso2: string; add?: Partial<Record<ListField, string[]>>; drop?: Partial<Record<ListField, string[]>> }[];
  /** Points that replace the package's where it is far from GeoNames' country point. */
  points: { iso2: string; lat: number; lon: number }[];
  palette: string[];
  pins: { iso2: string; color: string }[];
  rivals: { pair: [string, string] }[];
}


const FIELDS: ListField[] = ['names', 'demonyms', 'capitals', 'seats'];

/** A word that marks an alternative spelling as an English phrase rather than a native-language form. */
const ENGLISH_MARKER =
  /\b(?:Republic|Kingdom|State|States|Democratic|Federation|Federal|United|Union|Islands|Commonwealth|Confederation|Principality|Sultanate|Emirates|Great|Islamic|Arab|of|the|and|The)\b/;

/** Latin letters, spaces and the punctuation of names: no other scripts, commas or brackets. */
const LATIN_NAME = /^[\p{Script=Latin}\s.'’-]+$/u;

/** True for a name as English text writes it: the package's alternatives also hold native forms and codes. */
function isEnglishName(name: string, iso2: string): boolean {
  if (name === iso2 || !LATIN_NAME.test(name)) return false;
  return /^[A-Z]{3,}$/.test(name) || ENGLISH_MARKER.test(name);
}

/** The package gives one English demonym string, sometimes two joined: `Antiguan, Barbudan`, `Kittitian or Nevisian`. */
function splitDemonyms(value: string | undefined): string[] {
  return value ? value.split(/,\s*|\s+or\s+/).map((d) => d.trim()).filter(Boolean) : [];
}

/** Coordinates to 5 decimals (about a metre), as the rest of the project's data. */
function round(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** FNV-1a: a stable starting point in the palette for each code, so colours spread without a random draw. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/**
 * Colours every country from the palette so that no two neighbours or rivals share one: pinned
 * countries first, then the most connected first, each taking the first free colour from its own
 * starting point in the palette; the least used colour among its neighbours if none is free.
 */
function assignColors(codes: string[], edges: Map<string, Set<string>>, overrides: CountryOverrides): Map<string, string> {
  const palette = overrides.palette;
  const colors = new Map<string, string>();
  for (const pin of overrides.pins) colors.set(pin.iso2, pin.color);
  const order = codes
    .filter((c) => !colors.has(c))
    .sort((a, b) => (edges.get(b)?.size ?? 0) - (edges.get(a)?.size ?? 0) || (a < b ? -1 : 1));
  for (const code of order) {
    const used = new Map<string, number>();
    for (const n of edges.get(code) ?? []) {
      const c = colors.get(n);
      if (c) used.set(c, (used.get(c) ?? 0) + 1);
    }
    const start = hash(code) % palette.length;
    const candidates = palette.map((_, i) => palette[(start + i) % palette.length]);
    const free = candidates.find((c) => !used.has(c));
    colors.set(code, free ?? candidates.reduce((best, c) => ((used.get(c) ?? 0) < (used.get(best) ?? 0) ? c : best)));
  }
  return colors;
}

/**
 * The country table from the package rows and the overrides: sovereign states plus the included
 * territories and extra rows, sorted by code. Throws when an override names a code or a value that
 * is not there, so a package update that changes a row is noticed.
 * @example buildWorldCountries(JSON.parse(packageJson), JSON.parse(overridesJson))
 */
export function buildWorldCountries(rows: PackageCountry[], overrides: CountryOverrides): CountryRow[] {
  const included = new Set(overrides.include.codes);
  const picked = rows.filter((r) => r.independent === true || included.has(r.cca2));
  for (const code of included) {
    if (!picked.some((r) => r.cca2 === code)) throw new Error(`include: code not in the package: ${code}`);
  }
  const byIso3 = new Map(picked.map((r) => [r.cca3, r.cca2]));
  const countries = new Map<string, CountryRow>();
  const edges = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!edges.has(a)) edges.set(a, new Set());
    if (!edges.has(b)) edges.set(b, new Set());
    edges.get(a)!.add(b);
    edges.get(b)!.add(a);
  };

  for (const r of picked) {
    const iso2 = r.cca2;
    const names = [r.name.common, r.name.official, ...r.altSpellings].filter((n, i) => i < 1 || isEnglishName(n, iso2));
    const eng = r.demonyms?.eng;
    countries.set(iso2, {
      iso2,
      name: r.name.common,
      names: unique(names),
      demonyms: unique([...splitDemonyms(eng?.m), ...splitDemonyms(eng?.f)]),
      capitals: unique(r.capital ?? []),
      seats: [],
      color: '',
      lat: r.latlng[0],
      lon: r.latlng[1],
    });
    for (const b of r.borders ?? []) {
      const other = byIso3.get(b);
      if (other) link(iso2, other);
    }
  }
  for (const x of overrides.extra) {
    if (countries.has(x.iso2)) throw new Error(`extra: code already in the package: ${x.iso2}`);
    countries.set(x.iso2, { iso2: x.iso2, name: x.name, names: x.names, demonyms: x.demonyms, capitals: x.capitals, seats: x.seats, color: '', lat: x.lat, lon: x.lon });
    for (const n of x.neighbours) link(x.iso2, n);
  }
  for (const edit of overrides.edits) {
    const row = countries.get(edit.iso2);
    if (!row) throw new Error(`edits: unknown code: ${edit.iso2}`);
    for (const field of FIELDS) {
      for (const value of edit.drop?.[field] ?? []) {
        if (!row[field].includes(value)) throw new Error(`edits: ${edit.iso2}.${field} has no ${JSON.stringify(value)} to drop`);
        row[field] = row[field].filter((v) => v !== value);
      }
      row[field] = unique([...row[field], ...(edit.add?.[field] ?? [])]);
    }
  }
  for (const point of overrides.points) {
    const row = countries.get(point.iso2);
    if (!row) throw new Error(`points: unknown code: ${point.iso2}`);
    row.lat = point.lat;
    row.lon = point.lon;
  }
  for (const row of countries.values()) {
    const { iso2, lat, lon } = row;
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) throw new Error(`invalid point of ${iso2}: ${lat}, ${lon}`);
    row.lat = round(lat);
    row.lon = round(lon);
  }
  for (const { pair } of overrides.rivals) {
    for (const code of pair) if (!countries.has(code)) throw new Error(`rivals: unknown code: ${code}`);
    link(pair[0], pair[1]);
  }

  const codes = [...countries.keys()].sort();
  const colors = assignColors(codes, edges, overrides);
  return codes.map((code) => ({ ...countries.get(code)!, color: colors.get(code)! }));
}

/** The JSON file: a header, then one country per line so a regenerated table diffs line by line. */
export function formatWorldCountries(countries: CountryRow[], source: string): string {
  const header = {
    $comment:
      'Generated by scripts/build-world-countries.ts from the world-countries package and data/world/countries-overrides.json: edit those, not this file. One row per sovereign state or commonly reported territory. names: English names and short forms; demonyms: adjectives used before army/troops/forces, the preferred one first; capitals: capital names and spellings, used as metonyms for the government; seats: other seat-of-government metonyms; color: map colour, different from every neighbour and listed rival; lat, lon: where the country stands as a place, GeoNames\' country point (the package\'s CIA World Factbook point, corrected in the overrides where GeoNames differs), used by the gazetteer. See docs/actors.md.',
    source,
    license: 'ODbL-1.0 (Open Database License) for the package data: attribution to mledoze/countries required.',
  };
  const head = JSON.stringify(header, null, 2).slice(0, -2);
  const rows = countries.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `${head},\n  "countries": [\n${rows}\n  ]\n}\n`;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function main(): void {
  const pkgFile = process.argv[2] ?? join(ROOT, 'node_modules/world-countries/countries.json');
  if (!existsSync(pkgFile)) {
    throw new Error(`world-countries data not found at ${pkgFile}: run \`npm install --no-save world-countries@5\` or pass the path to its countries.json`);
  }
  const pkgJsonFile = join(dirname(pkgFile), 'package.json');
  const version = existsSync(pkgJsonFile) ? (JSON.parse(readFileSync(pkgJsonFile, 'utf8')) as { version: string }).version : 'unknown';
  const rows = JSON.parse(readFileSync(pkgFile, 'utf8')) as PackageCountry[];
  const overrides = JSON.parse(readFileSync(join(ROOT, 'data/world/countries-overrides.json'), 'utf8')) as CountryOverrides;
  const countries = buildWorldCountries(rows, overrides);
  const source = `world-countries ${version} (mledoze/countries) + data/world/countries-overrides.json`;
  writeFileSync(join(ROOT, 'data/world/countries.json'), formatWorldCountries(countries, source));
  console.log(`data/world/countries.json: ${countries.length} countries`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
