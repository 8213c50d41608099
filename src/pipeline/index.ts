/**
 * The pipeline's public surface, and the only import of the CLI (`src/cli/`) and the in-browser
 * import worker. Stages live in folders: `entries/` (text to timed entries), `places/` (mentions
 * and the gazetteer), `events/` (actors, frames, events), `control/` (timelines and control at a
 * time); `ingest.ts` runs them in order.
 */
export { ingestStory, type IngestOptions, type StoryInput } from './ingest.ts';
export { geoparse, type GeoparsedMention, type GeoparseOptions } from './places/geoparse.ts';
export { InputError, isInputError } from './errors.ts';
export { assertDate, assertTimeZone } from './timezone.ts';
export { decodeText } from './entries/decode-text.ts';
export { parseManifest } from './manifest.ts';
export type { ActorRegistryJson } from './events/actors.ts';
export type { WorldActorsJson } from './events/world-actors.ts';
export type { Story, Warning } from './types.ts';
export { parseCorrections, readCorrections, CORRECTIONS_VERSION, type Corrections, type Decision } from './review/corrections.ts';
export { eventKeys, sentenceHash, formatKey, type EventKey } from './review/event-key.ts';
export { mergeStory, textHash, type StoryChanges } from './merge-story.ts';
export { buildEntries, type SourceInput } from './entries/build-entries.ts';
