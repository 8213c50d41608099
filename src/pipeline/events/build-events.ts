/**
 * The events step's public entry point, as the pipeline (`ingest.ts`) imports it: entries with
 * place mentions in; events, control timelines and the actors they reference out.
 * The work is done in `extract-events.ts` (orchestration), `event-clauses.ts` (rules per sentence),
 * `merge-events.ts`, `control-timeline.ts` and `event-features.ts`.
 */
export { extractEvents, type ExtractInput, type ExtractOptions, type ExtractResult } from './extract-events.ts';
export { loadActorRegistry, type ActorRegistry, type ActorRegistryJson } from './actors.ts';
export { compileControl, controlAt, type CompiledControl, type PlaceControl } from '../control/control-at.ts';
