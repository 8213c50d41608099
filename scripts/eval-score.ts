/**
 * Scoring for `npm run eval`: a faithful port of the development corpus's `score.py`, so both
 * print the same final line. It reads a story as JSON (what `ingest` prints), not our types, so
 * it scores whatever shape the pipeline emits, exactly as the Python scorer would.
 *
 * Python semantics kept on purpose: `re.search` with `re.I` and Unicode `\b`/`\w`/`\d`; naive
 * ISO times taken as UTC; `str()`/truthiness of JSON values; `f'{x:.2f}'` rounding (ties to even).
 */

/** A required control fact of a case. */
export interface GoldFact {
  place: string;
  /** Actor key of the new holder. */
  to: string;
  /** Actor key of the previous holder, when the gold names one. */
  from?: string;
  /** UTC ISO start and end. */
  window?: [string, string];
}

export interface GoldCase {
  file: string;
  date: string;
  tz: string;
  publisher: string;
  control: GoldFact[];
  optional?: { place: string; to: string }[];
  no_control?: string[];
}

/** `test/corpus/gold.json`. */
export interface Gold {
  about?: string;
  /** Actor key → Python regex over an event's actor text. */
  actors: Record<string, string>;
  /** Place → [lat, lon]. */
  places: Record<string, [number, number]>;
  /** Place → regex over the accent-folded, lower-cased event place name. */
  aliases?: Record<string, string>;
  cases: GoldCase[];
}

/** A control event with a point, as the scorer sees it. */
export interface ScoredEvent {
  props: Record<string, unknown>;
  lat: number;
  lon: number;
}

/** A control event shown beside a miss or a false positive. */
export interface EventView {
  place: string;
  actor: string;
  window: [string, string];
  km: number;
  evidence?: string;
}

export interface Miss {
  place: string;
  to: string;
  from?: string;
  nearby: EventView[];
}

export interface FalsePositive extends EventView {
  /** The no_control place it lies near. */
  near: string;
}

export interface CaseResult {
  file: string;
  required: number;
  found: number;
  /** Control events carrying a point. */
  events: number;
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** Set when ingest threw: the case's facts all count as missed. */
  error?: string;
}

export interface Totals {
  found: number;
  required: number;
  false: number;
  failed: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Within this distance an event may concern the gold place. */
export const RADIUS_KM = 25;
/** Within this distance no name match is needed. */
export const NAME_FREE_KM = 3;

const ACTOR_KEYS = ['actor', 'actorName', 'to', 'controller'] as const;
const FROM_KEYS = ['from', 'previousActor', 'fromActor'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Python truthiness of a JSON value. */
function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}

/** Python `str()` of a JSON value, for the cases that matter here. */
function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * Great-circle distance on a 6371 km sphere (score.py's radius, not Turf's 6371.0088).
 * @example distanceKm(36.2, 37.15, 36.3, 37.15) // ≈ 11.1
 */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const p1 = aLat * rad;
  const p2 = bLat * rad;
  const dp = p2 - p1;
  const dl = (bLon - aLon) * rad;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Accent-folded lower case, as the gold aliases expect.
 * @example foldName('Sévaré') // 'sevare'
 */
export function foldName(text: string): string {
  // Python drops characters with a non-zero combining class; nonspacing marks are the close JS equivalent.
  return text.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase();
}

const WORD = '[\\p{L}\\p{N}_]';
const NOT_WORD = '[^\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NON_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;
const OUTSIDE: Record<string, string> = { b: BOUNDARY, B: NON_BOUNDARY, w: WORD, W: NOT_WORD, d: '\\p{Nd}', D: '\\P{Nd}' };
const INSIDE: Record<string, string> = { w: '\\p{L}\\p{N}_', d: '\\p{Nd}' };

/** Rewrites Python's Unicode-aware `\b \B \w \W \d \D` for a JS `u` regex (JS's are ASCII-only). */
function unicodeClasses(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      const swap = (inClass ? INSIDE : OUTSIDE)[next];
      out += swap ?? `\\${next}`;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

const compiled = new Map<string, RegExp>();

/**
 * Compiles a Python regex (gold actor or alias) for `re.search(pattern, text, re.I)` semantics.
 * @example pyRegex('\\bsaa\\b').test('The SAA advanced') // true
 */
export function pyRegex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    try {
      re = new RegExp(unicodeClasses(pattern), 'iu');
    } catch {
      // a pattern the stricter `u` syntax refuses still runs, with ASCII word boundaries
      re = new RegExp(pattern, 'i');
    }
    compiled.set(pattern, re);
  }
  return re;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:.(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:([+-])(\d{2}):?(\d{2})?)?)?$/s;

/**
 * Parses an ISO time to epoch ms like Python's `fromisoformat` (naive = UTC); undefined when invalid.
 * @example parseTime('2016-12-15T16:17:00Z') // 1481818620000
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const m = ISO.exec(value.replaceAll('Z', '+00:00'));
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', sign, oh = '0', om = '0'] = m;
  const ms = Number(`0.${frac || '0'}`) * 1000;
  const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.floor(ms));
  const check = new Date(local);
  if (check.getUTCDate() !== +d || check.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  const offset = sign ? (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * 60000 : 0;
  return local - offset;
}

/**
 * The control events of a story JSON that carry a point (score.py `control_events`).
 * @example controlEvents(story).length
 */
export function controlEvents(story: unknown): ScoredEvent[] {
  const events = isObj(story) ? story.events : undefined;
  const features = isObj(events) ? (truthy(events.features) ? events.features : []) : truthy(events) ? events : [];
  const out: ScoredEvent[] = [];
  for (const f of Array.isArray(features) ? features : []) {
    if (!isObj(f)) continue;
    const props = isObj(f.properties) ? f.properties : {};
    const kind = 'kind' in props ? props.kind : 'type' in props ? props.type : '';
    if (pyStr(kind).toLowerCase() !== 'control') continue;
    const geometry = isObj(f.geometry) ? f.geometry : {};
    const c = geometry.coordinates;
    if (!Array.isArray(c) || c.length < 2 || c[0] == null || c[1] == null) continue;
    const lat = Number(c[1]);
    const lon = Number(c[0]);
    if (Number.isFinite(lat) && Number.isFinite(lon)) out.push({ props, lat, lon });
  }
  return out;
}

/**
 * Actor id → "name short", from the story's actor list.
 * @example actorNames({ actors: [{ id: 'isis', name: 'Islamic State', short: 'IS' }] }).get('isis') // 'Islamic State IS'
 */
export function actorNames(story: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const actors = isObj(story) ? story.actors : undefined;
  for (const a of Array.isArray(actors) ? actors : []) {
    if (!isObj(a) || !truthy(a.id)) continue;
    names.set(pyStr(a.id), ['name', 'short'].filter((k) => truthy(a[k])).map((k) => pyStr(a[k])).join(' '));
  }
  return names;
}

/** Actor fields may be strings, lists, or objects with a name or id. */
function flat(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap(flat);
  if (isObj(v)) return ['name', 'label', 'id', 'short'].filter((k) => truthy(v[k])).map((k) => pyStr(v[k]));
  return [pyStr(v)];
}

function sideText(props: Obj, keys: readonly string[], names: Map<string, string>): string {
  const parts: string[] = [];
  for (const key of keys) {
    for (const x of flat(props[key])) {
      parts.push(x);
      const name = names.get(x);
      if (name !== undefined) parts.push(name);
    }
  }
  return parts.join(' ');
}

/**
 * The new holder's text: actor fields plus the names of those actor ids.
 * @example actorText({ actor: 'isis' }, new Map([['isis', 'Islamic State IS']])) // 'isis Islamic State IS'
 */
export function actorText(props: Obj, names: Map<string, string>): string {
  return sideText(props, ACTOR_KEYS, names);
}

/** The previous holder's text, as {@link actorText}. */
export function fromText(props: Obj, names: Map<string, string>): string {
  return sideText(props, FROM_KEYS, names);
}

/** The event's time window in epoch ms (timeStart..timeEnd, falling back to time). */
export function eventWindow(props: Obj): [number | undefined, number | undefined] {
  return [parseTime(props.timeStart) ?? parseTime(props.time), parseTime(props.timeEnd) ?? parseTime(props.time)];
}

/**
 * Near the gold place, and named like it where the event carries a name (unless within 3 km).
 * @example samePlace(event, 36.2, 37.15, 'aleppo|halab')
 */
export function samePlace(event: ScoredEvent, lat: number, lon: number, nameRe: string): boolean {
  const d = distanceKm(lat, lon, event.lat, event.lon);
  if (d > RADIUS_KM) return false;
  const raw = truthy(event.props.place) ? event.props.place : truthy(event.props.placeName) ? event.props.placeName : '';
  const name = foldName(pyStr(raw));
  if (name && nameRe) return pyRegex(nameRe).test(name) || d <= NAME_FREE_KM;
  return true;
}

/**
 * The first control event that matches a gold fact: place, actor (or previous holder), window.
 * @example matchControl(controlEvents(story), actorNames(story), gold, gold.cases[0].control[0])
 */
export function matchControl(events: ScoredEvent[], names: Map<string, string>, gold: Gold, fact: GoldFact): ScoredEvent | undefined {
  const [lat, lon] = gold.places[fact.place];
  const actorRe = gold.actors[fact.to];
  const fromRe = fact.from ? gold.actors[fact.from] : undefined;
  const nameRe = gold.aliases?.[fact.place] ?? foldName(fact.place);
  const window = fact.window && fact.window.length ? [parseTime(fact.window[0]), parseTime(fact.window[1])] : undefined;
  for (const event of events) {
    if (!samePlace(event, lat, lon, nameRe)) continue;
    const okActor = pyRegex(actorRe).test(actorText(event.props, names)) || (!!fromRe && pyRegex(fromRe).test(fromText(event.props, names)));
    if (!okActor) continue;
    if (window) {
      const [a, b] = eventWindow(event.props);
      const [wa, wb] = window;
      if (a === undefined || b === undefined || wa === undefined || wb === undefined || b < wa || a > wb) continue;
    }
    return event;
  }
  return undefined;
}

/** The event's evidence sentence: its quotes, else an `evidence` field, else its summary. */
function evidenceOf(props: Obj): string | undefined {
  const quotes = flat(props.quotes).filter(Boolean);
  if (quotes.length) return quotes.join(' | ');
  for (const key of ['evidence', 'summary']) if (truthy(props[key])) return flat(props[key]).join(' | ');
  return undefined;
}

function view(event: ScoredEvent, names: Map<string, string>, lat: number, lon: number): EventView {
  const p = event.props;
  const start = truthy(p.timeStart) ? p.timeStart : p.time;
  const end = truthy(p.timeEnd) ? p.timeEnd : p.time;
  return {
    place: pyStr(p.place),
    actor: actorText(p, names) || '?',
    window: [pyStr(start), pyStr(end)],
    km: Math.round(distanceKm(lat, lon, event.lat, event.lon) * 10) / 10,
    evidence: evidenceOf(p),
  };
}

/**
 * Scores one case's story JSON against its gold facts.
 * @example const result = scoreCase(gold, gold.cases[0], JSON.parse(stdout));
 */
export function scoreCase(gold: Gold, goldCase: GoldCase, story: unknown): CaseResult {
  const names = actorNames(story);
  const events = controlEvents(story);
  const misses: Miss[] = [];
  for (const fact of goldCase.control) {
    if (matchControl(events, names, gold, fact)) continue;
    const [lat, lon] = gold.places[fact.place];
    const nearby = events.filter((e) => distanceKm(lat, lon, e.lat, e.lon) <= RADIUS_KM).map((e) => view(e, names, lat, lon));
    misses.push({ place: fact.place, to: fact.to, ...(fact.from ? { from: fact.from } : {}), nearby });
  }
  const falsePositives: FalsePositive[] = [];
  for (const event of events) {
    for (const near of goldCase.no_control ?? []) {
      const [lat, lon] = gold.places[near];
      if (distanceKm(lat, lon, event.lat, event.lon) <= RADIUS_KM) {
        falsePositives.push({ near, ...view(event, names, lat, lon) });
        break; // once per event
      }
    }
  }
  return { file: goldCase.file, required: goldCase.control.length, found: goldCase.control.length - misses.length, events: events.length, misses, falsePositives };
}

/**
 * A case whose ingest failed: every required fact missed, no false positive.
 * @example failedCase(goldCase, 'ingest threw: …')
 */
export function failedCase(goldCase: GoldCase, error: string): CaseResult {
  const misses = goldCase.control.map((f) => ({ place: f.place, to: f.to, ...(f.from ? { from: f.from } : {}), nearby: [] }));
  return { file: goldCase.file, required: goldCase.control.length, found: 0, events: 0, misses, falsePositives: [], error };
}

function prf(found: number, required: number, falses: number): { precision: number; recall: number; f1: number } {
  const precision = found + falses ? found / (found + falses) : 0;
  const recall = required ? found / required : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Sums case results; precision, recall and F1 are 0 where undefined, as in score.py.
 * @example const totals = totalize(results);
 */
export function totalize(results: CaseResult[]): Totals {
  const found = results.reduce((n, r) => n + r.found, 0);
  const required = results.reduce((n, r) => n + r.required, 0);
  const falses = results.reduce((n, r) => n + r.falsePositives.length, 0);
  const failed = results.filter((r) => r.error !== undefined).length;
  return { found, required, false: falses, failed, ...prf(found, required, falses) };
}

/**
 * Python's `f'{x:.2f}'`: like `toFixed(2)` except exact ties (odd eighths), which go to even.
 * @example formatFixed2(0.125) // '0.12'
 */
export function formatFixed2(x: number): string {
  const eighths = x * 8;
  if (Number.isInteger(eighths) && eighths % 2 !== 0) {
    const lo = Math.floor(x * 100);
    return ((lo % 2 === 0 ? lo : lo + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}

/**
 * One line per case: `file: found/required, false N, P=… R=… F1=…` (`-` where undefined).
 * @example formatCaseLine(result) // '03_….txt: 1/1, false 0, P=1.00 R=1.00 F1=1.00'
 */
export function formatCaseLine(r: CaseResult): string {
  if (r.error !== undefined) return `${r.file}: FAILED ${r.error}`;
  const falses = r.falsePositives.length;
  const { precision, recall, f1 } = prf(r.found, r.required, falses);
  const p = r.found + falses ? formatFixed2(precision) : '-';
  const rc = r.required ? formatFixed2(recall) : '-';
  const f = r.found + falses && r.required ? formatFixed2(f1) : '-';
  return `${r.file}: ${r.found}/${r.required}, false ${falses}, P=${p} R=${rc} F1=${f}`;
}

/**
 * The last line, identical to score.py's.
 * @example finalLine(totals) // 'dev-corpus control recall=2/29 false=0 F1=0.13'
 */
export function finalLine(t: Totals): string {
  return `dev-corpus control recall=${t.found}/${t.required} false=${t.false} F1=${formatFixed2(t.f1)}`;
}
