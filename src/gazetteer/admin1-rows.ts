/** First-level regions of `data/world/admin1.json` as gazetteer rows (see scripts/build-world-regions.ts). */
import rules from '../../data/world/region-prefixes.json';
import { normalizeName, skeletonKey } from './normalize.ts';
import { keysOf, round } from './row-keys.ts';
import type { PlaceRow } from './types.ts';

/** A row of `data/world/admin1.json` (see scripts/build-world-regions.ts). */
export interface Admin1Region {
  /** ISO 3166-2 code (or `<ISO2>-<slug>`); the place is `region:<id>`. */
  id: string;
  name: string;
  /** `province`, `state`, `governorate`, `region`, `county`...: makes the "Kabul Province" name. */
  type: string;
  country: string;
  lat: number;
  lon: number;
  native: string;
  /** Whether the bare name stands for the region: false for "Central", "Delta", "Somali". */
  plain: boolean;
}

/** Region types below a state or province: a town of any size keeps their bare name. */
const LOCAL_REGION_TYPES = new Set(['district', 'county', 'parish', 'municipality', 'commune', 'rayon', 'raion', 'department']);
/** A town this populous keeps its name from a state or province of that name. */
const BIG_TOWN = 10_000;

/**
 * One place per first-level region of `data/world/admin1.json`. Its names are its full name, its
 * name with its type ("Kabul Province", "Rakhine State") and with "Region", which the finder looks
 * up after a region word ("Kabul province", "Belgorod region"); its bare name only when the row
 * allows it and no town of its country bears that name, so "Kabul" stays the city and "Delta" a word.
 */
export function admin1Rows(rows: Admin1Region[], before: PlaceRow[]): PlaceRow[] {
  // a town's spelling, or one the loose lookup takes for it ("Jebrail" for "Jabrayil"), keeps the
  // bare name from a district; from a state, province or nation only when it is a town of 10,000
  // (Kabul), not a village (the hamlet of Wales in Yorkshire does not take "Wales")
  const townPopulation = new Map<string, number>();
  for (const r of before) {
    if (r[7] === 'ADM1' || r[7] === 'PCLI') continue;
    for (const k of r[8].split('|')) {
      const key = `${r[4]}:${skeletonKey(k)}`;
      townPopulation.set(key, Math.max(townPopulation.get(key) ?? 0, r[6]));
    }
  }
  const taken = new Set(before.map((r) => r[0]));
  const out: PlaceRow[] = [];
  for (const r of rows) {
    const origin = `region:${r.id}`;
    if (taken.has(origin)) continue;
    taken.add(origin);
    const base = stripRegionType(r.name, r.type);
    const typeWord = r.type.split(' ').pop()!;
    const title = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    const names = [r.name, `${base} ${title(typeWord)}`, `${base} Region`];
    const plainKey = normalizeName(base);
    // "Nord-Kivu" is "North Kivu" in English, with or without its type
    const english = englishBase(base);
    if (english) names.push(english, `${english} ${title(typeWord)}`);
    const keys = keysOf(names).split('|').filter((k) => k !== plainKey);
    const town = townPopulation.get(`${r.country}:${skeletonKey(plainKey)}`);
    if (r.plain && (town === undefined || (!LOCAL_REGION_TYPES.has(r.type) && town < BIG_TOWN))) keys.push(plainKey);
    out.push([origin, r.name, round(r.lat), round(r.lon), r.country, '', 0, 'ADM1', keys.join('|'), r.native, '']);
  }
  return out;
}

/**
 * A region's name without its type: "Kunduz Province" with type `province` → "Kunduz".
 *
 * @example stripRegionType('Mon State', 'state') // 'Mon'
 */
export function stripRegionType(name: string, type: string): string {
  const last = type.split(' ').pop()!;
  for (const w of [type, last]) {
    if (name.toLowerCase().endsWith(` ${w}`)) return name.slice(0, -w.length - 1).trim();
  }
  return name;
}

const PREFIXES = Object.entries(rules.regionPrefixes as Record<string, string>);

/**
 * A region's name as English writes it when its own name starts with a compass or height word
 * (`data/world/region-prefixes.json`), else undefined.
 * @example englishBase('Nord-Kivu') // 'North Kivu'
 */
export function englishBase(base: string): string | undefined {
  const hit = PREFIXES.find(([own]) => base.startsWith(own) && base.length > own.length);
  return hit ? hit[1] + base.slice(hit[0].length) : undefined;
}
