/**
 * The story format: the public, versioned shape that the pipeline writes and the app reads.
 * Documented in docs/story-format.md and checked by docs/story.schema.json.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';

/** Current story format version. Bump on any breaking change to these types. */
export const STORY_VERSION = 1;

/** One outlet's live blog within a story. */
export interface Source {
  /** Short stable id, e.g. `bbc`. */
  id: string;
  publisher: string;
  title?: string;
  url?: string;
  /** IANA timezone the page's clock times are written in, e.g. `Europe/London`. */
  timezone: string;
  /** Calendar date (YYYY-MM-DD) the page's clock times belong to. */
  date: string;
  /** Reading order detected (or given) for the page. */
  order?: 'newest-first' | 'oldest-first';
}

/**
 * What an entry is. Only `report` and `summary` entries are evidence for events;
 * reader comments, quotes, captions and social posts are kept but do not make events.
 */
export type EntryKind = 'report' | 'summary' | 'comment' | 'quote' | 'caption' | 'social';

/** A place name found in an entry's text. `text.slice(start, end) === mention.text`. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  placeId: string;
}

/** One timestamped post of a live blog. */
export interface Entry {
  /** `${source}-${n}`, n counting from 1 in document order. */
  id: string;
  source: string;
  /** Best time in UTC, ISO-8601 with `Z`. */
  time: string;
  /** True when the page gave no time for this entry and `time` is interpolated. */
  timeEstimated: boolean;
  /** For estimated times: the earliest and latest possible UTC time. */
  timeBounds?: [string, string];
  /** The clock as printed on the page (`16.10`, `UPDATE 1725 GMT`), when there was one. */
  clock?: string;
  /** The page's own id of this post (JSON-LD `@id` or `url`, the `id` of its `<article>`), when it has one. */
  updateId?: string;
  kind: EntryKind;
  /** Who speaks, for comments and bylines (`Hashim in Baghdad`). */
  author?: string;
  text: string;
  /** Id of the earlier entry this one repeats; duplicates are not counted twice. */
  duplicateOf?: string;
  mentions: Mention[];
}

/** How a place's coordinates were obtained. */
export type PlacePrecision = 'exact' | 'approximate' | 'region' | 'country';

/** Theatre places are where something happens on the ground; incidental ones are only mentioned. */
export type PlaceRole = 'theatre' | 'incidental';

/** One step of a place's control timeline (filled by the events step). */
export interface ControlSpan {
  /** Actor id holding the place, or `contested`, or `unknown`. */
  actor: string;
  /** Other actors claiming it when contested. */
  claimants?: string[];
  /** ISO UTC start; absent when held since before the story's knowledge. */
  start?: string;
  /** Event ids behind this span. */
  events: string[];
  /**
   * The holder is assumed, not reported: the span before a place's first change when no report
   * names who held it (the actor registry's adversary of the one who took it).
   */
  assumed?: boolean;
}

/**
 * How a place's holder at the story's start is known, when no change has yet been reported there:
 * `stated` (a sentence says who holds it: "rebel-held Idlib", "remains under Kurdish control"),
 * `implied` (the previous holder of the first change reported there), `file` (the story's baseline
 * file, with its cited source), `assumed` (nothing is reported: the state's government, for its
 * capital and for places far from any reported fighting).
 */
export type BaselineBasis = 'stated' | 'implied' | 'file' | 'assumed';

/** Which rule gave a baseline holder (finer than its basis). */
export type BaselineRule = 'stated' | 'besieged-by' | 'guarded' | 'seat' | 'from-reported' | 'from-assumed' | 'file' | 'capital' | 'far-from-reports';

/** Who held a place when the story starts, and on what basis. */
export interface BaselineHolder {
  /** Actor id of the holder. */
  actor: string;
  basis: BaselineBasis;
  rule: BaselineRule;
  /** `stated`: the entries whose sentences state it, earliest first, and those sentences. */
  entries?: string[];
  quotes?: string[];
  /** `stated`: when the first of those entries speaks; `file`: the date the file's source gives. ISO. */
  time?: string;
  /** `implied`: the change whose previous holder this is. */
  events?: string[];
  /** `file`: the source the baseline file cites for this place. */
  source?: string;
  /** `assumed` by `far-from-reports`: km to the nearest place with reported fighting or a stated non-government holder. */
  distanceKm?: number;
}

export interface PlaceProperties {
  id: string;
  name: string;
  /** Alternate spellings seen in the texts and in the gazetteer (a short list). */
  altNames: string[];
  /** Arabic-script (or other native-script) name when known. */
  nameNative?: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** First-level region name when known. */
  admin1?: string;
  /** IANA timezone of the place when known (used for words like "overnight"). */
  timezone?: string;
  kind: 'town' | 'region' | 'country' | 'landmark';
  population?: number;
  precision: PlacePrecision;
  /** Radius of uncertainty in km, for approximate places. */
  uncertaintyKm?: number;
  role: PlaceRole;
  /** Where the coordinates come from, e.g. `geonames:98182`, `supplement:<id>`, `estimate`. */
  origin: string;
  /** Number of mentions in the story. */
  mentionCount: number;
  /** Control timeline, oldest first (filled by the events step). */
  timeline?: ControlSpan[];
  /** Holder at the story's start, before any reported change, with its basis (theatre towns only). */
  baseline?: BaselineHolder;
}

export type PlaceFeature = Feature<Point, PlaceProperties>;

export type EventKind = 'control' | 'clash' | 'strike' | 'other';
export type TimePrecision = 'minute' | 'hour' | 'day' | 'week' | 'month';
export type EventStatus = 'reported' | 'claimed' | 'contested' | 'confirmed';
/**
 * How a control event's previous holder is known: `reported` (a report names it: "took Robotyne from
 * Russian forces"), `earlier-event` (the holder an earlier change gave the place), `assumed` (no
 * report names one: a retaking is from the taker's adversary, an armed group's capture from the
 * state, as the actor registry says).
 */
export type FromBasis = 'reported' | 'earlier-event' | 'assumed';

/**
 * Whether a newsroom checked an event (docs/review.md): `accepted` as extracted, `edited` (place,
 * actor, time or status changed by an editor), `added` (a change the extraction missed), or
 * `unreviewed`. Rejected events are not in the story.
 */
export type ReviewState = 'accepted' | 'edited' | 'added' | 'unreviewed';

export interface EventProperties {
  id: string;
  kind: EventKind;
  placeId: string;
  place: string;
  /** For control: who holds the place afterwards. For others: the main actor. */
  actor?: string;
  /** For control: who held it before, when known. */
  from?: string;
  /** How `from` is known: a report names it, an earlier event gave it, or it is assumed (see `FromBasis`). */
  fromBasis?: FromBasis;
  actors: string[];
  /** Best estimate of when it happened (not when it was reported), ISO UTC. */
  time: string;
  timeStart: string;
  timeEnd: string;
  timePrecision: TimePrecision;
  /**
   * What bounds the window: a time word in the sentence (`words`: "overnight", "earlier this
   * week"), or only the report (`report`: it happened by `timeEnd`, at most the look-back before).
   * Absent in stories written before this field.
   */
  timeBasis?: 'words' | 'report';
  /** 1 = the named town, 2 = near it / part of a region, 3 = a larger region (ACLED geo_precision). */
  placePrecision: 1 | 2 | 3;
  /** Earliest report, ISO UTC. */
  reportedAt: string;
  entries: string[];
  sources: string[];
  status: EventStatus;
  /** Who makes the claim, for `claimed`. */
  claimant?: string;
  confidence: number;
  summary: string;
  /** The sentences that report it, one per entry, in `entries` order. */
  quotes: string[];
  /** ACLED sub-event type, e.g. `Non-state actor overtakes territory`, `Armed clash`. */
  subEventType?: string;
  /** Whether the newsroom checked it; absent in stories written before this field (read as `unreviewed`). */
  review?: ReviewState;
}

export type EventFeature = Feature<Point, EventProperties>;

/** A problem with the input content. The pipeline never throws for these. */
export interface Warning {
  code: string;
  message: string;
  source?: string;
  entry?: string;
  /** What to do about it. */
  hint?: string;
}

export interface Actor {
  id: string;
  name: string;
  color: string;
  /** Short text for the legend and patterns, e.g. `ISIS`. */
  short: string;
  /** `state` for armies and governments, `non-state` for armed groups. */
  kind?: 'state' | 'non-state';
}

export interface Story {
  version: number;
  id: string;
  title: string;
  sources: Source[];
  /** All entries, sorted by time then source then position. */
  entries: Entry[];
  places: FeatureCollection<Point, PlaceProperties>;
  events: FeatureCollection<Point, EventProperties>;
  /** Actors referenced by events (filled by the events step). */
  actors: Actor[];
  /** ISO UTC span of the story's entries. */
  span: { start: string; end: string };
  /** True when the story shows only events the newsroom checked (unreviewed ones are left out). */
  reviewedOnly?: boolean;
  /** True while the live blog is still being written (`ingest --watch` sets it): the app re-fetches the story. */
  live?: boolean;
  /** ISO UTC time the story was last written, for a live story. */
  updated?: string;
  /** Seconds between the app's re-fetches of a live story (default 60, at least 15). */
  refreshSeconds?: number;
  warnings: Warning[];
}
