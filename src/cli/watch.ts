/**
 * `ingest --watch`: follows live blogs while they are live. Every interval it reads each source
 * again (a web page or feed with a conditional request, or a local file when it changed), builds the story
 * from the newest good copy of every source, gives earlier entries and events their old ids back
 * (`mergeStory`) and writes the story atomically when something changed. A source that fails (a
 * timeout, an HTTP error, a page with no entries) is reported and retried after 1, 2, 4, then 8
 * intervals while the others go on; its last good copy stays in the story.
 */
import { readFile, stat } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { basename, extname } from 'node:path';
import { buildEntries, decodeText, InputError, isInputError, mergeStory, type SourceInput, type Story } from '../pipeline/index.ts';
import { slug } from './load-story-input.ts';
import { readIngestResources, runIngest, type IngestResources } from './run-ingest.ts';
import { writeAtomic } from './write-atomic.ts';

export interface WatchOptions {
  /** Where the story is written; a story already there gives its ids to the first round. */
  out: string;
  /** Milliseconds between rounds (60 000 by default). */
  everyMs?: number;
  /** Milliseconds a web page may take to answer (20 000 by default). */
  timeoutMs?: number;
  id?: string;
  title?: string;
  publisher?: string;
  date?: string;
  tz?: string;
  /** Stop after this many rounds (tests); otherwise run until `signal` aborts. */
  rounds?: number;
  signal?: AbortSignal;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  fetch?: typeof fetch;
  /** The clock that stamps `updated` on the story written (the CLI passes the wall clock). */
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  resources?: IngestResources;
}

const MAX_BYTES = 64 * 1024 * 1024;
const MAX_WAIT_ROUNDS = 8;

interface Watched {
  location: string;
  isUrl: boolean;
  input: Omit<SourceInput, 'text'>;
  /** The last copy that read as a live blog, and its number of entries. */
  good?: { text: string; entries: number; html: boolean };
  etag?: string;
  lastModified?: string;
  /** Files: size and modification time of the copy read last. */
  stamp?: string;
  failures: number;
  skip: number;
}

type Reading = { changed: false } | { changed: true; text: string; html: boolean };

function watched(locations: string[], options: WatchOptions): Watched[] {
  const used = new Set<string>();
  return locations.map((location) => {
    const isUrl = /^https?:\/\//i.test(location);
    let name: string;
    if (isUrl) {
      const url = new URL(location);
      name = `${url.hostname.replace(/^www\./, '')}${url.pathname === '/' ? '' : `-${url.pathname.split('/').filter(Boolean).pop() ?? ''}`}`;
    } else name = basename(location, extname(location));
    let id = slug(name);
    while (used.has(id)) id = `${id}-2`;
    used.add(id);
    const publisher = options.publisher ?? (isUrl ? new URL(location).hostname.replace(/^www\./, '') : name);
    return { location, isUrl, input: { id, publisher, date: options.date, timezone: options.tz, ...(isUrl ? { url: location } : {}) }, failures: 0, skip: 0 };
  });
}

async function readWeb(source: Watched, options: WatchOptions): Promise<Reading> {
  const headers: Record<string, string> = { 'user-agent': 'liveblog-control-map ingest --watch', accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.8' };
  if (source.etag) headers['if-none-match'] = source.etag;
  if (source.lastModified) headers['if-modified-since'] = source.lastModified;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(source.location, { headers, signal, redirect: 'follow' });
  } catch (error) {
    throw new Error(timeout.aborted ? `no answer within ${Math.round((options.timeoutMs ?? 20_000) / 1000)} s` : `could not connect (${(error as Error).message})`);
  }
  if (response.status === 304) return { changed: false };
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new Error(`page is ${Math.round(bytes.length / 1048576)} MB; the limit is 64 MB`);
  const text = decodeText(bytes, source.location);
  source.etag = response.headers.get('etag') ?? undefined;
  source.lastModified = response.headers.get('last-modified') ?? undefined;
  return { changed: text !== source.good?.text, text, html: /html/i.test(response.headers.get('content-type') ?? '') };
}

async function readLocal(source: Watched): Promise<Reading> {
  let info;
  try {
    info = await stat(source.location);
  } catch {
    throw new Error('file not found');
  }
  if (!info.isFile()) throw new Error('is not a file');
  if (info.size > MAX_BYTES) throw new Error(`is ${Math.round(info.size / 1048576)} MB; the limit is 64 MB`);
  const stamp = `${info.size}:${info.mtimeMs}`;
  if (stamp === source.stamp) return { changed: false };
  const text = decodeText(new Uint8Array(await readFile(source.location)), source.location);
  source.stamp = stamp;
  return { changed: text !== source.good?.text, text, html: /\.html?$/i.test(source.location) };
}

/**
 * Checks that a copy reads as a live blog before it replaces the last good one: it has entries,
 * and it has not lost most of those the source had (a page cut off mid-way).
 */
function checkCopy(source: Watched, text: string, html: boolean): number {
  const { entries } = buildEntries([{ ...source.input, text, format: html ? 'html' : 'auto' }]);
  const before = source.good?.entries ?? 0;
  if (entries.length * 2 < before) throw new InputError('shrunk', `the page has ${entries.length} entries, down from ${before}; kept the earlier copy`);
  return entries.length;
}

async function readStory(path: string): Promise<Story | undefined> {
  try {
    const story = JSON.parse(await readFile(path, 'utf8')) as Story;
    return Array.isArray(story?.entries) && Array.isArray(story?.events?.features) ? story : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Follows live blogs until `signal` aborts (or for `rounds` rounds) and keeps `out` up to date.
 * Resolves with the last story written (or found in `out`), never rejects for a failing source.
 * @example
 * const stop = new AbortController();
 * process.once('SIGINT', () => stop.abort());
 * await watchSources(['https://example.org/live'], { out: 'story.json', signal: stop.signal, log: console.error });
 */
export async function watchSources(locations: string[], options: WatchOptions): Promise<Story | undefined> {
  const every = options.everyMs ?? 60_000;
  const log = options.log ?? (() => {});
  const sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined));
  const sources = watched(locations, options);
  const resources = options.resources ?? (await readIngestResources());
  let story = await readStory(options.out);
  if (story) log(`watch: ${options.out} has ${story.entries.length} entries and ${story.events.features.length} events; their ids are kept`);

  for (let round = 1; !options.signal?.aborted && (options.rounds === undefined || round <= options.rounds); round++) {
    let changed = false;
    for (const source of sources) {
      if (options.signal?.aborted) break;
      if (source.skip > 0) {
        source.skip--;
        continue;
      }
      const copies = source.good ? 'new' : 'first';
      try {
        const reading = source.isUrl ? await readWeb(source, options) : await readLocal(source);
        if (reading.changed) {
          const entries = checkCopy(source, reading.text, reading.html);
          source.good = { text: reading.text, entries, html: reading.html };
          changed = true;
          log(`watch: ${source.input.id}: ${copies} copy, ${entries} entries`);
        }
        source.failures = 0;
      } catch (error) {
        if (options.signal?.aborted) break;
        source.failures++;
        // Back-off: retried after 1, 2, 4, then every 8 intervals.
        const wait = Math.min(2 ** (source.failures - 1), MAX_WAIT_ROUNDS);
        source.skip = wait - 1;
        // The next copy is read in full: a failed read may have left the validators of a bad copy.
        source.etag = source.lastModified = source.stamp = undefined;
        log(`watch: ${source.input.id}: ${(error as Error).message}; retrying in ${Math.round((wait * every) / 1000)} s`);
      }
    }
    const ready = sources.filter((s) => s.good);
    if (changed && ready.length > 0 && !options.signal?.aborted) {
      const title = options.title ?? story?.title ?? options.id;
      const id = options.id ?? story?.id ?? ready[0].input.id;
      try {
        const built = await runIngest(
          { input: { id, title: title ?? id, sources: ready.map((s) => ({ ...s.input, text: s.good!.text, format: s.good!.html ? 'html' : 'auto' })) } },
          resources,
        );
        const merged = mergeStory(story, built.story);
        let next = merged.story;
        const c = merged.changes;
        const news = c.addedEntries.length + c.editedEntries.length + c.removedEntries.length + c.addedEvents.length + c.removedEvents.length;
        if (news > 0 || !story) {
          // Marked live so the app re-fetches it, at the watch's own pace (never under the app's 15 s floor).
          const updated = (options.now ?? (() => new Date()))().toISOString();
          next = { ...next, live: true, updated, refreshSeconds: Math.max(15, Math.round(every / 1000)) };
          await writeAtomic(options.out, `${JSON.stringify(next, null, 2)}\n`);
          const list = (label: string, ids: string[]) => (ids.length ? [`${label} ${ids.length} (${ids.join(', ')})`] : []);
          const parts = [...list('+entries', c.addedEntries), ...list('edited', c.editedEntries), ...list('-entries', c.removedEntries), ...list('+events', c.addedEvents), ...list('-events', c.removedEvents)];
          log(`watch: round ${round}: ${parts.join('; ') || 'no change'}; wrote ${options.out}`);
        }
        story = next;
      } catch (error) {
        if (!isInputError(error)) throw error;
        log(`watch: round ${round}: the story could not be built (${error.message}); ${options.out} is unchanged`);
      }
    }
    if (options.rounds !== undefined && round >= options.rounds) break;
    await sleep(every, options.signal);
  }
  return story;
}
