/**
 * Unzips the gazetteer file where it arrives gzipped. Pure web API (`DecompressionStream`), in
 * browsers, workers and Node alike; no fs, no fetch.
 */

/**
 * The bytes unzipped when they are gzip (magic `1f 8b`), else as they are: a server that sends the
 * `.gz` file with `Content-Encoding: gzip` has had the browser unzip it already.
 *
 * @example const raw = await gunzipIfNeeded(new Uint8Array(await res.arrayBuffer()));
 */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
