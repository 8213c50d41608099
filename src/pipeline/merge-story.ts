/**
 * Keeps a story's ids stable while it grows. The pipeline numbers entries by their place in the
 * page and events by their place in time, so a story built again from a page that gained posts
 * would renumber them. `mergeStory` takes the story written before and the story just built from
 * the newer pages, and gives every entry and event that was already there its old id back; new
 * ones get ids no earlier story used. Pure: two stories in, one story out.
 */
import type { Entry, EventFeature, Story } from './types.ts';

/** What changed between the previous story and the merged one, by final id. */
export interface StoryChanges {
  addedEntries: string[];
  editedEntries: string[];
  removedEntries: string[];
  addedEvents: string[];
  removedEvents: string[];
}

/** A short stable hash of a text (FNV-1a, 32 bits), for matching entries by their words. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  const normal = text.toLowerCase().replace(/\s+/g, ' ').trim();
  for (let i = 0; i < normal.length; i++) {
    h ^= normal.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The number at the end of an id (`bbc-12` → 12), or 0. */
function serial(id: string): number {
  const m = /-(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** `prefix-n` ids that no id in `taken` uses, counting up from the largest there. */
function freshIds(taken: Iterable<string>): (prefix: string) => string {
  const top = new Map<string, number>();
  for (const id of taken) {
    const prefix = id.replace(/-\d+$/, '');
    top.set(prefix, Math.max(top.get(prefix) ?? 0, serial(id)));
  }
  return (prefix) => {
    const n = (top.get(prefix) ?? 0) + 1;
    top.set(prefix, n);
    return `${prefix}-${n}`;
  };
}

/**
 * Which earlier entry each new entry is: first the same source and the page's own id of the post;
 * then the same source, time and text; then, among those left, the same source and printed time
 * (a post edited in place on a page without ids keeps its time).
 */
function matchEntries(previous: Story, next: Story): { ids: Map<string, string>; edited: string[] } {
  const ids = new Map<string, string>();
  const edited: string[] = [];
  const byText = new Map<string, string[]>();
  const byTime = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  for (const e of previous.entries) {
    push(byText, `${e.source}|${e.time}|${textHash(e.text)}`, e.id);
    push(byTime, `${e.source}|${e.time}`, e.id);
  }
  const byRef = new Map<string, Entry>();
  for (const e of previous.entries) if (e.updateId) byRef.set(`${e.source}|${e.updateId}`, e);
  const used = new Set<string>();
  const take = (list: string[] | undefined) => list?.find((id) => !used.has(id));
  const left = [];
  for (const e of next.entries) {
    const same = e.updateId ? byRef.get(`${e.source}|${e.updateId}`) : undefined;
    if (same && !used.has(same.id)) {
      ids.set(e.id, same.id);
      used.add(same.id);
      if (same.text !== e.text || same.time !== e.time) edited.push(same.id);
      continue;
    }
    const old = take(byText.get(`${e.source}|${e.time}|${textHash(e.text)}`));
    if (old) {
      ids.set(e.id, old);
      used.add(old);
    } else left.push(e);
  }
  for (const e of left) {
    // Estimated times move when posts arrive around them; only a printed time marks an edit.
    const old = e.timeEstimated ? undefined : take(byTime.get(`${e.source}|${e.time}`));
    if (old) {
      ids.set(e.id, old);
      used.add(old);
      edited.push(old);
    }
  }
  const fresh = freshIds(previous.entries.map((e) => e.id));
  for (const e of next.entries) if (!ids.has(e.id)) ids.set(e.id, fresh(e.source));
  return { ids, edited };
}

/**
 * Which earlier event each new event is: the same place and kind, sharing the most entries
 * (after entries got their final ids); ties go to the earlier event.
 */
function matchEvents(previous: Story, next: EventFeature[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const ev of next) {
    const p = ev.properties;
    let best: { id: string; shared: number } | undefined;
    for (const old of previous.events.features) {
      const o = old.properties;
      if (used.has(o.id) || o.placeId !== p.placeId || o.kind !== p.kind) continue;
      const shared = p.entries.filter((id) => o.entries.includes(id)).length;
      if (shared > 0 && (!best || shared > best.shared)) best = { id: o.id, shared };
    }
    if (best) {
      ids.set(p.id, best.id);
      used.add(best.id);
    }
  }
  const fresh = freshIds(previous.events.features.map((f) => f.properties.id));
  for (const ev of next) {
    const p = ev.properties;
    if (!ids.has(p.id)) ids.set(p.id, fresh(`ev-${p.placeId}-${p.kind}`));
  }
  return ids;
}

/** The story with every entry and event id (and every reference to one) renamed. */
function renameIds(story: Story, entryIds: Map<string, string>, eventIds: Map<string, string>): Story {
  const entry = (id: string) => entryIds.get(id) ?? id;
  const event = (id: string) => eventIds.get(id) ?? id;
  return {
    ...story,
    entries: story.entries.map((e) => ({ ...e, id: entry(e.id), ...(e.duplicateOf ? { duplicateOf: entry(e.duplicateOf) } : {}) })),
    events: {
      ...story.events,
      features: story.events.features.map((f) => ({ ...f, properties: { ...f.properties, id: event(f.properties.id), entries: f.properties.entries.map(entry) } })),
    },
    places: {
      ...story.places,
      features: story.places.features.map((f) => {
        const p = f.properties;
        const properties = { ...p };
        if (p.timeline) properties.timeline = p.timeline.map((span) => ({ ...span, events: span.events.map(event) }));
        if (p.baseline) {
          properties.baseline = { ...p.baseline };
          if (p.baseline.entries) properties.baseline.entries = p.baseline.entries.map(entry);
          if (p.baseline.events) properties.baseline.events = p.baseline.events.map(event);
        }
        return { ...f, properties };
      }),
    },
    warnings: story.warnings.map((w) => (w.entry ? { ...w, entry: entry(w.entry) } : w)),
  };
}

/**
 * Gives the entries and events of a newly built story the ids they had in the previous story.
 * Without a previous story the new one is returned as it is, everything counted as added.
 * @example
 * const { story, changes } = mergeStory(lastWritten, ingestStory(input, gazetteer, options).story);
 * changes.addedEntries // ['guardian-13', 'guardian-14']
 */
export function mergeStory(previous: Story | undefined, next: Story): { story: Story; changes: StoryChanges } {
  if (!previous) {
    return {
      story: next,
      changes: { addedEntries: next.entries.map((e) => e.id), editedEntries: [], removedEntries: [], addedEvents: next.events.features.map((f) => f.properties.id), removedEvents: [] },
    };
  }
  const { ids: entryIds, edited } = matchEntries(previous, next);
  const withEntries = renameIds(next, entryIds, new Map());
  const eventIds = matchEvents(previous, withEntries.events.features);
  const story = renameIds(withEntries, new Map(), eventIds);
  const before = { entries: new Set(previous.entries.map((e) => e.id)), events: new Set(previous.events.features.map((f) => f.properties.id)) };
  const after = { entries: new Set(story.entries.map((e) => e.id)), events: new Set(story.events.features.map((f) => f.properties.id)) };
  return {
    story,
    changes: {
      addedEntries: [...after.entries].filter((id) => !before.entries.has(id)),
      editedEntries: edited,
      removedEntries: [...before.entries].filter((id) => !after.entries.has(id)),
      addedEvents: [...after.events].filter((id) => !before.events.has(id)),
      removedEvents: [...before.events].filter((id) => !after.events.has(id)),
    },
  };
}
