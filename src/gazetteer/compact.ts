/**
 * The gazetteer's compact file (`gazetteer.bin.gz` unzipped, written by `npm run build:gazetteer`): the same
 * content as the build's {@link GazetteerJson}, in columns. Pure: bytes in, bytes out; Node reads
 * the file, the browser fetches it, and both decode it here.
 *
 * Layout: `LCMG`, a little-endian u32 header length, a JSON header (versions, sources, rules,
 * zones, the most words in a key, the dictionaries of countries, admin1 codes and feature codes, section lengths), then the
 * sections in {@link SECTIONS} order:
 * - `origin`: per place a varint, `0` for a named origin (the header's `named`, in order), else
 *   1 + the zigzagged difference from the previous GeoNames id (ids mostly ascend);
 * - `lat`, `lon`: the zigzagged difference from the previous place, in 1e-4 degrees (the build's
 *   rounding, so exact), as four byte planes (all low bytes, then the next...), which gzip well;
 * - `population`: four byte planes; `country`, `admin1`, `code`: two byte planes of a dictionary index;
 * - `text`: a line per place: the name; `\t` and the first spelling key unless {@link guessKey}
 *   gives it from the name (92 % of places); then each other key as `|`, a letter saying how many
 *   leading characters it shares with the first key (`A` = 0 … `Z` = 25), and the rest;
 * - `native`: a line per place; `alts`: a line per place, each display alternate either the index
 *   of the key it title-cases or `=` and the alternate itself.
 */
import { GAZETTEER_FORMAT, type GazetteerJson, type GazetteerTable } from './types.ts';
import { NORMALIZER_VERSION } from './normalize.ts';
import { bytePlanes, Dictionary, readPlanes, unzigzag, varints, zigzag } from './byte-coding.ts';

/** Version of this layout; bump on any change to it. */
export const COMPACT_VERSION = 1;

const MAGIC = 'LCMG';
const SECTIONS = ['origin', 'lat', 'lon', 'population', 'country', 'admin1', 'code', 'text', 'native', 'alts'] as const;
type Section = (typeof SECTIONS)[number];
/** Coordinates are stored as integers of this many per degree (the build rounds to 4 decimals). */
const COORD_SCALE = 1e4;
/** Longest shared prefix a rest key's letter can say (`Z`). */
const MAX_PREFIX = 25;

interface Header {
  magic: string;
  codec: number;
  format: number;
  normalizer: number;
  size: number;
  sources: GazetteerJson['sources'];
  rules: GazetteerJson['rules'];
  zones: GazetteerJson['zones'];
  named: string[];
  maxWords: number;
  countries: string[];
  admin1s: string[];
  codes: string[];
  sections: number[];
}

/**
 * Encodes a built gazetteer into the compact file.
 *
 * @param json - what `buildGazetteer` returns.
 * @throws when a value cannot be stored exactly (a coordinate off the 1e-4 grid, a name with a
 *   line break, tab or `|`, a population that is not a whole number).
 * @example await writeFile('gazetteer.bin', encodeGazetteer(buildGazetteer(sources)));
 */
export function encodeGazetteer(json: GazetteerJson): Uint8Array {
  const rows = json.places;
  const n = rows.length;
  const named: string[] = [];
  const origin: number[] = [];
  const lat = new Uint32Array(n);
  const lon = new Uint32Array(n);
  const population = new Uint32Array(n);
  const dictionaries = { countries: new Dictionary(), admin1s: new Dictionary(), codes: new Dictionary() };
  const country = new Uint32Array(n);
  const admin1 = new Uint32Array(n);
  const code = new Uint32Array(n);
  const text: string[] = [];
  const native: string[] = [];
  const alts: string[] = [];
  let maxWords = 1;
  let lastId = 0;
  let lastLat = 0;
  let lastLon = 0;

  rows.forEach((row, i) => {
    const [id, name, y, x, iso2, region, pop, featureCode, keyList, nativeName, altList] = row;
    if (typeof id === 'number') {
      if (!Number.isSafeInteger(id) || id < 0) throw new Error(`invalid gazetteer origin: ${id}`);
      origin.push(zigzag(id - lastId) + 1);
      lastId = id;
    } else {
      origin.push(0);
      named.push(id);
    }
    const latUnits = gridUnits(y, `latitude of ${name}`);
    const lonUnits = gridUnits(x, `longitude of ${name}`);
    lat[i] = zigzag(latUnits - lastLat);
    lon[i] = zigzag(lonUnits - lastLon);
    [lastLat, lastLon] = [latUnits, lonUnits];
    if (!Number.isInteger(pop) || pop < 0 || pop > 0xffffffff) throw new Error(`invalid gazetteer population of ${name}: ${pop}`);
    population[i] = pop;
    country[i] = dictionaries.countries.id(iso2);
    admin1[i] = dictionaries.admin1s.id(region);
    code[i] = dictionaries.codes.id(featureCode);
    if (/[\t\n|]/.test(name) || /[\t\n]/.test(keyList)) throw new Error(`invalid gazetteer name: ${JSON.stringify(name)}`);
    const keys = keyList.split('|');
    for (const key of keys) if (key) maxWords = Math.max(maxWords, key.split(' ').length);
    const first = keys[0]!;
    let line = name + (guessKey(name) === first ? '' : `\t${first}`);
    for (const key of keys.slice(1)) {
      const shared = Math.min(sharedPrefix(key, first), MAX_PREFIX);
      line += `|${String.fromCharCode(65 + shared)}${key.slice(shared)}`;
    }
    text.push(line);
    if (/\n/.test(nativeName) || /\n/.test(altList)) throw new Error(`invalid gazetteer name: ${JSON.stringify(nativeName || altList)}`);
    native.push(nativeName);
    alts.push(altList ? altList.split('|').map((alt) => encodeAlt(alt, keys)).join('|') : '');
  });

  const utf8 = new TextEncoder();
  const sections: Record<Section, Uint8Array> = {
    origin: varints(origin),
    lat: bytePlanes(lat, 4),
    lon: bytePlanes(lon, 4),
    population: bytePlanes(population, 4),
    country: bytePlanes(country, 2),
    admin1: bytePlanes(admin1, 2),
    code: bytePlanes(code, 2),
    text: utf8.encode(text.join('\n')),
    native: utf8.encode(native.join('\n')),
    alts: utf8.encode(alts.join('\n')),
  };
  const header: Header = {
    magic: MAGIC,
    codec: COMPACT_VERSION,
    format: json.format,
    normalizer: json.normalizer,
    size: n,
    sources: json.sources,
    rules: json.rules,
    zones: json.zones,
    named,
    maxWords,
    countries: dictionaries.countries.values,
    admin1s: dictionaries.admin1s.values,
    codes: dictionaries.codes.values,
    sections: SECTIONS.map((s) => sections[s].length),
  };
  const head = utf8.encode(JSON.stringify(header));
  const out = new Uint8Array(8 + head.length + header.sections.reduce((a, b) => a + b, 0));
  out.set(utf8.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const s of SECTIONS) {
    out.set(sections[s], at);
    at += sections[s].length;
  }
  return out;
}

/**
 * Decodes the compact file into the gazetteer's columns (see `loadGazetteer`).
 *
 * @param bytes - the file as written by {@link encodeGazetteer} (not gzipped).
 * @throws when the bytes are not a compact gazetteer, or one of another format or normaliser.
 * @example const table = decodeGazetteer(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 */
export function decodeGazetteer(bytes: Uint8Array): GazetteerTable {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  if (bytes.length < 8 || utf8.decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error('invalid gazetteer: not a compact gazetteer file; run npm run build:gazetteer');
  }
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const header = JSON.parse(utf8.decode(bytes.subarray(8, 8 + headLength))) as Header;
  if (header.codec !== COMPACT_VERSION || header.format !== GAZETTEER_FORMAT || header.normalizer !== NORMALIZER_VERSION) {
    throw new Error(
      `invalid gazetteer: codec ${header.codec}/format ${header.format}/normalizer ${header.normalizer}, expected ${COMPACT_VERSION}/${GAZETTEER_FORMAT}/${NORMALIZER_VERSION}; run npm run build:gazetteer`,
    );
  }
  const n = header.size;
  const section = {} as Record<Section, Uint8Array>;
  let offset = 8 + headLength;
  SECTIONS.forEach((s, i) => {
    section[s] = bytes.subarray(offset, offset + header.sections[i]!);
    offset += header.sections[i]!;
  });
  if (offset !== bytes.length) throw new Error('invalid gazetteer: truncated or padded file; run npm run build:gazetteer');

  const origin = decodeOrigins(section.origin, n, header.named);
  const lat = decodeCoordinates(section.lat, n);
  const lon = decodeCoordinates(section.lon, n);
  const population = readPlanes(section.population, n, 4);
  const country = lookupAll(readPlanes(section.country, n, 2), header.countries);
  const admin1 = lookupAll(readPlanes(section.admin1, n, 2), header.admin1s);
  const code = lookupAll(readPlanes(section.code, n, 2), header.codes);

  // One pass over the text, cutting keys out of it; names are cut out only when asked for. The
  // text lower-cased (hyphens as spaces) once gives the guessed first key of an ASCII name as one
  // slice. Lower-casing keeps every offset unless a letter grows (the dotted İ): then guess each.
  const text = utf8.decode(section.text);
  const lower = text.toLowerCase().replaceAll('-', ' ');
  const aligned = lower.length === text.length;
  const nameStart = new Uint32Array(n);
  const nameEnd = new Uint32Array(n);
  const keys: string[] = [];
  const keyStart = new Uint32Array(n + 1);
  // Tabs and bars are rare: the next of each is searched for again only once passed.
  const nextOf = (char: string, from: number) => {
    const i = text.indexOf(char, from);
    return i < 0 ? text.length + 1 : i;
  };
  let nextBar = nextOf('|', 0);
  let nextTab = nextOf('\t', 0);
  let at = 0;
  for (let i = 0; i < n; i++) {
    if (at > text.length) throw new Error('invalid gazetteer: the name section does not match the places');
    keyStart[i] = keys.length;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (nextBar < at) nextBar = nextOf('|', at);
    if (nextTab < at) nextTab = nextOf('\t', at);
    let bar = nextBar > end ? end : nextBar;
    const tab = nextTab > bar ? -1 : nextTab;
    const stop = tab < 0 ? bar : tab;
    nameStart[i] = at;
    nameEnd[i] = stop;
    let first: string;
    if (tab >= 0) first = text.slice(tab + 1, bar);
    else if (aligned && isAscii(text, at, stop)) first = lower.slice(at, stop);
    else first = guessKey(text.slice(at, stop));
    keys.push(first);
    while (bar < end) {
      nextBar = nextOf('|', bar + 1);
      const next = nextBar > end ? end : nextBar;
      const shared = text.charCodeAt(bar + 1) - 65;
      keys.push(shared ? first.slice(0, shared) + text.slice(bar + 2, next) : text.slice(bar + 2, next));
      bar = next;
    }
    at = end + 1;
  }
  if (n > 0 && at !== text.length + 1) throw new Error('invalid gazetteer: the name section does not match the places');
  const name = (index: number): string => {
    if (!(index >= 0 && index < n)) throw new Error(`invalid gazetteer index: ${index}`);
    return text.slice(nameStart[index], nameEnd[index]);
  };
  keyStart[n] = keys.length;

  return {
    sources: header.sources,
    rules: header.rules,
    zones: header.zones,
    size: n,
    origin,
    name,
    lat,
    lon,
    country,
    admin1,
    population: Float64Array.from(population),
    code,
    keys,
    keyStart,
    native: lines(utf8.decode(section.native), n),
    alts: lines(utf8.decode(section.alts), n),
    altsEncoded: true,
    maxWords: header.maxWords,
  };
}

/**
 * The display alternates of place `index` of a decoded table (see {@link GazetteerTable.alts}).
 *
 * @example altNamesOf(table, 0) // ['Bagdad']
 */
export function altNamesOf(table: GazetteerTable, index: number): string[] {
  const stored = table.alts[index];
  if (!stored) return [];
  if (!table.altsEncoded) return stored.split('|');
  const start = table.keyStart[index]!;
  return stored.split('|').map((alt) => (alt.startsWith('=') ? alt.slice(1) : titleCase(table.keys[start + Number(alt)]!)));
}

/**
 * The first spelling key as most names give it without `normalizeName` (which would cost the
 * loader half a second over 200,000 names): lower case, diacritics and hyphens gone. Where it is
 * wrong the file stores the key; it only has to be the same function at both ends.
 */
function guessKey(name: string): string {
  if (isAscii(name, 0, name.length)) return name.toLowerCase().replaceAll('-', ' ');
  // Character by character, each non-ASCII one through a table: normalising and lower-casing whole
  // names took the decoder two to four times as long over its ~37,000 non-ASCII names.
  const codes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 128) codes.push(c === 45 ? 32 : c >= 65 && c <= 90 ? c + 32 : c);
    else {
      const plain = plainLetter(name[i]!);
      for (let k = 0; k < plain.length; k++) codes.push(plain.charCodeAt(k));
    }
  }
  return String.fromCharCode(...codes);
}

/** A non-ASCII character without its diacritics, lower-cased (`Ḩ` → `h`), worked out once per character. */
function plainLetter(char: string): string {
  let plain = plainLetters.get(char);
  if (plain === undefined) {
    plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replaceAll('-', ' ');
    plainLetters.set(char, plain);
  }
  return plain;
}
const plainLetters = new Map<string, string>();

function isAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function titleCase(key: string): string {
  return key.replace(/(^| )([a-z])/g, (_, space: string, letter: string) => space + letter.toUpperCase());
}

function encodeAlt(alt: string, keys: string[]): string {
  const i = keys.findIndex((key) => titleCase(key) === alt);
  return i >= 0 ? String(i) : `=${alt}`;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function gridUnits(value: number, what: string): number {
  const units = Math.round(value * COORD_SCALE);
  if (!Number.isFinite(value) || units / COORD_SCALE !== value) throw new Error(`invalid gazetteer ${what}: ${value} is not on the 1e-4 grid`);
  return units;
}

function decodeCoordinates(bytes: Uint8Array, n: number): Float64Array {
  const deltas = readPlanes(bytes, n, 4);
  const out = new Float64Array(n);
  let units = 0;
  for (let i = 0; i < n; i++) {
    units += unzigzag(deltas[i]!);
    out[i] = units / COORD_SCALE;
  }
  return out;
}

function decodeOrigins(bytes: Uint8Array, n: number, named: string[]): (number | string)[] {
  const out: (number | string)[] = new Array(n);
  let at = 0;
  let id = 0;
  let nextNamed = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[at++]!;
      v += (byte & 127) * scale;
      scale *= 128;
    } while (byte & 128);
    if (v === 0) out[i] = named[nextNamed++]!;
    else out[i] = id += unzigzag(v - 1);
  }
  if (at !== bytes.length || nextNamed !== named.length) throw new Error('invalid gazetteer: the origin section does not match the places');
  return out;
}

function lines(text: string, n: number): string[] {
  const out = n === 0 ? [] : text.split('\n');
  if (out.length !== n) throw new Error('invalid gazetteer: a name section does not match the places');
  return out;
}

function lookupAll(ids: Uint32Array, values: string[]): string[] {
  const out: string[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = values[ids[i]!]!;
  return out;
}
