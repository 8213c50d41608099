/**
 * The actor registry: who fights in a story, their colours and short labels, and the words that
 * name them. Knowledge lives in `data/actors/*.json` and `data/lexicon/actor-nouns.json`; this file
 * only matches those words in text.
 */
import actorNouns from '../../../data/lexicon/actor-nouns.json';
import { InputError } from '../errors.ts';
import { escapeRe } from './event-lexicon.ts';
import type { Actor } from '../types.ts';

/** One actor as written in a registry file. */
export interface ActorJson {
  id: string;
  name: string;
  short: string;
  color: string;
  /** `state` for armies and governments, `non-state` (the default) for armed groups. */
  kind?: string;
  /** Main opponent: who held a place this actor captures, when the text does not say. */
  adversary?: string;
  /** Words that, before a generic noun (`army`, `troops`), name this actor: `Iraqi`, `Russian`. */
  qualifiers?: string[];
  aliases: string[];
  /** Names that stand for the actor less surely than an alias (a country's name: "Ukraine said"). */
  names?: string[];
  /** For a state's forces: the country's ISO2 code. */
  country?: string;
}

/** A registry file: `data/stories/iraq-2014-06-13/actors.json`, `data/actors/ukraine.json`, … */
export interface ActorRegistryJson {
  /** Which actor a bare generic noun means in this story: `government` (the army), `insurgent`, `unknown`. */
  roles?: Record<string, string | null>;
  actors: ActorJson[];
}

/** An actor with what the pipeline needs beyond the story format's `Actor`. */
export interface RegistryActor extends Actor {
  kind: 'state' | 'non-state';
  adversary?: string;
  /** True for a group the registry does not know, named from the text. */
  derived?: boolean;
  /** For a state's forces: the country's ISO2 code. */
  country?: string;
}

/** How sure a match is of the actor: 3 a name or alias, 2 a qualified noun or a named group, 1 a bare noun. */
export type ActorStrength = 1 | 2 | 3;

/** An actor named in a text, with its position. */
export interface ActorMatch {
  start: number;
  end: number;
  text: string;
  actor: RegistryActor;
  strength: ActorStrength;
}

interface Pattern {
  re: RegExp;
  actorId: string;
  /** The phrase's longest word in lower case: it must occur before the regex is worth running. */
  needle: string;
}

/** A loaded registry: actors in priority order and compiled patterns. Build with `loadActorRegistry`. */
export interface ActorRegistry {
  actors: RegistryActor[];
  roles: Record<string, string | null>;
  get(id: string): RegistryActor | undefined;
  /** @internal compiled patterns, longest alias first. */
  aliases: Pattern[];
  /** @internal names matched as strength 2 ("Ukraine", "Kremlin"). */
  names: Pattern[];
  /** @internal */
  qualifiers: Pattern[];
  /** @internal generic nouns with their role, longest first. */
  nouns: { re: RegExp; role: string; needle: string }[];
}

/** Neutral grey for actors the registry does not know (matches `theme.unknown`). */
export const NEUTRAL_COLOR = '#999999';

const UNKNOWN_ACTOR: RegistryActor = { id: 'unknown', name: 'Unidentified armed group', short: '?', color: NEUTRAL_COLOR, kind: 'non-state' };

/** A whole-word pattern; words of 3 letters or fewer match case-sensitively (`US` is not `us`). */
export function wordPattern(word: string): RegExp {
  const body = escapeRe(word).replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\w-])${body}(?![\\w-])`, word.replace(/[^A-Za-z]/g, '').length <= 3 ? 'g' : 'gi');
}

/**
 * A qualifier's pattern: a whole word that may close a hyphenated compound ("the French-Malian
 * offensive") or lead one ("the Saudi-led coalition", "US-backed forces").
 */
function qualifierPattern(word: string): RegExp {
  const plain = wordPattern(word);
  return new RegExp(plain.source.replace('(?<![\\w-])', '(?<![\\w])').replace(/\(\?!\[\\w-\]\)$/, '(?:(?![\\w-])|(?=-(?:led|backed)\\b))'), plain.flags);
}

/** The longest word of a phrase, lower-cased: every match of the phrase contains it. */
function needleOf(phrase: string): string {
  return phrase.toLowerCase().split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

function checkActor(a: ActorJson, file: string): void {
  for (const key of ['id', 'name', 'short', 'color'] as const) {
    if (typeof a[key] !== 'string' || !a[key]) throw new InputError('bad-actor', `actor registry ${file}: actor ${a.id ?? '?'} needs a ${key}`);
  }
  if (!/^#[0-9a-f]{6}$/i.test(a.color)) throw new InputError('bad-actor', `actor registry ${file}: invalid color for ${a.id}: ${a.color}`);
  if (a.kind !== undefined && a.kind !== 'state' && a.kind !== 'non-state') throw new InputError('bad-actor', `actor registry ${file}: invalid kind for ${a.id}: ${a.kind} (state or non-state)`);
  if (!Array.isArray(a.aliases)) throw new InputError('bad-actor', `actor registry ${file}: actor ${a.id} needs an aliases array`);
}

/**
 * Loads a registry, with an optional story registry whose actors, aliases and roles take priority.
 * @param base the default registry (`data/stories/iraq-2014-06-13/actors.json`)
 * @param extra a story's own registry (`data/actors/ukraine.json`)
 * @example
 * const registry = loadActorRegistry(baseJson, ukraineJson);
 * registry.get('russia')?.short // 'RUS'
 */
export function loadActorRegistry(base: ActorRegistryJson, extra?: ActorRegistryJson): ActorRegistry {
  const files: [ActorRegistryJson, string][] = extra ? [[extra, 'extra'], [base, 'base']] : [[base, 'base']];
  const actors: RegistryActor[] = [];
  const byId = new Map<string, RegistryActor>();
  const aliasSeen = new Set<string>();
  const aliasList: { text: string; actorId: string }[] = [];
  const qualifierList: { text: string; actorId: string }[] = [];
  const nameList: { text: string; actorId: string }[] = [];
  for (const [file, name] of files) {
    if (!file || !Array.isArray(file.actors)) throw new InputError('bad-actor', `actor registry ${name}: expected { actors: [...] }`);
    for (const a of file.actors) {
      checkActor(a, name);
      if (byId.has(a.id)) continue;
      const actor: RegistryActor = { id: a.id, name: a.name, short: a.short, color: a.color.toUpperCase(), kind: a.kind === 'state' ? 'state' : 'non-state' };
      if (a.adversary) actor.adversary = a.adversary;
      if (a.country) actor.country = a.country;
      byId.set(a.id, actor);
      actors.push(actor);
      for (const alias of [a.name, ...a.aliases]) {
        const key = alias.toLowerCase();
        if (aliasSeen.has(key)) continue;
        aliasSeen.add(key);
        aliasList.push({ text: alias, actorId: a.id });
      }
      for (const q of a.qualifiers ?? []) qualifierList.push({ text: q, actorId: a.id });
      for (const n of a.names ?? []) {
        if (aliasSeen.has(n.toLowerCase())) continue;
        aliasSeen.add(n.toLowerCase());
        nameList.push({ text: n, actorId: a.id });
      }
    }
  }
  if (!byId.has('unknown')) {
    byId.set('unknown', UNKNOWN_ACTOR);
    actors.push(UNKNOWN_ACTOR);
  }
  const roles: Record<string, string | null> = { ...(base.roles ?? {}), ...(extra?.roles ?? {}) };
  for (const [role, id] of Object.entries(roles)) {
    if (id && !byId.has(id)) throw new InputError('bad-actor', `actor registry: role ${role} names unknown actor ${id}`);
  }
  const byLength = <T extends { text: string }>(list: T[]) => [...list].sort((a, b) => b.text.length - a.text.length);
  const nouns: { text: string; role: string }[] = [];
  for (const role of ['government', 'insurgent', 'unknown', 'qualifiedOnly'] as const) {
    for (const text of (actorNouns as unknown as Record<string, string[]>)[role]) nouns.push({ text, role });
  }
  return {
    actors,
    roles,
    get: (id) => byId.get(id),
    aliases: byLength(aliasList).map((a) => ({ re: wordPattern(a.text), actorId: a.actorId, needle: needleOf(a.text) })),
    names: byLength(nameList).map((a) => ({ re: wordPattern(a.text), actorId: a.actorId, needle: needleOf(a.text) })),
    // A qualifier may close a hyphenated compound: "the French-Malian offensive" is Malian.
    qualifiers: byLength(qualifierList).map((q) => ({ re: qualifierPattern(q.text), actorId: q.actorId, needle: needleOf(q.text) })),
    nouns: byLength(nouns).map((n) => ({ re: wordPattern(n.text), role: n.role, needle: needleOf(n.text) })),
  };
}

function allMatches(re: RegExp, text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

const overlaps = (a: { start: number; end: number }, taken: { start: number; end: number }[]) =>
  taken.some((t) => a.start < t.end && t.start < a.end);

const GROUP_RE = new RegExp(
  `(?<![\\w-])((?:[A-Z][\\w'’-]+\\s+){1,3})(${(actorNouns.groupNouns as string[]).map(escapeRe).join('|')})(?![\\w-])`,
  'g',
);
const NOT_NAMES = new Set(['The', 'A', 'An', 'Fresh', 'Heavy', 'New', 'Government', 'Security', 'Armed', 'Local', 'Some', 'Other', 'Rebel']);

/** A neutral-coloured actor for a group the registry does not know, keeping its name. */
export function deriveActor(name: string): RegistryActor {
  const clean = name.replace(/\s+/g, ' ').trim();
  const id = `group-${clean.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const short = clean.split(' ')[0].slice(0, 8);
  return { id, name: clean, short, color: NEUTRAL_COLOR, kind: 'non-state', derived: true };
}

/**
 * Every actor named in a text, left to right, without overlaps: names and aliases first, then
 * qualified generic nouns (`Iraqi army`), then bare nouns resolved through the story's roles
 * (`troops`), then capitalised group names the registry lacks (`the Wagner group`).
 * @example findActors(registry, 'Kurdish Peshmerga fighters retake Jalawla')[0].actor.id // 'kurdish-forces'
 */
export function findActors(registry: ActorRegistry, text: string): ActorMatch[] {
  const found: ActorMatch[] = [];
  const lower = text.toLowerCase();
  for (const p of registry.aliases) {
    if (!lower.includes(p.needle)) continue;
    for (const m of allMatches(p.re, text)) {
      if (!overlaps(m, found)) found.push({ ...m, actor: registry.get(p.actorId)!, strength: 3 });
    }
  }
  for (const p of registry.names) {
    if (!lower.includes(p.needle)) continue;
    for (const m of allMatches(p.re, text)) {
      // "Ukraine's army" is a qualified noun, found below; "Ukraine said" names the state.
      if (/^['’]s?\s+\p{Ll}/u.test(text.slice(m.end)) || overlaps(m, found)) continue;
      // "the coalition in Yemen": a country after a preposition of place is where, not who.
      if (/(?<![\w-])(?:in|at|across|inside|near|into|throughout|within)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
      found.push({ ...m, actor: registry.get(p.actorId)!, strength: 2 });
    }
  }
  const generic: ActorMatch[] = [];
  for (const n of registry.nouns) {
    if (!lower.includes(n.needle)) continue;
    for (const m of allMatches(n.re, text)) {
      if (overlaps(m, found) || overlaps(m, generic)) continue;
      // A qualifier up to two words before the noun names the actor: "Iraq's army helicopters".
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      let qualified: ActorMatch | undefined;
      const lowerBefore = before.toLowerCase();
      for (const q of registry.qualifiers) {
        if (!lowerBefore.includes(q.needle)) continue;
        // "Syrian rebels" fight the Syrian state: a state's adjective qualifies only its own forces.
        if (n.role === 'insurgent' && registry.get(q.actorId)?.kind === 'state') continue;
        const hits = allMatches(q.re, before).filter((h) => /^(?:-(?:led|backed))?(\s+[\w'-]+){0,2}\s+$/.test(before.slice(h.end)));
        const hit = hits[hits.length - 1];
        if (hit) {
          const start = m.start - before.length + hit.start;
          qualified = { start, end: m.end, text: text.slice(start, m.end), actor: registry.get(q.actorId)!, strength: 2 };
          break;
        }
      }
      if (qualified && !overlaps(qualified, found)) {
        generic.push(qualified);
        continue;
      }
      // "offensive", "operation": an actor only when a qualifier says whose.
      if (n.role === 'qualifiedOnly') continue;
      const roleActor = registry.roles[n.role];
      generic.push({ ...m, actor: registry.get(roleActor ?? 'unknown') ?? UNKNOWN_ACTOR, strength: 1 });
    }
  }
  for (const m of allMatches(GROUP_RE, text)) {
    const words = m.text.split(/\s+/);
    while (words.length > 1 && NOT_NAMES.has(words[0])) words.shift();
    if (words.length < 2) continue;
    const start = m.start + m.text.indexOf(words[0]);
    const match = { start, end: m.end, text: text.slice(start, m.end) };
    if (overlaps(match, found)) continue;
    const clash = generic.findIndex((g) => match.start < g.end && g.start < match.end);
    if (clash >= 0 && generic[clash].strength === 2) continue;
    if (clash >= 0) generic.splice(clash, 1);
    generic.push({ ...match, actor: deriveActor(match.text), strength: 2 });
  }
  return [...found, ...generic].sort((a, b) => a.start - b.start);
}

/**
 * The one actor a phrase names: the strongest match, and among equals the last (nearest a verb
 * that follows the phrase) — except that a name directly before another one modifies it
 * ("Kurdish Iraqi security forces" are Kurdish).
 * @example resolveActor(registry, 'Iraqi police officials')?.actor.id // 'iraqi-government'
 */
export function resolveActor(registry: ActorRegistry, phrase: string): ActorMatch | undefined {
  let best: ActorMatch | undefined;
  for (const m of findActors(registry, phrase)) {
    const modifier = best && best.strength === m.strength && phrase.slice(best.end, m.start).trim() === '';
    if (!best || (m.strength >= best.strength && !modifier)) best = m;
  }
  return best ?? qualifierIn(registry, phrase);
}

/**
 * An actor named only by a qualifier ("Russia's defence ministry", "Russian shelling"), as a
 * weak match; the last qualifier in the phrase wins.
 * @example qualifierIn(registry, "Russia's defence ministry")?.actor.id // 'russia'
 */
export function qualifierIn(registry: ActorRegistry, phrase: string): ActorMatch | undefined {
  let best: ActorMatch | undefined;
  const lower = phrase.toLowerCase();
  for (const q of registry.qualifiers) {
    if (!lower.includes(q.needle)) continue;
    for (const m of allMatches(q.re, phrase)) {
      if (!best || m.start > best.start) best = { ...m, actor: registry.get(q.actorId)!, strength: 1 };
    }
  }
  return best;
}
