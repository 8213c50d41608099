/**
 * The user's edits to a story's actors, applied after an import and before the map is built:
 * rename or recolour an actor, or merge one actor into another everywhere in the story.
 *
 * Merging X into Y rewrites every reference to X (events' actor, from, actors and claimant; timeline
 * spans' actor and claimants), joins timeline spans that now follow each other with the same
 * holder, and drops a change of control whose new holder is now its previous holder ("Y took the
 * town from Y" says nothing about control): the dropped event's id leaves the timeline and a
 * warning (`merged-no-change`) names it, so the count the dialog shows says it happened.
 */
import type { Actor, ControlSpan, EventFeature, PlaceFeature, Story, Warning } from '../pipeline/types.ts';

/** One actor's edit: new name, short label or colour, or the actor it merges into. */
export interface ActorEdit {
  id: string;
  name?: string;
  short?: string;
  /** `#RRGGBB`. */
  color?: string;
  /** Id of another actor of the story that takes this one's place everywhere. */
  mergeInto?: string;
}

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Applies actor edits to a story and returns a new story (the input is not changed). Merges may
 * chain (A into B, B into C puts A into C). Throws an Error naming the actor on an unknown id, an
 * actor edited twice, a merge into itself or in a circle, an empty name or a colour not `#RRGGBB`.
 * Event summaries follow renames ("Rebels took Goma" → "M23 took Goma"); quotes, being the
 * reports' own words, do not.
 * @param edits - one per actor at most; actors without an edit stay as they are
 * @example editActors(story, [{ id: 'group-rebels', mergeInto: 'm23' }, { id: 'm23', name: 'M23 rebels' }])
 */
export function editActors(story: Story, edits: ActorEdit[]): Story {
  const actors = new Map(story.actors.map((a) => [a.id, a]));
  const byId = new Map<string, ActorEdit>();
  for (const edit of edits) {
    if (!actors.has(edit.id)) throw new Error(`unknown actor: ${edit.id} (the story has ${[...actors.keys()].join(', ') || 'none'})`);
    if (byId.has(edit.id)) throw new Error(`actor ${edit.id} is edited twice`);
    byId.set(edit.id, edit);
    if (edit.mergeInto === undefined) continue;
    if (edit.mergeInto === edit.id) throw new Error(`cannot merge actor ${edit.id} into itself`);
    if (!actors.has(edit.mergeInto)) throw new Error(`cannot merge actor ${edit.id} into unknown actor: ${edit.mergeInto}`);
    if (edit.name !== undefined || edit.short !== undefined || edit.color !== undefined) {
      throw new Error(`actor ${edit.id} is merged into ${edit.mergeInto}: give it no name, short label or colour of its own`);
    }
  }
  const target = (id: string): string => {
    const seen = [id];
    let at = id;
    while (byId.get(at)?.mergeInto !== undefined) {
      at = byId.get(at)!.mergeInto!;
      if (seen.includes(at)) throw new Error(`actors merge in a circle: ${[...seen, at].join(' → ')}`);
      seen.push(at);
    }
    return at;
  };
  const into = new Map([...actors.keys()].map((id) => [id, target(id)]));
  const kept: Actor[] = story.actors.filter((a) => into.get(a.id) === a.id).map((a) => editOne(a, byId.get(a.id)));
  const final = new Map(kept.map((a) => [a.id, a]));
  const map = (id: string) => into.get(id) ?? id;

  // A summary names actors: each old name becomes the name of the actor it now stands for.
  const renames = new Map<string, string>();
  for (const a of story.actors) {
    const now = final.get(map(a.id))!.name;
    if (now !== a.name && !renames.has(a.name)) renames.set(a.name, now);
  }
  const warnings: Warning[] = [];
  const dropped = new Set<string>();
  const features: EventFeature[] = [];
  for (const f of story.events.features) {
    const p = f.properties;
    const actor = p.actor === undefined ? undefined : map(p.actor);
    const from = p.from === undefined ? undefined : map(p.from);
    if (p.kind === 'control' && actor !== undefined && actor === from && p.actor !== p.from) {
      dropped.add(p.id);
      warnings.push({
        code: 'merged-no-change',
        message: `${p.place}: the change of control ${p.id} is dropped, since its new and previous holders are both ${final.get(actor)!.name} after merging`,
        hint: 'keep the two actors apart to keep this change on the map',
      });
      continue;
    }
    const properties = { ...p, actors: unique(p.actors.map(map)), summary: replaceNames(p.summary, renames) };
    if (actor !== undefined) properties.actor = actor;
    if (from !== undefined) properties.from = from;
    if (p.claimant !== undefined) properties.claimant = map(p.claimant);
    const kind = actor !== undefined ? final.get(actor)?.kind : undefined;
    // ACLED's capture types depend on who captures; a merge can change that (a withdrawal's cannot).
    if (actor !== p.actor && kind && p.subEventType && CAPTURE_TYPES.includes(p.subEventType)) {
      properties.subEventType = kind === 'state' ? CAPTURE_TYPES[0] : CAPTURE_TYPES[1];
    }
    features.push({ ...f, properties });
  }
  const places = story.places.features.map((f): PlaceFeature => {
    if (!f.properties.timeline) return f;
    return { ...f, properties: { ...f.properties, timeline: joinSpans(f.properties.timeline.map((s) => mapSpan(s, map, dropped))) } };
  });
  // The pipeline's "not in the registry; shown in neutral grey" stops being true once the group is
  // merged away or given a colour: it names the group in quotes.
  const settled = story.actors.filter((a) => map(a.id) !== a.id || byId.get(a.id)?.color !== undefined).map((a) => `"${a.name}"`);
  const stale = (w: Warning) => w.code === 'unknown-actor' && settled.some((name) => w.message.includes(name));
  return {
    ...story,
    actors: kept,
    events: { ...story.events, features },
    places: { ...story.places, features: places },
    warnings: [...story.warnings.filter((w) => !stale(w)), ...warnings],
  };
}

const CAPTURE_TYPES = ['Government regains territory', 'Non-state actor overtakes territory'];

/**
 * How many events each actor takes part in (as actor, previous holder, one of the actors or claimant).
 * @example actorEventCounts(story).get('m23') // 4
 */
export function actorEventCounts(story: Story): Map<string, number> {
  const counts = new Map(story.actors.map((a) => [a.id, 0]));
  for (const { properties: p } of story.events.features) {
    const ids = new Set([...p.actors, p.actor, p.from, p.claimant]);
    for (const id of ids) if (id !== undefined && counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  return counts;
}

function editOne(actor: Actor, edit: ActorEdit | undefined): Actor {
  if (!edit) return actor;
  const text = (value: string | undefined, what: string) => {
    if (value === undefined) return undefined;
    const trimmed = value.trim().replace(/\s+/g, ' ');
    if (!trimmed) throw new Error(`actor ${actor.id}: the ${what} is empty`);
    return trimmed;
  };
  if (edit.color !== undefined && !COLOR.test(edit.color)) throw new Error(`actor ${actor.id}: invalid colour "${edit.color}" (use #RRGGBB)`);
  return {
    ...actor,
    name: text(edit.name, 'name') ?? actor.name,
    short: text(edit.short, 'short label') ?? actor.short,
    color: edit.color?.toUpperCase() ?? actor.color,
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** A span with its actors mapped; a contest between two actors now one is that actor's span. */
function mapSpan(span: ControlSpan, map: (id: string) => string, dropped: Set<string>): ControlSpan {
  const out: ControlSpan = { ...span, actor: map(span.actor), events: span.events.filter((id) => !dropped.has(id)) };
  if (!span.claimants) return out;
  const claimants = unique(span.claimants.map(map));
  if (span.actor === 'contested' && claimants.length === 1) {
    delete out.claimants;
    out.actor = claimants[0];
  } else out.claimants = claimants;
  return out;
}

/**
 * Joins each span into the one before it when both have the same holder (and, for contests, the
 * same claimants): the earlier start stays, events are united, and the joined span is `assumed`
 * only when both were.
 */
function joinSpans(spans: ControlSpan[]): ControlSpan[] {
  const out: ControlSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (!last || last.actor !== span.actor || String(last.claimants ?? '') !== String(span.claimants ?? '')) {
      out.push({ ...span });
      continue;
    }
    last.events = unique([...last.events, ...span.events]);
    if (last.assumed && !span.assumed) delete last.assumed;
  }
  return out;
}

/** Replaces whole occurrences of old names, the longest first at each position, in one pass. */
function replaceNames(text: string, renames: Map<string, string>): string {
  if (!renames.size) return text;
  const names = [...renames.keys()].sort((a, b) => b.length - a.length);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const name = names.find((n) => text.startsWith(n, i) && !/\w/.test(text[i - 1] ?? '') && !/\w/.test(text[i + n.length] ?? ''));
    if (name) {
      out += renames.get(name);
      i += name.length;
    } else out += text[i++];
  }
  return out;
}
