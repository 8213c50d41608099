/**
 * Synthetic live blogs of any size for benchmarks: real gazetteer towns, the sentence shapes the
 * pipeline reads (clock-led entries, captures, retakes, withdrawals, clashes, strikes, quotes,
 * filler), deterministic by seed. Pure: the gazetteer comes in as an argument.
 */
import type { Gazetteer, GazetteerPlace } from '../src/gazetteer/types.ts';
import type { StoryInput } from '../src/pipeline/ingest.ts';
import type { SourceInput } from '../src/pipeline/entries/build-entries.ts';

/** Two sides and how texts name them (the war in Ukraine, matching `data/actors/ukraine.json`). */
export interface SyntheticSides {
  /** Names of side A, first is canonical (e.g. `Ukrainian forces`). */
  a: string[];
  b: string[];
}

export const UKRAINE_SIDES: SyntheticSides = {
  a: ['Ukrainian forces', 'Ukrainian troops', 'the Ukrainian army', 'Armed Forces of Ukraine'],
  b: ['Russian forces', 'Russian troops', 'the Russian army', 'pro-Russian separatists'],
};

export interface SyntheticOptions {
  /** PRNG seed; the same seed and options give the same text. */
  seed?: number;
  /** Stop once the texts hold at least this many bytes (UTF-8)… */
  bytes?: number;
  /** …or this many entries. One of the two is needed. */
  entries?: number;
  /** Towns to write about (taken from the gazetteer, most populous first). */
  places?: number;
  /** Entries per source (one source = one outlet's live blog of one day). */
  entriesPerSource?: number;
  /** Number of outlets; sources rotate through them, one day each. */
  publishers?: number;
  /** ISO2 country whose towns are used. */
  country?: string;
  /** First day (YYYY-MM-DD). */
  startDate?: string;
  timezone?: string;
  sides?: SyntheticSides;
  id?: string;
}

/** Deterministic PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The `count` most populous towns of a country whose names are plain single Latin words
 * (so the text reads as a reporter would write it), by gazetteer order for ties.
 * @example pickTowns(gazetteer, 'UA', 200)
 */
export function pickTowns(gazetteer: Gazetteer, country: string, count: number): GazetteerPlace[] {
  const towns = usableTowns(gazetteer, country);
  if (towns.length < count) throw new RangeError(`pickTowns: only ${towns.length} usable towns in ${country}, ${count} asked`);
  return towns.slice(0, count);
}

const usable = new WeakMap<Gazetteer, Map<string, GazetteerPlace[]>>();

function usableTowns(gazetteer: Gazetteer, country: string): GazetteerPlace[] {
  const byCountry = usable.get(gazetteer) ?? new Map<string, GazetteerPlace[]>();
  usable.set(gazetteer, byCountry);
  const cached = byCountry.get(country);
  if (cached) return cached;
  const towns: GazetteerPlace[] = [];
  const seen = new Set<string>();
  const stop = new Set(gazetteer.rules.notPlaces.map((w) => w.toLowerCase()));
  for (let i = 0; i < gazetteer.size; i++) {
    const p = gazetteer.place(i);
    if (p.country !== country || p.kind !== 'town') continue;
    if (!/^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$/.test(p.name) || stop.has(p.name.toLowerCase()) || seen.has(p.name)) continue;
    // A name shared by several towns would be resolved by proximity, not tested here.
    if (gazetteer.lookup(p.name).filter((q) => q.country === country).length > 1) continue;
    seen.add(p.name);
    towns.push(p);
  }
  towns.sort((x, y) => y.population - x.population || x.index - y.index);
  byCountry.set(country, towns);
  return towns;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const OUTLETS = ['Kyiv Daily', 'The Ledger', 'Morning Wire', 'Evening Courier', 'World Desk', 'Radio Free Desk', 'The Standard', 'Global Post', 'Daily Record', 'News Line'];
const SAID = ['officials said', 'the regional governor said', 'a military spokesman said', 'local media reported', 'according to the general staff'];

/**
 * Text of a story's live blogs: each source is one outlet's day, oldest first, entries led by a
 * clock (`14.52 …` or `14:52 …`) and separated by blank lines.
 * @example const input = syntheticStory(gazetteer, { seed: 1, bytes: 100_000 });
 */
export function syntheticStory(gazetteer: Gazetteer, options: SyntheticOptions = {}): StoryInput {
  const {
    seed = 1,
    bytes,
    entries,
    places: placeCount = 200,
    entriesPerSource = 150,
    publishers = 10,
    country = 'UA',
    startDate = '2023-06-01',
    timezone = 'Europe/Kyiv',
    sides = UKRAINE_SIDES,
    id = 'synthetic',
  } = options;
  if (bytes === undefined && entries === undefined) throw new TypeError('syntheticStory: give bytes or entries');
  if (entriesPerSource < 1 || entriesPerSource > 1000) throw new RangeError(`invalid entriesPerSource: ${entriesPerSource} (1–1000)`);
  const random = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const towns = pickTowns(gazetteer, country, placeCount);
  // Who holds each town, so "retook X from Y" follows what was said before.
  const holder = towns.map(() => (random() < 0.5 ? 'a' : 'b'));
  const name = (side: string) => pick(side === 'a' ? sides.a : sides.b);
  const other = (side: string) => (side === 'a' ? 'b' : 'a');
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

  const sentence = (day: Date): string => {
    const i = Math.floor(random() * towns.length);
    const town = towns[i].name;
    const near = towns[(i + 1 + Math.floor(random() * 5)) % towns.length].name;
    const roll = random();
    if (roll < 0.3) {
      const winner = other(holder[i]);
      const loser = holder[i];
      holder[i] = winner;
      const when = pick(['overnight', 'on ' + WEEKDAYS[day.getUTCDay()], 'this morning', 'late on ' + WEEKDAYS[(day.getUTCDay() + 6) % 7], '']);
      switch (Math.floor(random() * 4)) {
        case 0:
          return `${cap(name(winner))} retook ${town} from ${name(loser)} ${when}, ${pick(SAID)}.`.replace(' ,', ',');
        case 1:
          return `${cap(name(winner))} captured ${town} after days of fighting, ${pick(SAID)}.`;
        case 2:
          return `${town} fell to ${name(winner)} ${when}.`.replace(' .', '.');
        default:
          return `${cap(name(loser))} withdrew from ${town}, ${pick(SAID)}.`;
      }
    }
    if (roll < 0.5) return `Heavy fighting between ${name('a')} and ${name('b')} was reported near ${town}, ${pick(SAID)}.`;
    if (roll < 0.65) return `Air strikes hit ${town} early on ${WEEKDAYS[day.getUTCDay()]}, ${pick(SAID)}. At least ${1 + Math.floor(random() * 20)} people were killed.`;
    if (roll < 0.8) return `Residents of ${town} said shelling had damaged homes and the power station; aid convoys are waiting on the road from ${near}.`;
    return `The UN says ${Math.floor(random() * 9000) + 1000} people have left ${town} and ${near} in the past week.`;
  };

  const sources: SourceInput[] = [];
  const start = Date.parse(`${startDate}T00:00:00Z`);
  if (Number.isNaN(start)) throw new RangeError(`invalid startDate: ${startDate}`);
  const encoder = new TextEncoder();
  let total = 0;
  let count = 0;
  const done = () => (bytes !== undefined ? total >= bytes : count >= (entries ?? 0));
  for (let s = 0; !done(); s++) {
    const outlet = s % publishers;
    const dayIndex = Math.floor(s / publishers);
    const day = new Date(start + dayIndex * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const parts: string[] = [`${OUTLETS[outlet % OUTLETS.length]}: live coverage of the war, ${date}`];
    // Distinct minutes in clock order from 06:00, so every entry has a time of its own.
    const n = entries !== undefined ? Math.min(entriesPerSource, entries - count) : entriesPerSource;
    const step = Math.max(1, Math.floor((18 * 60) / n));
    for (let k = 0; k < n && !done(); k++) {
      const minute = Math.min(6 * 60 + k * step + Math.floor(random() * step), 24 * 60 - 1);
      const hh = String(Math.floor(minute / 60)).padStart(2, '0');
      const mm = String(minute % 60).padStart(2, '0');
      let entry = `${hh}${random() < 0.5 ? '.' : ':'}${mm} ${sentence(day)}`;
      if (random() < 0.3) entry += ' ' + sentence(day);
      if (random() < 0.1) entry += `\n\n"We will not give up ${pick(towns).name}," a commander told reporters.`;
      parts.push(entry);
      total += encoder.encode(entry).length + 2;
      count++;
    }
    sources.push({
      id: `o${outlet}-${date}`,
      publisher: OUTLETS[outlet % OUTLETS.length] + (outlet >= OUTLETS.length ? ` ${outlet}` : ''),
      date,
      timezone,
      text: parts.join('\n\n') + '\n',
    });
  }
  return { id, title: `Synthetic story (seed ${seed}, ${count} entries, ${towns.length} towns)`, sources };
}

/** Total UTF-8 bytes of a story input's texts. */
export function textBytes(input: StoryInput): number {
  const encoder = new TextEncoder();
  return input.sources.reduce((n, s) => n + encoder.encode(s.text).length, 0);
}
