/**
 * The actor layer for any war: states from the world's countries (names, demonyms, capitals,
 * seats of government) and non-state armed groups from a world registry, narrowed to those a
 * story's text names, with the story's generic words ("the army", "rebels") bound to its theatre.
 * Knowledge lives in `data/world/`; this file only decides which of it a story needs.
 */
import actorNouns from '../../../data/lexicon/actor-nouns.json';
import { loadActorRegistry, NEUTRAL_COLOR, type ActorJson, type ActorRegistry, type ActorRegistryJson } from './actors.ts';
import { InputError } from '../errors.ts';
import { escapeRe } from './event-lexicon.ts';

/** One country of `data/world/countries.json`. */
export interface CountryJson {
  iso2: string;
  name: string;
  /** Other names a reader uses: "Burma", "DRC". */
  names?: string[];
  /** Adjectival forms: "Ukrainian", "Azeri". */
  demonyms?: string[];
  /** Capital city names, used as metonyms for the government ("Kyiv's forces"). */
  capitals?: string[];
  /** Other seats of government used as metonyms: "Kremlin". */
  seats?: string[];
  color: string;
  /** Where the country stands as a place: GeoNames' country point (read by the gazetteer build). */
  lat?: number;
  lon?: number;
}

/** A row of `data/world/countries.json` as the build script writes it: every list present. */
export type WorldCountry = Required<CountryJson>;

/** One armed group of `data/world/armed-groups.json`. */
export interface ArmedGroupJson {
  id: string;
  name: string;
  short: string;
  aliases: string[];
  /** ISO2 codes of the countries where it fights. */
  countries: string[];
  /** ISO2 codes of states or ids of groups it mainly fights. */
  adversaries?: string[];
  color: string;
  kind?: string;
}

/** The world's actors as data files hold them. */
export interface WorldActorsJson {
  countries: { countries: CountryJson[] } | CountryJson[];
  groups: { groups: ArmedGroupJson[] } | ArmedGroupJson[];
}

/** What a story needs to choose its actors. */
export interface StoryActorOptions {
  /** The story's texts (entries), to see which actors it names. */
  texts: string[];
  /** ISO2 codes of the theatre countries, main one first. */
  theatre: string[];
  /** The story's own registry (manifest `actors` or `--actors`): its actors and roles win. */
  story?: ActorRegistryJson;
}

const listOf = <T>(v: { [k: string]: T[] } | T[], key: string): T[] => (Array.isArray(v) ? v : ((v as Record<string, T[]>)[key] ?? []));

/**
 * One-word names and demonyms of every country, lower case → ISO2 ("azerbaijani" → "AZ"), and
 * the one-word names of armed groups that fight in one or two countries ("houthis" → "YE",
 * "gna" → "LY", "m23" → "CD"; the first of their countries), for telling where a story happens
 * when its towns alone do not. Names of three letters or more only: "AA" and "IS" are words.
 * @example countryWordsOf(world).get('malian') // 'ML'
 */
export function countryWordsOf(world: WorldActorsJson): Map<string, string> {
  const words = new Map<string, string>();
  for (const c of listOf<CountryJson>(world.countries, 'countries')) {
    for (const w of [c.name, ...(c.names ?? []), ...(c.demonyms ?? [])]) if (!/\s/.test(w) && !words.has(w.toLowerCase())) words.set(w.toLowerCase(), c.iso2);
  }
  for (const g of listOf<ArmedGroupJson>(world.groups, 'groups')) {
    if (!g.countries.length || g.countries.length > 2) continue;
    for (const w of g.aliases) if (!/[\s/]/.test(w) && w.length >= 3 && !words.has(w.toLowerCase())) words.set(w.toLowerCase(), g.countries[0]!);
  }
  return words;
}

/** Stable id of a state's forces: the country's name as a slug (`ukraine`, `south-sudan`). */
export function stateId(country: CountryJson): string {
  return country.name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The registry entry of a state's forces, "Ukrainian army", with its names as weaker aliases. */
function stateActor(c: CountryJson): ActorJson {
  const demonym = c.demonyms?.[0];
  const names = [c.name, ...(c.names ?? [])];
  const possessive = (n: string) => (/s$/i.test(n) ? `${n}'` : `${n}'s`);
  return {
    id: stateId(c),
    name: demonym ? `${demonym} army` : `Army of ${c.name}`,
    short: c.iso2,
    color: c.color,
    kind: 'state',
    country: c.iso2,
    qualifiers: [...(c.demonyms ?? []), ...names.map(possessive), ...(c.capitals ?? []).flatMap((k) => [possessive(k), `pro-${k}`])],
    aliases: [...(c.demonyms ?? []).flatMap((d) => [`${d} government`, `${d} army`, `${d} military`]), ...(c.seats ?? [])],
    names,
  };
}

function groupActor(g: ArmedGroupJson): ActorJson {
  return { id: g.id, name: g.name, short: g.short, color: g.color, kind: g.kind === 'sub-state' ? 'state' : 'non-state', aliases: g.aliases };
}

/** Lower-case word counts of the texts: one pass, so any number of actors can be looked up. */
function wordCounts(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) {
    for (const w of t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/** How often a phrase can occur: the rarest of its words (an upper bound, good enough to rank). */
function phraseCount(phrase: string, counts: Map<string, number>): number {
  const words = phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? Math.min(...words.map((w) => counts.get(w) ?? 0)) : 0;
}

const formsOf = (a: ActorJson) => [a.name, ...a.aliases, ...(a.names ?? []), ...(a.qualifiers ?? []).filter((q) => !/^pro-/.test(q))];

/** Role words a story uses for an armed group it does not name: "rebels", "militants". */
const ROLE_WORDS = (actorNouns.insurgent as string[]).filter((w) => !w.includes(' '));


const FORCE_NOUNS = 'army|forces|troops|military|soldiers|tanks|warplanes|jets|navy|air\\s+force|artillery';

/** How often a text names a state's forces: "Israeli troops", "Ukraine's army", "the Russian-led forces". */
function forcesNamed(state: ActorJson, text: string): number {
  const words = (state.qualifiers ?? []).filter((q) => !/^pro-/.test(q)).map(escapeRe);
  if (!words.length) return 0;
  const re = new RegExp(`(?<![\\w-])(?:${words.join('|')})(?:-(?:led|backed))?\\s+(?:(?:security|armed|special|government|regular)\\s+)?(?:${FORCE_NOUNS})(?![\\w-])`, 'g');
  return text.match(re)?.length ?? 0;
}

/**
 * The registry for one story: its own actors first, then the theatre's state, then every armed
 * group and state the text names. Bare "army", "government", "troops" mean the theatre's state;
 * "rebels", "militants" the armed group the story names most in that theatre, or, when it names
 * none, a neutral group called by the text's own word. Adversaries (who held a place when a text
 * does not say) pair the theatre's state with the most named opponent.
 * @example
 * const registry = storyRegistry(world, { texts: ['Malian troops retook Konna from Islamist rebels.'], theatre: ['ML'] });
 * registry.roles.government // 'mali'
 */
export function storyRegistry(world: WorldActorsJson, options: StoryActorOptions): ActorRegistry {
  const countries = listOf<CountryJson>(world.countries, 'countries');
  const groups = listOf<ArmedGroupJson>(world.groups, 'groups');
  if (!countries.length) throw new InputError('bad-actor', 'world actors: no countries loaded (data/world/countries.json)');
  const counts = wordCounts(options.texts);
  const story = options.story?.actors ?? [];
  const taken = new Set(story.flatMap((a) => formsOf(a).map((f) => f.toLowerCase())));
  const byIso = new Map(countries.map((c) => [c.iso2, c]));
  const score = new Map<string, number>();
  const chosen: ActorJson[] = [];
  const add = (a: ActorJson, force = false) => {
    const forms = formsOf(a);
    // A story actor that already owns these words (its own "Iraqi army") stands for this one.
    if (forms.some((f) => taken.has(f.toLowerCase()))) return;
    const n = forms.reduce((sum, f) => sum + phraseCount(f, counts), 0);
    if (n === 0 && !force) return;
    score.set(a.id, n);
    chosen.push(a);
  };
  const theatreStates = options.theatre.flatMap((iso) => (byIso.has(iso) ? [stateActor(byIso.get(iso)!)] : []));
  theatreStates.forEach((a) => add(a, true));
  const groupJson = new Map(groups.map((g) => [g.id, g]));
  for (const g of groups) add(groupActor(g));
  for (const c of countries) if (!options.theatre.includes(c.iso2)) add(stateActor(c));

  const ranked = (ids: string[]) => [...ids].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a.localeCompare(b));
  const chosenIds = new Set(chosen.map((a) => a.id));
  const home = theatreStates.find((a) => chosenIds.has(a.id));
  const inTheatre = (id: string) => groupJson.get(id)?.countries.some((c) => options.theatre.includes(c)) ?? false;
  const localGroups = ranked(chosen.filter((a) => inTheatre(a.id)).map((a) => a.id));

  // Bare "the army", "troops" mean the theatre's state, unless the story never names that state's
  // forces and names another's (Israeli troops in Gaza): then that one's.
  const states = chosen.filter((a) => a.kind === 'state' && !groupJson.has(a.id));
  const joined = options.texts.join('\n');
  const forces = new Map(states.map((a) => [a.id, forcesNamed(a, joined)]));
  const busiest = [...states].sort((a, b) => forces.get(b.id)! - forces.get(a.id)! || a.id.localeCompare(b.id))[0];
  const army = home && (forces.get(home.id) ?? 0) === 0 && busiest && forces.get(busiest.id)! >= 2 ? busiest : home;
  const roles: Record<string, string | null> = { government: army?.id ?? null, insurgent: localGroups[0] ?? null, unknown: 'unknown' };
  let derivedId: string | undefined;
  if (!roles.insurgent) {
    // No named group: the story's own word for its enemy, in neutral grey.
    // "fighters" says least: a story's "rebels" or "militants" name its enemy better.
    const used = ROLE_WORDS.filter((w) => (counts.get(w) ?? 0) > 0);
    const byCount = (a: string, b: string) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b);
    const word = [...used.filter((w) => w !== 'fighters').sort(byCount), ...used.filter((w) => w === 'fighters')][0];
    if (word) {
      derivedId = `group-${word}`;
      chosen.push({ id: derivedId, name: word[0].toUpperCase() + word.slice(1), short: word.slice(0, 6).toUpperCase(), color: NEUTRAL_COLOR, kind: 'non-state', aliases: [] });
      roles.insurgent = derivedId;
      score.set(derivedId, counts.get(word) ?? 0);
    }
  }
  for (const r of Object.keys(options.story?.roles ?? {})) roles[r] = options.story!.roles![r];

  // The theatre state's opponent: an armed group the story names in the theatre; else its unnamed
  // insurgents or a foreign state, whichever the story names more (a foreign army named beside a
  // named local group is more often its ally: France in Mali, Russia in Syria).
  const foreign = chosen.filter((a) => a.kind === 'state' && a.id !== home?.id && !groupJson.has(a.id)).map((a) => a.id);
  const mainOpponent = localGroups[0] ?? ranked([...(roles.insurgent && score.has(roles.insurgent) ? [roles.insurgent] : []), ...foreign])[0];
  for (const a of chosen) {
    if (a.adversary) continue;
    if (a.id === home?.id) a.adversary = mainOpponent;
    else if (groupJson.has(a.id)) {
      const listed = (groupJson.get(a.id)!.adversaries ?? []).map((x) => (byIso.has(x) ? stateId(byIso.get(x)!) : x)).filter((x) => chosenIds.has(x));
      // In the theatre, a group fights the theatre's state first (the Houthis in Yemen, not Saudi Arabia).
      a.adversary = (home && listed.includes(home.id) ? home.id : ranked(listed)[0]) ?? home?.id;
    } else if (a.kind === 'state') a.adversary = localGroups[0] ?? derivedId ?? home?.id;
    else a.adversary = home?.id;
    if (a.adversary === a.id || !a.adversary) delete a.adversary;
  }
  const registry = loadActorRegistry({ roles, actors: chosen }, options.story ? { ...options.story, roles: {} } : undefined);
  if (derivedId) registry.get(derivedId)!.derived = true;
  return registry;
}
