/**
 * The package's public API, usable as a library on its own, in Node and in the browser alike
 * (nothing here reads files or the network: the gazetteer and the texts come in as arguments).
 *
 * - {@link loadGazetteer}: the gazetteer index from the compact file's bytes
 *   (`npm run build:gazetteer` writes it, gzipped, to `public/gazetteer/gazetteer.bin.gz`).
 * - {@link geoparse}: the place names of one text, each with its character span and its point.
 * - {@link ingestStory}: live-blog texts in, a story (entries, places, control events) out.
 *
 * @example
 * import { geoparse, loadGazetteer } from './src/index.ts';
 * const gazetteer = loadGazetteer(gunzipSync(await readFile('public/gazetteer/gazetteer.bin.gz')));
 * for (const m of geoparse('Clashes in Saraqeb, 50 km south of Aleppo.', gazetteer)) {
 *   console.log(m.start, m.end, m.text, m.lat, m.lon, m.country, m.kind);
 * }
 */
export { loadGazetteer } from './gazetteer/load.ts';
export { gunzipIfNeeded } from './gazetteer/unzip.ts';
export type { Gazetteer, GazetteerJson, GazetteerKind, GazetteerPlace } from './gazetteer/types.ts';
export { geoparse, ingestStory, type GeoparsedMention, type GeoparseOptions, type IngestOptions, type StoryInput } from './pipeline/index.ts';
export type { PlacePrecision, Story, Warning } from './pipeline/types.ts';
