/**
 * The corrections file (`corrections.json` beside a story): a newsroom's decisions on the events
 * the pipeline extracted, kept apart from extraction and applied by `ingest`. Each decision names
 * its event by a stable key (`event-key.ts`), who made it and when. Format: docs/review.md, schema:
 * docs/corrections.schema.json. Parsed and checked here, purely; the CLI reads the file.
 */
import { InputError } from '../errors.ts';
import type { EventKind, TimePrecision } from '../types.ts';
import type { EventKey } from './event-key.ts';

/** Current corrections format version. */
export const CORRECTIONS_VERSION = 1;

/** Why an event is rejected. */
export const REJECT_REASONS = ['not-a-change', 'wrong-place', 'wrong-actor', 'wrong-time', 'duplicate', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Statuses an editor may set. */
export const EDIT_STATUSES = ['claimed', 'confirmed', 'contested'] as const;
export type EditStatus = (typeof EDIT_STATUSES)[number];

const PRECISIONS: TimePrecision[] = ['minute', 'hour', 'day', 'week', 'month'];
const KINDS: EventKind[] = ['control', 'clash', 'strike', 'other'];

/** An actor of the story's registry by id, or a new one by name (grey unless a colour is given). */
export type ActorRef = string | { name: string; color?: string };

/** A time window set by an editor (ISO UTC); precision defaults to the window's width. */
export interface TimeEdit {
  start: string;
  end: string;
  precision?: TimePrecision;
}

/** The sentence a missed change is read from: its entry (source and time), its hash and the words selected. */
export interface EvidenceRef {
  source: string;
  time: string;
  sentence: string;
  /** The selected words; they must occur in the sentence. */
  text: string;
}

interface DecisionBase {
  /** The editor's name, as typed. */
  by: string;
  /** When the decision was made, ISO-8601. */
  at: string;
  note?: string;
}

export interface AcceptDecision extends DecisionBase {
  action: 'accept';
  event: EventKey;
}

export interface RejectDecision extends DecisionBase {
  action: 'reject';
  event: EventKey;
  reason: RejectReason;
}

export interface EditDecision extends DecisionBase {
  action: 'edit';
  event: EventKey;
  /** What changes; at least one field. `place` is a place id of the story or a gazetteer origin (`geonames:98182`). */
  set: { place?: string; actor?: ActorRef; time?: TimeEdit; status?: EditStatus };
}

export interface AddDecision extends DecisionBase {
  action: 'add';
  evidence: EvidenceRef;
  /** Only changes of control can be added. */
  kind: 'control';
  place: string;
  actor: ActorRef;
  /** The previous holder, when the sentence names one. */
  from?: ActorRef;
  time?: TimeEdit;
  status?: EditStatus;
}

export type Decision = AcceptDecision | RejectDecision | EditDecision | AddDecision;

export interface Corrections {
  version: number;
  /** The story id the decisions were made on; a mismatch is refused. */
  story?: string;
  decisions: Decision[];
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const HASH = /^[0-9a-f]{8}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

type Fail = (message: string) => never;
type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function text(r: Rec, key: string, fail: Fail, required = true): string | undefined {
  const v = r[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v.trim() === '') fail(`${key} must be a non-empty string`);
  return (v as string).trim();
}

function isoTime(r: Rec, key: string, fail: Fail): string {
  const v = text(r, key, fail)!;
  if (!ISO.test(v) || Number.isNaN(Date.parse(v))) fail(`${key} must be an ISO time such as 2014-06-13T14:50:00Z, not "${v}"`);
  return v;
}

function oneOf<T extends string>(r: Rec, key: string, allowed: readonly T[], fail: Fail, required = true): T | undefined {
  const v = r[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v as T)) fail(`${key} must be one of ${allowed.join(', ')}${v === undefined ? '' : `, not ${JSON.stringify(v)}`}`);
  return v as T;
}

function sub(r: Rec, key: string, fail: Fail): { value: Rec; fail: Fail } {
  const v = r[key];
  if (!isRecord(v)) fail(`${key} must be an object`);
  return { value: v as Rec, fail: (m) => fail(`${key}.${m}`) };
}

function readKey(r: Rec, fail: Fail): EventKey {
  const key: EventKey = { source: text(r, 'source', fail)!, time: isoTime(r, 'time', fail), sentence: text(r, 'sentence', fail)! };
  if (!HASH.test(key.sentence)) fail(`sentence must be the sentence's 8-hex-digit hash, not "${key.sentence}"`);
  const place = text(r, 'place', fail, false);
  if (place) key.place = place;
  const kind = oneOf(r, 'kind', KINDS, fail, false);
  if (kind) key.kind = kind;
  return key;
}

function readActor(r: Rec, key: string, fail: Fail, required = true): ActorRef | undefined {
  const v = r[key];
  if (v === undefined && !required) return undefined;
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (isRecord(v)) {
    const name = text(v, 'name', (m) => fail(`${key}.${m}`))!;
    if (v.color !== undefined && (typeof v.color !== 'string' || !COLOR.test(v.color))) fail(`${key}.color must be a colour such as "#aa3355"`);
    return v.color ? { name, color: v.color as string } : { name };
  }
  return fail(`${key} must be an actor id of the story (such as "isis") or a new actor {"name": …}`);
}

function readTime(r: Rec, key: string, fail: Fail): TimeEdit | undefined {
  if (r[key] === undefined) return undefined;
  const { value, fail: f } = sub(r, key, fail);
  const time: TimeEdit = { start: isoTime(value, 'start', f), end: isoTime(value, 'end', f) };
  if (Date.parse(time.start) > Date.parse(time.end)) f('start must not be after end');
  const precision = oneOf(value, 'precision', PRECISIONS, f, false);
  if (precision) time.precision = precision;
  return time;
}

function readDecision(raw: unknown, where: string): Decision {
  const bare: Fail = (m) => {
    throw new InputError('bad-corrections', `${where}: ${m}`);
  };
  if (!isRecord(raw)) bare('must be an object');
  const r = raw as Rec;
  const action = oneOf(r, 'action', ['accept', 'reject', 'edit', 'add'] as const, bare)!;
  const fail: Fail = (m) => {
    throw new InputError('bad-corrections', `${where} (${action}): ${m}`);
  };
  const base: DecisionBase = { by: text(r, 'by', fail)!, at: isoTime(r, 'at', fail) };
  const note = text(r, 'note', fail, false);
  if (note) base.note = note;
  if (action === 'add') {
    const ev = sub(r, 'evidence', fail);
    const evidence: EvidenceRef = { source: text(ev.value, 'source', ev.fail)!, time: isoTime(ev.value, 'time', ev.fail), sentence: text(ev.value, 'sentence', ev.fail)!, text: text(ev.value, 'text', ev.fail)! };
    if (!HASH.test(evidence.sentence)) ev.fail(`sentence must be the sentence's 8-hex-digit hash, not "${evidence.sentence}"`);
    const kind = oneOf(r, 'kind', ['control'] as const, fail, false) ?? 'control';
    const add: AddDecision = { ...base, action, evidence, kind, place: text(r, 'place', fail)!, actor: readActor(r, 'actor', fail)! };
    const from = readActor(r, 'from', fail, false);
    if (from) add.from = from;
    const time = readTime(r, 'time', fail);
    if (time) add.time = time;
    const status = oneOf(r, 'status', EDIT_STATUSES, fail, false);
    if (status) add.status = status;
    return add;
  }
  const ev = sub(r, 'event', fail);
  const event = readKey(ev.value, ev.fail);
  if (action === 'accept') return { ...base, action, event };
  if (action === 'reject') {
    const reason = oneOf(r, 'reason', REJECT_REASONS, fail)!;
    if (reason === 'other' && !base.note) fail('a rejection for reason "other" needs a note saying why');
    return { ...base, action, event, reason };
  }
  const s = sub(r, 'set', fail);
  const set: EditDecision['set'] = {};
  const place = text(s.value, 'place', s.fail, false);
  if (place) set.place = place;
  const actor = readActor(s.value, 'actor', s.fail, false);
  if (actor) set.actor = actor;
  const time = readTime(s.value, 'time', s.fail);
  if (time) set.time = time;
  const status = oneOf(s.value, 'status', EDIT_STATUSES, s.fail, false);
  if (status) set.status = status;
  if (!Object.keys(set).length) fail('set must change at least one of place, actor, time, status');
  return { ...base, action, event, set };
}

/**
 * Parses and checks a corrections file; throws `InputError` naming the file, the decision and the
 * field (`corrections.json: decisions[2] (edit): set.status must be one of claimed, confirmed, contested`).
 * @param storyId when given, the file's `story` must match it
 * @example const corrections = parseCorrections(text, 'corrections.json', 'iraq-2014-06-13');
 */
export function parseCorrections(textIn: string, name: string, storyId?: string): Corrections {
  let data: unknown;
  try {
    data = JSON.parse(textIn.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError('bad-corrections', `${name}: not valid JSON (${(error as Error).message})`);
  }
  return readCorrections(data, name, storyId);
}

/**
 * Checks an already parsed corrections value (see `parseCorrections`).
 * @example readCorrections({ version: 1, decisions: [] }, 'corrections.json')
 */
export function readCorrections(data: unknown, name: string, storyId?: string): Corrections {
  if (!isRecord(data)) throw new InputError('bad-corrections', `${name}: must be a JSON object with version and decisions`);
  if (data.version !== CORRECTIONS_VERSION) {
    throw new InputError('bad-corrections', `${name}: corrections format version ${JSON.stringify(data.version)} is not supported (this build reads version ${CORRECTIONS_VERSION})`);
  }
  if (data.story !== undefined && typeof data.story !== 'string') throw new InputError('bad-corrections', `${name}: story must be the story's id`);
  if (storyId && data.story && data.story !== storyId) {
    throw new InputError('bad-corrections', `${name}: its decisions are for story "${data.story}", not "${storyId}"`);
  }
  if (!Array.isArray(data.decisions)) throw new InputError('bad-corrections', `${name}: decisions must be a list`);
  const decisions = data.decisions.map((d, i) => readDecision(d, `${name}: decisions[${i}]`));
  return { version: CORRECTIONS_VERSION, ...(data.story ? { story: data.story as string } : {}), decisions };
}
