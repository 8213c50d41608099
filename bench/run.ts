/**
 * `npm run bench`: every figure of docs/performance.md, checked against its budget.
 *
 *   tsx bench/run.ts [--long] [--play-seconds N] [--no-browser] [--no-vitest] [--sizes 0.1,1,10] [--out FILE]
 *   tsx bench/run.ts --only browser [--load-runs N]   # the browser figures alone (build, loads, playback)
 *   tsx bench/run.ts --only startup [--startup-runs N]   # start-up against a bare MapLibre page alone
 *   tsx bench/run.ts --only weeks [--play-seconds N]   # the 30-day, 10-outlet, 20,000-entry story alone
 *
 * Node figures run in child processes (one per task, so peak memory is the task's own); the
 * browser figures drive a build of the app in bench/.tmp/site with two synthetic stories added
 * there (never in public/ or data/). Results go to bench/results/<version>-<date>.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ensureGazetteerFile } from '../src/cli/gazetteer-file.ts';
import { runBrowserBench, type LoadFigures, type PlaybackFigures } from './browser.ts';
import { runStartupBench, type StartupFigures } from './startup.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TMP = join(ROOT, 'bench/.tmp');
const args = process.argv.slice(2);
const has = (f: string) => args.includes(f);
const value = (f: string) => (args.indexOf(f) >= 0 ? args[args.indexOf(f) + 1] : undefined);
const long = has('--long');
// Two minutes: one whole loop of the 5,000-event story at the fastest speed (its busy middle too).
const playSeconds = Number(value('--play-seconds') ?? (long ? 600 : 120));
const sizes = (value('--sizes') ?? '0.1,0.3,1,3,10').split(',').map(Number);
const log = (s: string) => process.stderr.write(s + '\n');
// `--only browser`: no node figures, no second build, no vitest bench; results to bench/.tmp.
// `--only startup`: the start-up ratio alone (both builds, 7 + 7 loads); results to bench/.tmp.
const onlyStartup = value('--only') === 'startup';
// `--only weeks`: the story of weeks alone (ingest, first idle, playback); results to bench/.tmp.
const onlyWeeks = value('--only') === 'weeks';
const onlyBrowser = value('--only') === 'browser' || onlyStartup || onlyWeeks;

function node(task: string[]): Record<string, number> {
  log(`· ${task.join(' ')}`);
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/node-figures.ts'), ...task], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function run(cmd: string, cmdArgs: string[]): void {
  log(`· ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${r.status}`);
}

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const KB = 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * gzip sizes of a built site: what the page loads at start (the entry chunk and its static
 * imports, from Vite's manifest) apart from lazy chunks (dialogs, the import worker).
 */
function bundleSizes(dir: string) {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || initial.has(c.file)) return;
    initial.add(c.file);
    c.css?.forEach((f) => initial.add(f));
    c.imports?.forEach(visit);
  };
  visit('index.html');
  const out = { js: 0, css: 0, lazyJs: 0, worker: 0, importWorker: 0, jsRaw: 0, basemap: 0, initialFiles: [...initial] };
  const assets = join(dir, 'assets');
  for (const f of readdirSync(assets)) {
    const p = join(assets, f);
    const start = initial.has(`assets/${f}`);
    if (f.includes('maplibre-gl-worker')) out.worker += gzip(p);
    else if (f.endsWith('.js') && start) [out.js, out.jsRaw] = [out.js + gzip(p), out.jsRaw + statSync(p).size];
    else if (f.endsWith('.js') || f.endsWith('.mjs')) {
      out.lazyJs += gzip(p);
      // The in-browser import's worker: the whole pipeline and the world's actors, fetched on import only.
      if (f.startsWith('import-worker')) out.importWorker += gzip(p);
    }
    else if (f.endsWith('.css')) out.css += gzip(p);
    else if (f.endsWith('.json')) out.basemap += gzip(p);
  }
  return out;
}

/** Exponent b of time ∝ size^b, least squares on logs (1 = linear). */
function growthExponent(points: { mb: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.mb));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return num / den;
}

const started = Date.now();
const load0 = loadavg();
await ensureGazetteerFile();
if (!existsSync(join(ROOT, 'public/stories/iraq-2014-06-13.json'))) run('npx', ['tsx', 'src/cli/build-stories.ts']);

// --- Node: gazetteer, ingest at several sizes, controlAt ---
const gazetteer = onlyBrowser ? undefined : node(['gazetteer']);
const ingest = onlyBrowser ? [] : sizes.map((mb) => node(['ingest', String(mb)]));
const controlAt = onlyBrowser ? undefined : node(['control-at']);
const growth = onlyBrowser ? NaN : growthExponent(ingest.filter((r) => r.mb >= 0.25).map((r) => ({ mb: r.mb, ms: r.ms })));

// --- Bundle: the real build, and one with maplibre-gl left out to size the app's own code ---
const site = join(TMP, 'site');
run('npx', ['vite', 'build', '--logLevel', 'error', '--manifest', '--outDir', site, '--emptyOutDir']);
const appOnly = join(TMP, 'app-only');
mkdirSync(TMP, { recursive: true });
writeFileSync(
  join(TMP, 'build-app-only.mjs'),
  `import { build } from 'vite';\nawait build({ logLevel: 'error', build: { outDir: ${JSON.stringify(appOnly)}, emptyOutDir: true, copyPublicDir: false, manifest: true, rollupOptions: { external: [/^maplibre-gl/] } } });\n`,
);
if (!onlyBrowser) run(process.execPath, [join(TMP, 'build-app-only.mjs')]);
const total = bundleSizes(site);
const app = onlyBrowser ? undefined : bundleSizes(appOnly);

// --- Browser: default story, a 5,000-entry story, playback of a 5,000-event story ---
let browser: Awaited<ReturnType<typeof runBrowserBench>> | undefined;
let startup: StartupFigures | undefined;
let entriesStory: Record<string, number> | undefined;
let eventsStory: Record<string, number> | undefined;
if (!has('--no-browser') && !onlyWeeks) {
  log('· start-up: the app and a bare MapLibre page, alternately');
  startup = await runStartupBench(site, 'iraq-2014-06-13', value('--startup-runs') ? Number(value('--startup-runs')) : 7);
}
// The story of weeks: ingested in its own process (time, peak RSS), its file added to the site.
let weeks: Record<string, number> | undefined;
let weeksBrowser: { load: LoadFigures; playback: PlaybackFigures } | undefined;
if (onlyWeeks || !onlyBrowser) {
  weeks = node(['weeks', join(site, 'stories/synthetic-weeks.json')]);
  const indexFile = join(site, 'stories/index.json');
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { id: string; title: string }[];
  index.push({ id: String(weeks.id), title: String(weeks.title) });
  writeFileSync(indexFile, JSON.stringify(index));
}
if (onlyWeeks && !has('--no-browser')) {
  log(`· browser: the story of weeks, loads, then ${playSeconds} s of playback`);
  const r = await runBrowserBench(site, { loadStories: ['synthetic-weeks'], playStory: 'synthetic-weeks', playSeconds, loadRuns: value('--load-runs') ? Number(value('--load-runs')) : undefined });
  weeksBrowser = { load: r.loads[0], playback: r.playback };
}
if (!has('--no-browser') && !onlyStartup && !onlyWeeks) {
  entriesStory = node(['story', '5000', join(site, 'stories/synthetic-5k-entries.json')]);
  eventsStory = node(['story', '5000', join(site, 'stories/synthetic-5k-events.json'), '--events', '5000']);
  // The app only opens stories its index lists; this is the bench's own copy of the site.
  const indexFile = join(site, 'stories/index.json');
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { id: string; title: string }[];
  for (const s of [entriesStory, eventsStory] as unknown as { id: string; title: string }[]) index.push({ id: s.id, title: s.title });
  writeFileSync(indexFile, JSON.stringify(index));
  log(`· browser: loads, then ${playSeconds} s of playback`);
  browser = await runBrowserBench(site, {
    loadStories: ['iraq-2014-06-13', 'synthetic-5k-entries', ...(weeks ? ['synthetic-weeks'] : [])],
    playStory: 'synthetic-5k-events',
    playSeconds,
    loadRuns: value('--load-runs') ? Number(value('--load-runs')) : undefined,
    alsoPlay: weeks ? ['synthetic-weeks'] : [],
  });
  if (weeks) weeksBrowser = { load: browser.loads[2], playback: browser.others[0] };
}

// --- vitest bench (the *.bench.ts beside the code), printed as it runs ---
if (!has('--no-vitest') && !onlyBrowser) run('npx', ['vitest', 'bench', '--run']);

// --- Table ---
interface Row {
  figure: string;
  value: string;
  target: string;
  met: boolean | null;
}
const rows: Row[] = [];
const add = (figure: string, value: string, target = '', met: boolean | null = null) => rows.push({ figure, value, target, met });
const f = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

if (gazetteer) {
  add(
    'Gazetteer file (gzip; compact file unzipped)',
    `${f(gazetteer.gzipBytes / 1e6, 2)} MB gzip (${f(gazetteer.gzipBytes)} bytes); ${f(gazetteer.rawBytes / 1e6, 2)} MB unzipped, ${f(gazetteer.places)} places`,
    '≤ 3 MB gzip',
    gazetteer.gzipBytes <= 3_000_000,
  );
  add(
    'Gazetteer load + first search (read + gunzip + decode + index + lookup)',
    `${f(gazetteer.loadAndSearchMs)} ms (CPU ${f(gazetteer.cpuMs)} ms incl. a first loose lookup in UA of ${f(gazetteer.firstLooseLookupMs)} ms), ${f(gazetteer.heapMB)} MB heap`,
    '≤ 300 ms',
    gazetteer.loadAndSearchMs <= 300,
  );
}
for (const r of ingest) {
  const isTen = Math.abs(r.mb - 10) < 0.5;
  add(
    `Ingest ${f(r.mb, 1)} MB (${f(r.entries)} entries, ${f(r.events)} events)`,
    `${f(r.ms / 1000, 2)} s · ${f(r.entriesPerSec)} entries/s · ${f(r.mbPerSec, 2)} MB/s · peak RSS ${f(r.peakRssMB)} MB`,
    isTen ? '≤ 10 s, ≤ 1 GB' : '',
    isTen ? r.ms <= 10_000 && r.peakRssMB <= 1024 : null,
  );
}
if (ingest.length) add('Ingest growth (time ∝ size^b, 0.3–10 MB)', `b = ${f(growth, 2)}`, 'close to 1 (linear)', growth <= 1.15);
if (controlAt) add('controlAt, 10,000 events / 2,000 places', `median ${f(controlAt.medianMs, 3)} ms · p99 ${f(controlAt.p99Ms, 3)} ms`, 'p99 ≤ 1 ms', controlAt.p99Ms <= 1);
if (app) add('App JS + CSS gzip at start, without maplibre-gl', `${f((app.js + app.css) / KB, 1)} KB (JS ${f(app.js / KB, 1)}, CSS ${f(app.css / KB, 1)}); lazy chunks ${f(app.lazyJs / KB, 1)} KB`, '≤ 80 KB', app.js + app.css <= 80 * KB);
if (app) add('Import worker gzip (pipeline + world actors, loaded on import)', `${f(app.importWorker / KB, 1)} KB`);
add('Total JS + CSS gzip at start, with maplibre-gl', `${f((total.js + total.css) / KB, 1)} KB (+ maplibre worker ${f(total.worker / KB, 1)} KB, lazy ${f(total.lazyJs / KB, 1)} KB)`);
if (startup) {
  const n = startup.appMs.length;
  add(
    'First map idle, default story, as a ratio to a bare MapLibre page',
    `${f(startup.ratio, 2)} (app ${f(startup.appMedianMs)} ms, bare ${f(startup.bareMedianMs)} ms; medians of ${n} each, alternated)`,
    '≤ 1.10',
    startup.ratio <= 1.1,
  );
}
if (browser) {
  const [def, big] = browser.loads;
  const runs = (l: typeof def) => ((l as { runsMs?: number[] }).runsMs ? ` (runs ${(l as { runsMs?: number[] }).runsMs!.join(', ')})` : '');
  add('First map idle, default story', `${f(def.firstIdleMs)} ms${runs(def)}`, '≤ 1,500 ms', def.firstIdleMs <= 1500);
  add(`First map idle, ${f(entriesStory!.entries)}-entry story`, `${f(big.firstIdleMs)} ms${runs(big)}`, '≤ 3,000 ms', big.firstIdleMs <= 3000);
  const kinds = def.bytesByKind;
  const extra = Object.keys(kinds).filter((k) => !['html', 'js', 'css', 'worker', 'story', 'basemap'].includes(k));
  add(
    'Fetched at start (default story)',
    Object.entries(kinds).map(([k, v]) => `${k} ${f(v / KB)} KB`).join(', ') + `; external ${def.externalRequests}`,
    'app, story and basemap only',
    extra.length === 0 && def.externalRequests === 0,
  );
  const p = browser.playback;
  add(`Playback main-thread work per frame (${f(eventsStory!.events)} events)`, `${f(p.mainThreadMsPerFrame, 1)} ms (script ${f(p.scriptMsPerFrame, 1)} ms) at ${f(p.fps, 1)} fps`, '≤ 4 ms', p.mainThreadMsPerFrame <= 4);
  add('Playback frame interval', `median ${f(p.frameMedianMs, 1)} ms · p95 ${f(p.frameP95Ms, 1)} ms · longest ${f(p.longestFrameMs)} ms; ${p.longTasks} long tasks`);
  add(
    `Memory over ${f(p.seconds)} s of playback${long ? '' : ' (short run; --long for 10 min)'}`,
    `heap ${f(p.heapStartMB, 1)} → ${f(p.heapEndMB, 1)} MB, trend ${f(p.heapSlopeMBPerMin, 2)} MB/min; DOM nodes ${p.domNodesStart} → ${p.domNodesEnd}`,
    // A minute is too short to tell a leak from warm-up: only the ten-minute run is judged.
    long ? 'no growth (≤ 0.5 MB/min)' : 'judged by --long only',
    long ? p.heapSlopeMBPerMin <= 0.5 : null,
  );
}

if (weeks) {
  add(
    `Ingest, story of weeks (${f(weeks.days)} days, ${f(weeks.outlets)} outlets, ${f(weeks.sources)} pages, ${f(weeks.entries)} entries, ${f(weeks.events)} events, ${f(weeks.mb, 1)} MB)`,
    `${f(weeks.ms / 1000, 2)} s (CPU ${f(weeks.cpuMs / 1000, 2)} s) · ${f(weeks.entriesPerSec)} entries/s · peak RSS ${f(weeks.peakRssMB)} MB · story file ${f(weeks.storyBytes / 1e6, 1)} MB`,
    '≤ 10 s, ≤ 1 GB',
    weeks.ms <= 10_000 && weeks.peakRssMB <= 1024,
  );
}
if (weeksBrowser) {
  const { load, playback: p } = weeksBrowser;
  const runs = (load as { runsMs?: number[] }).runsMs;
  add('First map idle, story of weeks', `${f(load.firstIdleMs)} ms${runs ? ` (runs ${runs.join(', ')})` : ''}`, '≤ 3,000 ms', load.firstIdleMs <= 3000);
  add(
    `Playback main-thread work per frame, story of weeks (${f(weeks!.events)} events)`,
    `${f(p.mainThreadMsPerFrame, 1)} ms (script ${f(p.scriptMsPerFrame, 1)} ms) at ${f(p.fps, 1)} fps; frames median ${f(p.frameMedianMs, 1)} ms, p95 ${f(p.frameP95Ms, 1)} ms; ${p.longTasks} long tasks (longest ${f(p.longestTaskMs)} ms)`,
    '≤ 4 ms',
    p.mainThreadMsPerFrame <= 4,
  );
}

const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [r.figure, r.value, r.target][i].length), 6));
const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(width[0])} │ ${b.padEnd(width[1])} │ ${c.padEnd(width[2])} │ ${d}`;
console.log('\n' + line('Figure', 'Value', 'Target', 'Met'));
console.log('─'.repeat(width[0] + width[1] + width[2] + 14));
for (const r of rows) console.log(line(r.figure, r.value, r.target, r.met === null ? '' : r.met ? 'met' : 'NOT MET'));

// --- Results JSON ---
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const date = new Date().toISOString().slice(0, 10);
const out = value('--out') ?? join(ROOT, onlyBrowser ? `bench/.tmp/${onlyStartup ? 'startup' : onlyWeeks ? 'weeks' : 'browser'}-${Date.now()}.json` : `bench/results/${pkg.version}-${date}.json`);
mkdirSync(dirname(out), { recursive: true });
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
const results = {
  version: pkg.version,
  date: new Date().toISOString(),
  commit,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadavgStart: load0, loadavgEnd: loadavg() },
  playback: long ? 'long (10 min)' : `short (${playSeconds} s)`,
  table: rows,
  gazetteer,
  ingest,
  ingestGrowthExponent: growth,
  controlAt,
  bundle: { appOnlyGzip: app, totalGzip: total },
  startup,
  weeks: weeks && { ingest: weeks, load: weeksBrowser && { ...weeksBrowser.load, requests: weeksBrowser.load.requests.length }, playback: weeksBrowser?.playback },
  browser: browser && {
    loads: browser.loads.map(({ requests, ...rest }) => ({ ...rest, requests: requests.map((r) => `${r.kind} ${r.bytes} ${r.url}`) })),
    playback: browser.playback,
    stories: { entries: entriesStory, events: eventsStory },
  },
  seconds: Math.round((Date.now() - started) / 1000),
};
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
log(`results: ${out.replace(ROOT + '/', '')}`);
