/**
 * Loads the gazetteer into a queryable index. Pure: no fs, no DOM; Node and the browser pass in
 * the compact file's bytes they read or fetched (or a gazetteer just built, in tests).
 */
import { altNamesOf, decodeGazetteer } from './compact.ts';
import { KeyTable } from './key-table.ts';
import { NORMALIZER_VERSION, normalizeName, skeletonKey } from './normalize.ts';
import { GAZETTEER_FORMAT, type Gazetteer, type GazetteerJson, type GazetteerKind, type GazetteerPlace, type GazetteerTable } from './types.ts';

/** Skeleton keys shorter than this match too much (`sada`, `kav`) and are not indexed. */
const MIN_SKELETON_LENGTH = 5;

/**
 * Builds the lookup index over the gazetteer: the compact file's bytes (`gazetteer.bin.gz`
 * unzipped, see `gunzipIfNeeded`), or the `GazetteerJson` that `buildGazetteer` returns. Both give
 * the same index.
 *
 * @param source - the file written by `npm run build:gazetteer`, unzipped, or a built gazetteer.
 * @throws when the file was built by another codec, format or normaliser version (rebuild it).
 * @example const gazetteer = loadGazetteer(await gunzipIfNeeded(new Uint8Array(await (await fetch('gazetteer/gazetteer.bin.gz')).arrayBuffer())));
 */
export function loadGazetteer(source: GazetteerJson | Uint8Array): Gazetteer {
  return indexGazetteer(source instanceof Uint8Array ? decodeGazetteer(source) : tableFromJson(source));
}

/**
 * Lays a built gazetteer out in columns (what the compact file decodes to).
 *
 * @throws when it was built by another format or normaliser version.
 * @example tableFromJson(buildGazetteer(sources)).size
 */
export function tableFromJson(json: GazetteerJson): GazetteerTable {
  if (json?.format !== GAZETTEER_FORMAT || json.normalizer !== NORMALIZER_VERSION) {
    throw new Error(
      `invalid gazetteer: format ${json?.format}/normalizer ${json?.normalizer}, expected ${GAZETTEER_FORMAT}/${NORMALIZER_VERSION}; run npm run build:gazetteer`,
    );
  }
  const rows = json.places;
  const column = <T>(c: number) => rows.map((row) => row[c] as T);
  const keys: string[] = [];
  const keyStart = new Uint32Array(rows.length + 1);
  rows.forEach((row, i) => {
    keyStart[i] = keys.length;
    keys.push(...row[8].split('|'));
  });
  keyStart[rows.length] = keys.length;
  return {
    sources: json.sources,
    rules: json.rules,
    zones: json.zones,
    size: rows.length,
    origin: column(0),
    name: (index) => rows[index]![1],
    lat: Float64Array.from(column<number>(2)),
    lon: Float64Array.from(column<number>(3)),
    country: column(4),
    admin1: column(5),
    population: Float64Array.from(column<number>(6)),
    code: column(7),
    keys,
    keyStart,
    native: column(9),
    alts: column(10),
    altsEncoded: false,
  };
}

function indexGazetteer(table: GazetteerTable): Gazetteer {
  const { size, keys, keyStart, country, code, population } = table;
  // Each distinct key gets an id in the order it first occurs; its places are one run of `postings`.
  const keyIds = new KeyTable(keys.length);
  const distinct = keyIds.keys;
  const occurrence = new Int32Array(keys.length);
  let counts = new Uint32Array(1024);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (!key) {
      occurrence[k] = -1;
      continue;
    }
    const id = keyIds.add(key);
    if (id >= counts.length) {
      const grown = new Uint32Array(counts.length * 2);
      grown.set(counts);
      counts = grown;
    }
    occurrence[k] = id;
    counts[id]!++;
  }
  const postingStart = new Uint32Array(distinct.length + 1);
  for (let id = 0; id < distinct.length; id++) postingStart[id + 1] = postingStart[id]! + counts[id]!;
  const postings = new Uint32Array(postingStart[distinct.length]!);
  const filled = postingStart.slice(0, distinct.length);
  for (let i = 0; i < size; i++) {
    for (let k = keyStart[i]!; k < keyStart[i + 1]!; k++) {
      const id = occurrence[k]!;
      if (id >= 0) postings[filled[id]!++] = i;
    }
  }
  const placesOfKey = (id: number): Uint32Array => postings.subarray(postingStart[id]!, postingStart[id + 1]!);
  let maxWords = table.maxWords ?? 1;
  if (table.maxWords === undefined) for (const key of distinct) if (key.includes(' ')) maxWords = Math.max(maxWords, countWords(key));

  const countries = new Map<string, number>();
  const capitals = new Map<string, number>();
  const regionNames = new Map<string, string>();
  const byCountry = new Map<string, number[]>();
  for (let i = 0; i < size; i++) {
    const iso2 = country[i]!;
    const inCountry = byCountry.get(iso2);
    if (inCountry) inCountry.push(i);
    else byCountry.set(iso2, [i]);
    const featureCode = code[i];
    if (featureCode === 'PCLI') countries.set(iso2, i);
    else if (featureCode === 'PPLC') {
      const seen = capitals.get(iso2);
      if (seen === undefined || population[seen]! < population[i]!) capitals.set(iso2, i);
    } else if (featureCode === 'ADM1' && table.admin1[i]) regionNames.set(`${iso2}.${table.admin1[i]}`, table.name(i));
  }

  // The loose (skeleton) index is built lazily, one bucket of keys at a time: computing the
  // skeleton of every key up front would double the load time.
  const skeletonBuckets = new Map<string, Map<string, number[]>>();
  const skeletonBucket = (bucket: string): Map<string, number[]> => {
    let map = skeletonBuckets.get(bucket);
    if (map) return map;
    map = new Map();
    distinct.forEach((key, id) => {
      if (bucketOf(key) !== bucket) return;
      const skeleton = skeletonKey(key);
      if (skeleton.length < MIN_SKELETON_LENGTH) return;
      const seen = map!.get(skeleton);
      if (seen) seen.push(...placesOfKey(id));
      else map!.set(skeleton, [...placesOfKey(id)]);
    });
    skeletonBuckets.set(bucket, map);
    return map;
  };

  // Restricted to a few countries (the story's theatre), the loose index is small and quick.
  const countrySkeletons = new Map<string, Map<string, number[]>>();
  const countrySkeleton = (iso2: string): Map<string, number[]> => {
    let map = countrySkeletons.get(iso2);
    if (map) return map;
    map = new Map();
    for (const i of byCountry.get(iso2) ?? []) {
      for (let k = keyStart[i]!; k < keyStart[i + 1]!; k++) {
        const skeleton = skeletonKey(keys[k]!);
        if (skeleton.length < MIN_SKELETON_LENGTH) continue;
        const seen = map.get(skeleton);
        if (seen) seen.push(i);
        else map.set(skeleton, [i]);
      }
    }
    countrySkeletons.set(iso2, map);
    return map;
  };

  const cache = new Map<number, GazetteerPlace>();
  const place = (index: number): GazetteerPlace => {
    let p = cache.get(index);
    if (!p) {
      if (!Number.isInteger(index) || index < 0 || index >= size) throw new Error(`invalid gazetteer index: ${index}`);
      p = toPlace(table, index, regionNames);
      cache.set(index, p);
    }
    return p;
  };
  const unique = (list: ArrayLike<number> | undefined): GazetteerPlace[] => (list ? [...new Set(Array.from(list))].map(place) : []);

  return {
    size,
    rules: table.rules,
    maxWords,
    place,
    lookup: (name) => {
      const id = keyIds.idOf(normalizeName(name));
      return id < 0 ? [] : unique(placesOfKey(id));
    },
    lookupLoose: (name, countryCodes) => {
      const skeleton = skeletonKey(normalizeName(name));
      if (skeleton.length < MIN_SKELETON_LENGTH) return [];
      if (!countryCodes) return unique(skeletonBucket(bucketOf(skeleton)).get(skeleton));
      return unique(countryCodes.flatMap((c) => countrySkeleton(c).get(skeleton) ?? []));
    },
    country: (iso2) => {
      const i = countries.get(iso2);
      return i === undefined ? undefined : place(i);
    },
    capital: (iso2) => {
      const i = capitals.get(iso2);
      return i === undefined ? undefined : place(i);
    },
    zone: (iso2) => table.zones?.[iso2],
  };
}

/** The first letter as the skeleton writes it (vowels → a, q → k), so a key and its skeleton share a bucket. */
function bucketOf(key: string): string {
  const c = key[0] ?? '';
  return 'aeiouy'.includes(c) ? 'a' : c === 'q' ? 'k' : c;
}

function countWords(key: string): number {
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
}

function toPlace(table: GazetteerTable, index: number, regionNames: Map<string, string>): GazetteerPlace {
  const origin = table.origin[index]!;
  const code = table.code[index]!;
  const country = table.country[index]!;
  const admin1 = table.admin1[index];
  const native = table.native[index];
  const kind: GazetteerKind = code === 'PCLI' ? 'country' : code === 'ADM1' ? 'region' : 'town';
  const featureCode = code || 'PPL';
  const admin1Name = kind === 'town' && admin1 ? regionNames.get(`${country}.${admin1}`) : undefined;
  return {
    index,
    origin: typeof origin === 'number' ? `geonames:${origin}` : origin,
    name: table.name(index),
    lat: table.lat[index]!,
    lon: table.lon[index]!,
    country,
    ...(admin1Name ? { admin1: admin1Name } : {}),
    kind,
    featureCode,
    population: table.population[index]!,
    altNames: altNamesOf(table, index),
    ...(native ? { nameNative: native } : {}),
  };
}
