// `ingest --watch` against a local live blog that grows between requests: new posts, an edited
// post, a 503 and a cut-off page. The watcher runs as a function with no waiting between rounds.
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIngestResources, type IngestResources } from '../../src/cli/run-ingest.ts';
import { watchSources } from '../../src/cli/watch.ts';
import type { Story } from '../../src/pipeline/index.ts';

interface Post {
  at: string;
  text: string;
}

// A synthetic live blog about the 2020 Nagorno-Karabakh war, newest post first as such pages are.
const JABRAYIL: Post = { at: '2020-10-09T09:30:00Z', text: 'Azerbaijani forces captured the town of Jabrayil, President Aliyev said in a televised address.' };
const STEPANAKERT: Post = { at: '2020-10-09T11:05:00Z', text: 'Heavy shelling is reported in Stepanakert overnight, local officials say.' };
const TALKS: Post = { at: '2020-10-09T12:40:00Z', text: 'Foreign ministers of Armenia and Azerbaijan are meeting in Moscow for talks on a truce.' };
const TALKS_EDITED: Post = { ...TALKS, text: 'Foreign ministers of Armenia and Azerbaijan are meeting in Moscow for talks on a truce, the Russian foreign ministry said.' };
const HADRUT: Post = { at: '2020-10-09T14:20:00Z', text: "Azerbaijan's army says it has taken control of Hadrut after days of fighting." };
const GANJA: Post = { at: '2020-10-09T16:10:00Z', text: "Heavy shelling is reported in Ganja, Azerbaijan's second city, officials say." };
const FUZULI: Post = { at: '2020-10-09T18:00:00Z', text: 'Azerbaijani troops captured Fuzuli, the defence ministry in Baku said.' };
const SHUSHA: Post = { at: '2020-10-09T19:45:00Z', text: 'Heavy shelling is reported in Shusha this evening, residents say.' };
const HADRUT_AGAIN: Post = { at: '2020-10-09T20:30:00Z', text: 'Azerbaijani soldiers raised their flag in Hadrut, video released by the defence ministry in Baku shows.' };

function page(posts: Post[]): string {
  const articles = [...posts]
    .reverse()
    .map((p) => `<article id="post-${p.at.slice(11, 16).replace(':', '')}"><time datetime="${p.at}">${p.at.slice(11, 16)}</time><p>${p.text}</p></article>`)
    .join('\n');
  return `<!doctype html><html><head><title>Nagorno-Karabakh fighting: live</title></head><body><main>\n${articles}\n</main></body></html>`;
}

type Reply = { status: 200; etag: string; body: string } | { status: 'unchanged' | 503 | 'malformed' };

const FIRST = [JABRAYIL, STEPANAKERT, TALKS];
const LATER = [JABRAYIL, STEPANAKERT, TALKS_EDITED, HADRUT];
/** What the server answers, request by request; after the last one the page stays unchanged. */
const SCRIPT: Reply[] = [
  { status: 200, etag: '"v1"', body: page(FIRST) },
  { status: 'unchanged' },
  { status: 200, etag: '"v2"', body: page([...FIRST, HADRUT]) },
  { status: 503 },
  { status: 'malformed' },
  { status: 200, etag: '"v3"', body: page([...LATER, GANJA]) },
  { status: 200, etag: '"v4"', body: page([...LATER, GANJA, FUZULI]) },
  { status: 200, etag: '"v5"', body: page([...LATER, GANJA, FUZULI, SHUSHA]) },
  { status: 200, etag: '"v6"', body: page([...LATER, GANJA, FUZULI, SHUSHA, HADRUT_AGAIN]) },
];

let server: Server;
let url: string;
let resources: IngestResources;
/** Per request: the script step served and the If-None-Match it carried. */
const served: Array<{ step: number; ifNoneMatch?: string; status: number }> = [];
let last: { etag: string; body: string } | undefined;

beforeAll(async () => {
  resources = await readIngestResources();
  server = createServer((request, response) => {
    const ifNoneMatch = request.headers['if-none-match'];
    const step = Math.min(served.length, SCRIPT.length);
    const reply = SCRIPT[step] ?? { status: 'unchanged' };
    let status = 200;
    if (reply.status === 'unchanged' && last && ifNoneMatch === last.etag) status = 304;
    else if (reply.status === 503) status = 503;
    served.push({ step, ifNoneMatch, status });
    if (status === 304) response.writeHead(304, { etag: last!.etag }).end();
    else if (status === 503) response.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
    else if (reply.status === 'malformed') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><main><div>Loading upd');
    else {
      if (reply.status === 200) last = { etag: reply.etag, body: reply.body };
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: last!.etag }).end(last!.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}/live`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const entryOf = (story: Story, text: string) => story.entries.find((e) => e.text === text);
const eventIds = (story: Story) => story.events.features.map((f) => f.properties.id);

describe('ingest --watch', () => {
  it('follows a growing page through 5 updates, keeps ids and the last good story', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'watch-')), 'story.json');
    const lines: string[] = [];
    // After each round: the file as written (it must always parse) and the script step served last.
    const rounds: Array<{ text: string; story: Story; step: number }> = [];
    const story = await watchSources([url], {
      out,
      everyMs: 1000,
      rounds: 12,
      date: '2020-10-09',
      tz: 'UTC',
      publisher: 'Wire',
      id: 'karabakh',
      log: (line) => lines.push(line),
      now: () => new Date(Date.UTC(2020, 9, 9, 12, 0, rounds.length)),
      resources,
      sleep: async () => {
        const text = readFileSync(out, 'utf8');
        rounds.push({ text, story: JSON.parse(text) as Story, step: served[served.length - 1].step });
      },
    });
    const after = (step: number) => rounds.find((r) => r.step === step)!;

    const v1 = after(0).story;
    expect(v1.entries.map((e) => e.text).sort()).toEqual(FIRST.map((p) => p.text).sort());
    expect(v1.events.features.length).toBeGreaterThan(0);
    // The second request carries the ETag, is answered 304 and the file stays byte for byte.
    expect(served[1]).toEqual({ step: 1, ifNoneMatch: '"v1"', status: 304 });
    expect(after(1).text).toBe(after(0).text);

    const updates = [2, 5, 6, 7, 8].map((step) => after(step).story);
    const gained: string[][] = [];
    let previous = v1;
    for (const current of updates) {
      // Every earlier entry keeps its id (an edited one too), every earlier event stays.
      for (const e of previous.entries) expect(current.entries.find((c) => c.id === e.id)?.time, e.id).toBe(e.time);
      expect(eventIds(current)).toEqual(expect.arrayContaining(eventIds(previous)));
      // Exactly one post is new each time, and new events come from it alone.
      const added = current.entries.filter((e) => !previous.entries.some((p) => p.id === e.id));
      expect(added).toHaveLength(1);
      const newEvents = current.events.features.filter((f) => !eventIds(previous).includes(f.properties.id));
      for (const ev of newEvents) expect(ev.properties.entries, ev.properties.id).toEqual([added[0].id]);
      gained.push(newEvents.map((f) => `${f.properties.placeId.replace(/-.*/, '')} ${f.properties.kind}`));
      previous = current;
    }
    expect(gained).toEqual([['hadrut control'], ['ganja strike'], ['fuzuli control'], ['shusha strike'], []]);
    // The last post reports Hadrut again: the event gains it and keeps its id.
    const hadrut = (s: Story) => s.events.features.find((f) => f.properties.entries.includes(entryOf(s, HADRUT.text)!.id))!.properties;
    expect(hadrut(updates[4]).id).toBe(hadrut(updates[0]).id);
    expect(hadrut(updates[4]).entries).toEqual([entryOf(updates[4], HADRUT.text)!.id, entryOf(updates[4], HADRUT_AGAIN.text)!.id]);
    expect(updates.map((s) => s.entries.length)).toEqual([4, 5, 6, 7, 8]);
    expect(entryOf(updates[1], TALKS_EDITED.text)!.id).toBe(entryOf(v1, TALKS.text)!.id);
    expect(entryOf(updates[1], TALKS.text)).toBeUndefined();
    expect(entryOf(updates[1], TALKS_EDITED.text)!.updateId).toBe('post-1240');
    expect(story).toEqual(updates[4]);
    // Every story written says it is live, when it was written (the injected clock) and how often to re-fetch it.
    expect([v1, ...updates].map((s) => [s.live, s.refreshSeconds])).toEqual(Array(6).fill([true, 15]));
    expect(v1.updated).toBe('2020-10-09T12:00:00.000Z');
    expect(updates[0].updated).toBe('2020-10-09T12:00:02.000Z');

    // The 503 and the cut-off page leave the file exactly as it was after v2.
    expect(after(3).text).toBe(after(2).text);
    expect(after(4).text).toBe(after(2).text);
    expect(lines.some((l) => /HTTP 503/.test(l))).toBe(true);
    expect(lines.some((l) => /no entries found/.test(l))).toBe(true);
  }, 120_000);
});

describe('ingest --watch on a local feed file', () => {
  function feed(posts: Post[]): string {
    const items = [...posts].reverse().map((p) => `<item><pubDate>${new Date(p.at).toUTCString()}</pubDate><description>${p.text}</description></item>`);
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Karabakh live</title>${items.join('')}</channel></rss>`;
  }

  it('reads the file again only when it changed and adds its new items', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-'));
    const file = join(dir, 'karabakh.xml');
    const out = join(dir, 'story.json');
    writeFileSync(file, feed(FIRST));
    const versions = [feed([...FIRST, HADRUT])];
    const lines: string[] = [];
    const stories: Story[] = [];
    await watchSources([file], {
      out,
      rounds: 3,
      tz: 'UTC',
      log: (line) => lines.push(line),
      resources,
      sleep: async () => {
        stories.push(JSON.parse(readFileSync(out, 'utf8')) as Story);
        const next = versions.shift();
        if (next) writeFileSync(file, next);
      },
    });
    const final = JSON.parse(readFileSync(out, 'utf8')) as Story;
    expect(stories[0].entries).toHaveLength(3);
    expect(final.entries).toHaveLength(4);
    for (const e of stories[0].entries) expect(final.entries.find((f) => f.id === e.id)?.text).toBe(e.text);
    // Round 3 finds the file as round 2 left it: nothing is read or written.
    expect(lines.filter((l) => /copy/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /wrote/.test(l))).toHaveLength(2);
  }, 60_000);
});

describe('ingest --watch on the command line', () => {
  function run(args: string[], env: Record<string, string> = {}) {
    return spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], { env: { ...process.env, ...env } });
  }
  function finished(child: ReturnType<typeof run>): Promise<{ code: number | null; stderr: string }> {
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  }

  it('refuses --watch without --out, and an --every below 10 s', async () => {
    const noOut = await finished(run(['--watch', 'page.html']));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^ingest: --watch needs --out FILE/);
    const tooOften = await finished(run(['--watch', 'page.html', '--out', 'x.json', '--every', '5']));
    expect(tooOften.code).toBe(2);
    expect(tooOften.stderr).toMatch(/^ingest: --every must be a number of seconds, at least 10, not "5"/);
  }, 60_000);

  it('follows a local file and stops cleanly on SIGTERM, the story written whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-'));
    const file = join(dir, 'karabakh.html');
    const out = join(dir, 'story.json');
    writeFileSync(file, page(FIRST));
    const child = run(['--watch', file, '--out', out, '--every', '0.05', '--date', '2020-10-09', '--tz', 'UTC'], { INGEST_WATCH_MIN_EVERY: '0' });
    const done = finished(child);
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stderr.on('data', (chunk) => {
        seen += chunk;
        if (/wrote/.test(seen)) resolve();
      });
    });
    child.kill('SIGTERM');
    const { code, stderr } = await done;
    expect(code).toBe(0);
    expect(stderr).toMatch(/SIGTERM, stopping/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Story).entries).toHaveLength(3);
    expect(readdirSync(dir).sort()).toEqual(['karabakh.html', 'story.json']);
  }, 60_000);
});
