/**
 * Browser figures for the built app in headless Chromium (software WebGL): time to the first
 * map idle, what is fetched at start, main-thread work per frame while playing, and memory over
 * a long playback. Drives an already built site directory (see bench/run.ts).
 *
 *   tsx bench/browser.ts <site dir> <story id> [--play-seconds 60]
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchOffline, watchExternalRequests } from '../test/browser/browser.ts';
import { serveStatic } from '../test/browser/serve.ts';

export interface LoadFigures {
  story: string;
  /** ms from navigation start to the first moment the map is idle with the story drawn. */
  firstIdleMs: number;
  requests: { url: string; kind: string; bytes: number }[];
  bytesByKind: Record<string, number>;
  externalRequests: number;
}

export interface PlaybackFigures {
  story: string;
  seconds: number;
  frames: number;
  fps: number;
  /** Renderer main-thread busy time per frame (CDP TaskDuration / frames). */
  mainThreadMsPerFrame: number;
  scriptMsPerFrame: number;
  /** Frame intervals (requestAnimationFrame deltas). */
  frameMedianMs: number;
  frameP95Ms: number;
  longestFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** JS heap after a forced GC, sampled over the run (MB). */
  heapSamplesMB: { t: number; mb: number }[];
  heapStartMB: number;
  heapEndMB: number;
  /** Least-squares slope of the heap samples after the first minute or the first third (MB per minute). */
  heapSlopeMBPerMin: number;
  domNodesStart: number;
  domNodesEnd: number;
  /** Times playback reached the end and was started again. */
  restarts: number;
}

function kindOf(url: URL): string {
  const p = url.pathname;
  if (p.includes('/gazetteer/')) return 'gazetteer';
  if (p.includes('/stories/')) return 'story';
  if (/countries|land|basemap|\.topo/.test(p) && p.endsWith('.json')) return 'basemap';
  if (/worker/.test(p)) return 'worker';
  if (p.endsWith('.js') || p.endsWith('.mjs')) return 'js';
  if (p.endsWith('.css')) return 'css';
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  return 'other';
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize / 1024 / 1024;
}

/** Resolves with performance.now() of the first frame where the map is loaded, idle and has the story's places. */
async function waitFirstIdle(page: Page): Promise<number> {
  // In-page code as text: tsx would wrap named functions in a helper the page lacks.
  return page.evaluate(`new Promise((resolve, reject) => {
    const started = performance.now();
    function poll() {
      const map = window.__storyMap;
      if (map && map.getSource('places') && map.loaded()) return resolve(performance.now());
      if (performance.now() - started > 60000) return reject(new Error('map not idle after 60 s'));
      requestAnimationFrame(poll);
    }
    poll();
  })`) as Promise<number>;
}

/** Records every animation frame's timestamp and every long task in the page. */
const RECORD_FRAMES = `(() => {
  window.__frames = [];
  window.__tasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__tasks.push(e.duration))).observe({ type: 'longtask' });
  function loop(t) { window.__frames.push(t); requestAnimationFrame(loop); }
  requestAnimationFrame(loop);
})()`;

/** Opens the app on a story and measures the first idle and the bytes fetched. */
export async function measureLoad(browser: Browser, base: string, story: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const external = watchExternalRequests(page);
  const requests: LoadFigures['requests'] = [];
  page.on('requestfinished', async (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    const sizes = await req.sizes().catch(() => undefined);
    requests.push({ url: url.pathname, kind: kindOf(url), bytes: sizes?.responseBodySize ?? 0 });
  });
  page.on('pageerror', (e) => console.error(`pageerror (${story}): ${e.message}`));
  await page.goto(`${base}?story=${encodeURIComponent(story)}`);
  const firstIdleMs = await waitFirstIdle(page);
  await page.waitForTimeout(300); // let the finished-request events arrive
  await context.close();
  const bytesByKind: Record<string, number> = {};
  for (const r of requests) bytesByKind[r.kind] = (bytesByKind[r.kind] ?? 0) + r.bytes;
  return { story, firstIdleMs, requests, bytesByKind, externalRequests: external.length };
}

function slope(points: { t: number; mb: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mm = points.reduce((a, p) => a + p.mb, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den ? (num / den) * 60 : 0; // per minute (t in seconds)
}

/** Plays a story at the fastest speed for `seconds`, restarting at the end, and measures frames and memory. */
export async function measurePlayback(browser: Browser, base: string, story: string, seconds: number): Promise<PlaybackFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`pageerror (${story}): ${e.message}`));
  await page.goto(`${base}?story=${encodeURIComponent(story)}`);
  await waitFirstIdle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Fastest speed, from the beginning.
  const speeds = await page.$$eval('.speed select option', (os) => os.map((o) => (o as HTMLOptionElement).value));
  if (speeds.length) await page.selectOption('.speed select', speeds[speeds.length - 1]);
  await page.focus('[role="slider"]');
  await page.keyboard.press('Home');
  await page.evaluate(RECORD_FRAMES);
  const play = async () => {
    if ((await page.getAttribute('button.play', 'aria-pressed')) !== 'true') {
      await page.click('button.play');
      return true;
    }
    return false;
  };
  await play();
  const heapSamplesMB: { t: number; mb: number }[] = [];
  const domStart = (await metrics(cdp)).Nodes;
  const m0 = await metrics(cdp);
  const f0 = (await page.evaluate('window.__frames.length')) as number;
  const started = Date.now();
  let restarts = 0;
  const sampleEvery = Math.max(5, Math.min(30, seconds / 10));
  let nextSample = 0;
  // Heap samples force a GC, which stalls frames: they are taken apart from the frame window.
  while ((Date.now() - started) / 1000 < seconds) {
    const t = (Date.now() - started) / 1000;
    if (t >= nextSample) {
      heapSamplesMB.push({ t, mb: await heapMB(cdp) });
      nextSample += sampleEvery;
    }
    await page.waitForTimeout(1000);
    if (await play()) restarts++;
  }
  const m1 = await metrics(cdp);
  const { frames, tasks } = (await page.evaluate('({ frames: window.__frames, tasks: window.__tasks })')) as { frames: number[]; tasks: number[] };
  heapSamplesMB.push({ t: (Date.now() - started) / 1000, mb: await heapMB(cdp) });
  const domEnd = (await metrics(cdp)).Nodes;
  await context.close();

  const window_ = frames.slice(f0);
  const deltas = window_.slice(1).map((t, i) => t - window_[i]).sort((a, b) => a - b);
  const q = (p: number) => deltas[Math.min(deltas.length - 1, Math.floor(p * deltas.length))] ?? 0;
  const n = Math.max(1, deltas.length);
  const elapsed = (m1.Timestamp - m0.Timestamp) || seconds;
  const settled = heapSamplesMB.filter((s) => s.t >= Math.min(60, seconds / 3));
  return {
    story,
    seconds: Math.round(elapsed),
    frames: deltas.length,
    fps: deltas.length / elapsed,
    mainThreadMsPerFrame: ((m1.TaskDuration - m0.TaskDuration) * 1000) / n,
    scriptMsPerFrame: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / n,
    frameMedianMs: q(0.5),
    frameP95Ms: q(0.95),
    longestFrameMs: deltas[deltas.length - 1] ?? 0,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
    heapSamplesMB,
    heapStartMB: heapSamplesMB[0]?.mb ?? 0,
    heapEndMB: heapSamplesMB[heapSamplesMB.length - 1]?.mb ?? 0,
    heapSlopeMBPerMin: slope(settled.length >= 2 ? settled : heapSamplesMB),
    domNodesStart: domStart,
    domNodesEnd: domEnd,
    restarts,
  };
}

/** Serves `site` and runs the load figures for each story, then playback on `playStory`. */
export async function runBrowserBench(
  site: string,
  options: { loadStories: string[]; playStory: string; playSeconds: number; loadRuns?: number; /** Stories played after `playStory`, each as long. */ alsoPlay?: string[] },
) {
  const server = await serveStatic(site);
  const browser = await launchOffline();
  try {
    const loads: LoadFigures[] = [];
    for (const story of options.loadStories) {
      // The first run pays Chromium's own warm-up; report the median of the runs after it.
      const runs: LoadFigures[] = [];
      try {
        await measureLoad(browser, server.url, story);
        for (let i = 0; i < (options.loadRuns ?? 3); i++) runs.push(await measureLoad(browser, server.url, story));
      } catch (err) {
        loads.push({ story, firstIdleMs: NaN, requests: [], bytesByKind: {}, externalRequests: 0, error: String(err) } as LoadFigures);
        continue;
      }
      runs.sort((a, b) => a.firstIdleMs - b.firstIdleMs);
      const median = runs[Math.floor(runs.length / 2)];
      loads.push({ ...median, runsMs: runs.map((r) => Math.round(r.firstIdleMs)) } as LoadFigures & { runsMs: number[] });
    }
    const playback = await measurePlayback(browser, server.url, options.playStory, options.playSeconds);
    const others: PlaybackFigures[] = [];
    for (const story of options.alsoPlay ?? []) others.push(await measurePlayback(browser, server.url, story, options.playSeconds));
    return { loads, playback, others };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [site, story] = process.argv.slice(2);
  const i = process.argv.indexOf('--play-seconds');
  const seconds = i >= 0 ? Number(process.argv[i + 1]) : 60;
  console.log(JSON.stringify(await runBrowserBench(site, { loadStories: [story], playStory: story, playSeconds: seconds }), null, 2));
}
