/**
 * Loads the gazetteer JSON into a queryable index. Pure: no fs, no DOM; Node and the browser
 * pass in the parsed JSON they read or fetched.
 */
import { NORMALIZER_VERSION, normalizeName, skeletonKey } from './normalize.ts';
import { GAZETTEER_FORMAT, type Gazetteer, type GazetteerJson, type GazetteerKind, type GazetteerPlace, type PlaceRow } from './types.ts';

/** Skeleton keys shorter than this match too much (`sada`, `kav`) and are not indexed. */
const MIN_SKELETON_LENGTH = 5;

/**
 * Builds the lookup index over a parsed `gazetteer.json`.
 *
 * @param json - the parsed file written by `npm run build:gazetteer`.
 * @throws when the file was built by another format or normaliser version (rebuild it).
 * @example const gazetteer = loadGazetteer(await (await fetch('/gazetteer/gazetteer.json')).json());
 */
export function loadGazetteer(json: GazetteerJson): Gazetteer {
  if (json?.format !== GAZETTEER_FORMAT || json.normalizer !== NORMALIZER_VERSION) {
    throw new Error(
      `invalid gazetteer: format ${json?.format}/normalizer ${json?.normalizer}, expected ${GAZETTEER_FORMAT}/${NORMALIZER_VERSION}; run npm run build:gazetteer`,
    );
  }
  const rows = json.places;
  const byKey = new Map<string, number[]>();
  const countries = new Map<string, number>();
  const capitals = new Map<string, number>();
  const regionNames = new Map<string, string>();
  const byCountry = new Map<string, number[]>();
  let maxWords = 1;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (const key of row[8].split('|')) {
      if (!key) continue;
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
      const words = countWords(key);
      if (words > maxWords) maxWords = words;
    }
    const inCountry = byCountry.get(row[4]);
    if (inCountry) inCountry.push(i);
    else byCountry.set(row[4], [i]);
    if (row[7] === 'PCLI') countries.set(row[4], i);
    else if (row[7] === 'PPLC') {
      const seen = capitals.get(row[4]);
      if (seen === undefined || rows[seen]![6] < row[6]) capitals.set(row[4], i);
    } else if (row[7] === 'ADM1' && row[5]) regionNames.set(`${row[4]}.${row[5]}`, row[1]);
  }

  // The loose (skeleton) index is built lazily, one bucket of keys at a time: computing the
  // skeleton of every key up front would double the load time.
  const skeletonBuckets = new Map<string, Map<string, number[]>>();
  const skeletonBucket = (bucket: string): Map<string, number[]> => {
    let map = skeletonBuckets.get(bucket);
    if (map) return map;
    map = new Map();
    for (const [key, list] of byKey) {
      if (bucketOf(key) !== bucket) continue;
      const skeleton = skeletonKey(key);
      if (skeleton.length < MIN_SKELETON_LENGTH) continue;
      const seen = map.get(skeleton);
      if (seen) seen.push(...list);
      else map.set(skeleton, [...list]);
    }
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
      for (const key of rows[i]![8].split('|')) {
        const skeleton = skeletonKey(key);
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
      const row = rows[index];
      if (!row) throw new Error(`invalid gazetteer index: ${index}`);
      p = toPlace(row, index, regionNames);
      cache.set(index, p);
    }
    return p;
  };
  const unique = (list: number[] | undefined): GazetteerPlace[] => (list ? [...new Set(list)].map(place) : []);

  return {
    size: rows.length,
    rules: json.rules,
    maxWords,
    place,
    lookup: (name) => unique(byKey.get(normalizeName(name))),
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
    zone: (iso2) => json.zones?.[iso2],
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

function toPlace(row: PlaceRow, index: number, regionNames: Map<string, string>): GazetteerPlace {
  const [origin, name, lat, lon, country, admin1, population, code, , native, alts] = row;
  const kind: GazetteerKind = code === 'PCLI' ? 'country' : code === 'ADM1' ? 'region' : 'town';
  const featureCode = code || 'PPL';
  const admin1Name = kind === 'town' && admin1 ? regionNames.get(`${country}.${admin1}`) : undefined;
  return {
    index,
    origin: typeof origin === 'number' ? `geonames:${origin}` : origin,
    name,
    lat,
    lon,
    country,
    ...(admin1Name ? { admin1: admin1Name } : {}),
    kind,
    featureCode,
    population,
    altNames: alts ? alts.split('|') : [],
    ...(native ? { nameNative: native } : {}),
  };
}
