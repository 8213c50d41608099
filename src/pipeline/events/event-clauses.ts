/**
 * The rule engine for one sentence: trigger word → clause → (actor phrase, place objects,
 * previous holder, negation/modality, claim). Every word list is data (`data/lexicon/`); the
 * rules here know grammar, not wars.
 */
import { findActors, resolveActor, type ActorMatch, type ActorRegistry, type RegistryActor } from './actors.ts';
import { clauseEnd, clauseStart, placesForControl, placesForIncident, STRONG, type SentenceMention } from './clause-places.ts';
import {
  allowToRe, blockerRe, claimRe, findTriggers, FRAME_NOUNS, fromAfterRe, fromBeforeRe, fromPreviousRe, hedgeRe, sayRe,
  type Trigger, type TriggerClass,
} from './event-lexicon.ts';
import type { EventKind } from '../types.ts';

export type { SentenceMention } from './clause-places.ts';

/** What the sentences before this one in the same entry said. */
export interface SentenceContext {
  /** The actor named last, by name or qualified noun, in an earlier sentence of the entry. */
  lastActor?: () => RegistryActor | undefined;
  /**
   * The sentence is quoted speech, attributed to `speaker` (when the attribution names an actor):
   * every event it gives is a claim, and "we", "our forces" are the speaker's side.
   */
  quoted?: { speaker?: RegistryActor };
}

/** What one clause says happened at one place. */
export interface ClauseEvent {
  kind: EventKind;
  trigger: TriggerClass;
  placeId: string;
  placePrecision: 1 | 2 | 3;
  /** For control: the holder afterwards; otherwise the main actor. */
  actor?: RegistryActor;
  from?: RegistryActor;
  /** True when the text names the previous holder; false when it is the actor's adversary by default. */
  fromExplicit: boolean;
  actors: RegistryActor[];
  claimant?: RegistryActor;
  hedged: boolean;
  /** 1 when the place is the verb's own object; lower for apposition, anaphora, inferred actors. */
  directness: number;
  /**
   * A change named by its noun with nobody said to make it ("the capture of X on 29 January"): no
   * event of its own, only the date of the change another sentence of the entry reports.
   */
  dating?: true;
}

const KIND: Record<TriggerClass, EventKind> = {
  capture: 'control', enter: 'control', retake: 'control', fallTo: 'control', withdraw: 'control',
  clash: 'clash', strike: 'strike', execution: 'other',
};

/** The subject actor: nearest comma-delimited segment before the verb that names one. */
function subjectBefore(registry: ActorRegistry, text: string, pos: number): ActorMatch | undefined {
  let end = pos;
  let strong = 0;
  for (const m of text.slice(0, pos).matchAll(STRONG)) strong = m.index + m[0].length;
  // "activists say IS has recaptured X": the subject of the reported clause comes after the say verb.
  let said = -1;
  for (const re of [sayRe, claimRe]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && m.index < pos; m = re.exec(text)) if (m.index >= strong) said = Math.max(said, m.index + m[0].length);
  }
  if (said >= 0) {
    const found = resolveActor(registry, text.slice(said, pos));
    if (found && found.strength >= 2) return { ...found, start: found.start + said, end: found.end + said };
  }
  for (let hop = 0; hop < 3 && end > strong; hop++) {
    const start = clauseStart(text, end, true);
    const found = resolveActor(registry, text.slice(start, end));
    if (found) return { ...found, start: found.start + start, end: found.end + start };
    // Step back over the stop word: "militants who overran", "troops, backed by jets, took".
    end = text.slice(0, start).replace(/[\p{L}'’-]+$|,$/u, '').length;
  }
  return undefined;
}

/**
 * "declared Marawi liberated", "says Bukavu captured": a participle right after a place, which a
 * say verb governs, is a passive with the place as its subject.
 */
const isReducedPassive = (text: string, trigger: Trigger, mentions: SentenceMention[]) => {
  if (!/ed$|en$/i.test(trigger.text.split(/\s/)[0])) return false;
  const place = mentions.find((m) => m.end <= trigger.start && /^\s*$/.test(text.slice(m.end, trigger.start)));
  if (!place) return false;
  return SAY_BEFORE.test(text.slice(Math.max(0, place.start - 40), place.start));
};
const SAY_BEFORE = new RegExp(`(?:${sayRe.source})\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}$`, 'iu');

/** "was seized", "have been taken": a passive verb, whose subject is the place. "were restoring" is not. */
const isPassive = (text: string, trigger: Trigger) =>
  !/^\S+ing\b/i.test(trigger.text) &&
  // "are now in full control of": a state, not a verb in the passive.
  !/^(?:now|in|under|into|inside)\b/i.test(trigger.text) &&
  /\b(was|were|is|are|been|being|be|get|got|gets)\s+(?:\w+ly\s+)?$/i.test(text.slice(Math.max(0, trigger.start - 30), trigger.start));

function actorAfter(registry: ActorRegistry, text: string, from: number, lead: RegExp): ActorMatch | undefined {
  const m = lead.exec(text.slice(from));
  if (!m) return undefined;
  const start = from + m.index + m[0].length;
  return resolveActor(registry, text.slice(start, clauseEnd(text, start)));
}

/** Who held the place before: "from the Sunni militants", "previously invaded by Isis", "after X abandoned". */
function previousHolder(registry: ActorRegistry, text: string, objectEnd: number): RegistryActor | undefined {
  const direct = fromBeforeRe.exec(text.slice(objectEnd));
  if (direct) return resolveActor(registry, direct[1])?.actor;
  for (const re of [fromPreviousRe, fromAfterRe]) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) {
      const found = resolveActor(registry, m[1]);
      if (found) return found.actor;
    }
  }
  return undefined;
}

/** True when negation, modality, a plan or a threat governs the verb ("not planning", "vowed to"). */
function blocked(text: string, trigger: Trigger): boolean {
  const region = text.slice(clauseStart(text, trigger.start, true), trigger.start);
  if (blockerRe.test(region)) return true;
  if (/^\s*(?:if|unless|whether)\b/i.test(text.slice(clauseStart(text, trigger.start, false)))) return true;
  return /(?<![\w-])to\s+$/i.test(region) && !allowToRe.test(region.replace(/\s+$/, ' ').replace(/to\s$/, 'to '));
}

/** A speaker before or after the clause ("rebels say", ", the army claimed"): claim when self-serving. */
function claimFrame(registry: ActorRegistry, text: string, trigger: Trigger): { speaker?: RegistryActor; claimVerb: boolean } | undefined {
  for (const re of [claimRe, sayRe]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > trigger.start && m.index < trigger.end) continue;
      const segStart = m.index < trigger.start ? clauseStart(text, m.index, true) : Math.max(0, text.lastIndexOf(',', m.index) + 1);
      const speaker = resolveActor(registry, text.slice(segStart, m.index))?.actor;
      return { speaker, claimVerb: re === claimRe };
    }
  }
  return undefined;
}

/**
 * Events in one sentence. `text` should have quoted speech blanked out; `mentions` are the
 * sentence's place mentions, sorted; `lastTown` is the town named last before this sentence (for
 * "the city", "it").
 * @example parseSentence('Isis fighters seized Tikrit.', [{ start: 21, end: 27, text: 'Tikrit', placeId: 'tikrit', kind: 'town' }], registry)
 */
export function parseSentence(text: string, mentions: SentenceMention[], registry: ActorRegistry, lastTown?: SentenceMention, context: SentenceContext = {}): ClauseEvent[] {
  if (/\?\s*["”']?\s*$/.test(text)) return [];
  const triggers = findTriggers(text);
  const hedged = hedgeRe.test(text);
  const out: ClauseEvent[] = [];
  triggers.forEach((found, i) => {
    // "were pushed out of X": the capture pattern's verb in the passive is a withdrawal of its subject.
    const outOf = /^(?:forced|driven|pushed|chased|kicked|ousted|expelled)\s+(?:out\s+of|from)$/i.test(found.text) && isPassive(text, found);
    const trigger: Trigger = outOf ? { ...found, cls: 'withdraw' } : found;
    if (blocked(text, trigger)) return;
    if (trigger.cls === 'enter' && hedged) return;
    const kind = KIND[trigger.cls];
    const passive = isPassive(text, trigger) || isReducedPassive(text, trigger, mentions);
    // "Ukrainian troops have been forced out of X (by Y)": the passive subject is who lost X, the
    // place follows the verb, and the agent after "by" is who gained it.
    const pushedOut = passive && trigger.cls === 'withdraw' && /\b(?:out\s+of|from)$/i.test(trigger.text);
    // "the town" refers to a town named as a place, not to a metonym ("Baku's claims").
    const townBefore = [...mentions].reverse().find((m) => m.end <= trigger.start && m.kind === 'town' && !/^['’]s\b/.test(text.slice(m.end))) ?? lastTown;
    const subject = passive && !pushedOut ? undefined : subjectBefore(registry, text, trigger.start);
    const byAgent = passive ? actorAfter(registry, text, trigger.end, /^\s*(?:[\w-]+\s+){0,4}?by\s+/i) : undefined;
    const toAgent = trigger.cls === 'fallTo' ? resolveActor(registry, text.slice(trigger.end, clauseEnd(text, trigger.end))) : undefined;
    const said = claimFrame(registry, text, trigger);
    const frame = context.quoted ? { speaker: context.quoted.speaker ?? said?.speaker, claimVerb: true } : said;
    let agent = pushedOut ? subject : (toAgent ?? byAgent ?? subject);
    // "its forces had withdrawn", "they have liberated": the speaker's own forces.
    const pronoun = /(?<![\w-])(?:its|their|they|we|our)(?:\s+[\w-]+)?\s*$/i.test(text.slice(clauseStart(text, trigger.start, true), trigger.start).replace(/\s+(?:have|has|had|been|now|fully|finally|also|reportedly)\b/gi, ''));
    if (frame?.speaker && !passive && pronoun) {
      agent = { start: 0, end: 0, text: '', actor: frame.speaker, strength: 2 };
    }
    let inferred = false;
    // "The capture of X on 29 January", "since the fall of X": a change named by its noun refers
    // to one told elsewhere; it takes no actor from the sentences around it, only dates the change.
    const named = kind === 'control' && FRAME_NOUNS.has(trigger.text.toLowerCase());
    // "the capture of X by Islamist rebels": the noun's own agent.
    if (named && !agent) agent = actorAfter(registry, text, trigger.end, /^\s*(?:[\p{L}'’.-]+\s+){1,5}?by\s+/u);
    if (!agent && !named) {
      // Agent elsewhere in the sentence ("militants … Mosul, which was seized"): the nearest one.
      // Not the one the place was taken from: "Raqqa was seized from Daesh".
      const fromPhrase = /^\s*(?:back\s+)?from\s+[^,;:.]+/i.exec(text.slice(trigger.end));
      const fromEnd = fromPhrase ? trigger.end + fromPhrase[0].length : -1;
      const near = findActors(registry, text).filter((a) => (a.end <= trigger.start || a.start >= trigger.end) && !(a.start >= trigger.end && a.end <= fromEnd));
      near.sort((a, b) => Math.min(Math.abs(a.end - trigger.start), Math.abs(a.start - trigger.end)) - Math.min(Math.abs(b.end - trigger.start), Math.abs(b.start - trigger.end)));
      agent = near[0] ?? (frame?.speaker ? { start: 0, end: 0, text: '', actor: frame.speaker, strength: 2 } : undefined);
      // "… were liberated." after sentences about the army's advance: the entry's last named actor.
      // "... were liberated" with nobody named: liberation is a state's word for retaking its own
      // land, so the state of the place's country, else the theatre's.
      if (!agent && passive && trigger.cls === 'retake') {
        const country = mentions.find((m) => m.start < trigger.start && m.kind === 'town')?.country;
        const state = registry.actors.find((a) => a.kind === 'state' && a.country && a.country === country) ?? (registry.roles.government ? registry.get(registry.roles.government) : undefined);
        if (state) agent = { start: 0, end: 0, text: '', actor: state, strength: 1 };
      }
      // "X was seized from Daesh", nobody else named: taken by the loser's adversary.
      const loser = !agent && kind === 'control' && fromPhrase ? resolveActor(registry, fromPhrase[0].replace(/^\s*(?:back\s+)?from\s+/i, ''))?.actor : undefined;
      const winner = loser?.adversary ? registry.get(loser.adversary) : undefined;
      if (winner) agent = { start: 0, end: 0, text: '', actor: winner, strength: 1 };
      const last = !agent && kind === 'control' ? context.lastActor?.() : undefined;
      if (last) agent = { start: 0, end: 0, text: '', actor: last, strength: 1 };
      inferred = true;
    }
    // A claim is a party's word about its own gain: compare the speaker with the holder afterwards.
    const gainer = trigger.cls === 'withdraw' ? registry.get(agent?.actor.adversary ?? 'unknown') : agent?.actor;
    const claimed = frame && (frame.claimVerb || (frame.speaker && gainer && frame.speaker.id === gainer.id));
    const claimant = claimed ? (frame.speaker ?? agent?.actor) : undefined;
    if (kind === 'control') {
      const { places, direct } = placesForControl(text, trigger, mentions, passive && !pushedOut, townBefore);
      const targets = places.filter((p) => p.kind !== 'country');
      if (targets.length && !agent && named) {
        for (const p of targets) {
          const unknown = registry.get('unknown')!;
          out.push({ kind, trigger: trigger.cls, placeId: p.placeId, placePrecision: 1, actor: unknown, fromExplicit: false, actors: [], hedged, directness: 0, dating: true });
        }
        return;
      }
      if (!targets.length || !agent) return;
      const objectEnd = targets[targets.length - 1].end;
      // "took X back", "won X back": a split particle makes a capture a retaking.
      const cls = trigger.cls === 'capture' && /^\s+back\b/i.test(text.slice(objectEnd)) ? 'retake' : trigger.cls;
      let actor = agent.actor;
      // A passive's "from X" follows the verb: "Baidoa was seized from al-Shabaab".
      let from = trigger.cls === 'withdraw' ? agent.actor : previousHolder(registry, text, passive ? Math.max(objectEnd, trigger.end) : objectEnd);
      // "pushed the rebels out of X": the words inside the pattern name who held it.
      const over = /\bvictory\s+over\s+(.+?)\s+in$/i.exec(trigger.text)?.[1];
      const inside = from ? undefined
        : over ? resolveActor(registry, over)?.actor // "declared victory over Daesh in X"
        : /\s\S+\s+(?:out\s+of|from)$/i.test(trigger.text) ? resolveActor(registry, trigger.text.replace(/^\S+\s+/, ''))?.actor : undefined;
      if (inside && inside.id !== agent.actor.id) from = inside;
      // "The junta lost Lashio to the MNDAA", "handed Aghdam over to": who gave it up is the subject.
      const loser = !from && trigger.cls === 'fallTo' && /^(?:los|hand|turn)/i.test(trigger.text) ? subjectBefore(registry, text, trigger.start)?.actor : undefined;
      if (loser && loser.id !== agent.actor.id) from = loser;
      if (trigger.cls === 'withdraw') actor = (pushedOut ? byAgent?.actor : undefined) ?? registry.get(agent.actor.adversary ?? 'unknown') ?? registry.get('unknown')!;
      if (from?.id === actor.id) from = undefined;
      const fromExplicit = !!from;
      // Retaking implies taking back from the adversary; an armed group's capture is from the state.
      if (!from && (cls === 'retake' || actor.kind === 'non-state') && actor.adversary) from = registry.get(actor.adversary);
      const directness = direct * (inferred ? 0.8 : 1) * (trigger.cls === 'withdraw' ? 0.85 : 1);
      for (const p of targets) {
        out.push({
          kind, trigger: cls, placeId: p.placeId, placePrecision: p.kind === 'region' ? 3 : p.part ? 2 : 1,
          actor, from, fromExplicit, actors: from ? [actor, from] : [actor], claimant, hedged, directness,
        });
      }
      return;
    }
    const places = placesForIncident(text, trigger, mentions, triggers[i + 1]?.start ?? text.length, passive);
    if (!places.length) return;
    const between = /^\s*(?:\S+\s+){0,3}?between\s+(.+?)\s+and\s+(.+?)(?=\s+(?:in|at|near|on|around|outside|are|were|is|was|have|has|had)\b|[,;.]|$)/i.exec(text.slice(trigger.end));
    const pair = between ? [resolveActor(registry, between[1]), resolveActor(registry, between[2])] : [];
    const withActor = actorAfter(registry, text, trigger.end, /^\s*(?:with|against)\s+/i);
    const actors = [...pair.map((a) => a?.actor), agent?.actor, withActor?.actor].filter((a): a is RegistryActor => !!a);
    const unique = actors.filter((a, j) => actors.findIndex((b) => b.id === a.id) === j);
    for (const { m, precision } of places) {
      out.push({
        kind, trigger: trigger.cls, placeId: m.placeId, placePrecision: precision,
        actor: unique[0], fromExplicit: false, actors: unique, claimant, hedged, directness: inferred ? 0.8 : 1,
      });
    }
  });
  return [...foldWithdrawals(out.filter((e) => !e.dating)), ...out.filter((e) => e.dating)];
}

/**
 * "Government forces withdrew from X and the SDF took control of the city": a withdrawal and a
 * capture of the same place in one sentence are one change, from the one who left to the one who
 * took it.
 */
function foldWithdrawals(events: ClauseEvent[]): ClauseEvent[] {
  return events.filter((w) => {
    if (w.trigger !== 'withdraw') return true;
    const capture = events.find((c) => c.kind === 'control' && c.trigger !== 'withdraw' && c.placeId === w.placeId);
    if (!capture) return true;
    if (!capture.fromExplicit && w.from) {
      capture.from = w.from;
      capture.fromExplicit = true;
      capture.actors = [capture.actor!, w.from];
    }
    return false;
  });
}
