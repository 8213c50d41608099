/**
 * Start-up as a ratio: the app's first map idle against a bare MapLibre page (bench/bare: the
 * same countries asset and 20 of the story's points, no app code, a map of the same size on the
 * same view), both built and served in the same run and opened alternately. Absolute times vary about 3× between machines; the ratio does
 * not depend on the machine's speed as much.
 *
 *   tsx bench/startup.ts <site dir> <story id> [--runs 7]   # site: a build of the app
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchOffline } from '../test/browser/browser.ts';
import { serveStatic } from '../test/browser/serve.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The performance mark both pages set at their map's first `idle` event. */
export const FIRST_IDLE_MARK = 'map-first-idle';

export interface StartupFigures {
  story: string;
  /** ms from navigation start to the first `idle` event, each run, in the order measured. */
  appMs: number[];
  bareMs: number[];
  appMedianMs: number;
  bareMedianMs: number;
  /** appMedianMs / bareMedianMs. */
  ratio: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface StoryPlaces {
  places: { features: { geometry: { coordinates: [number, number] }; properties: { role: string; kind: string } }[] };
}

/** Builds the bare page into `<site>/bare/`; its `points.json` is written once the app's view is known. */
export async function buildBarePage(site: string): Promise<string> {
  const out = join(site, 'bare');
  await build({
    configFile: false,
    root: join(HERE, 'bare'),
    base: './',
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  return out;
}

interface AppView {
  bounds: [number, number, number, number];
  width: number;
  height: number;
}

/** Writes the bare page's `points.json`: the app's view and 20 of the story's places, its theatre towns first. */
function writeBarePoints(dir: string, site: string, story: string, view: AppView): void {
  const { places } = JSON.parse(readFileSync(join(site, 'stories', `${story}.json`), 'utf8')) as StoryPlaces;
  const isTown = (f: StoryPlaces['places']['features'][number]) => f.properties.role === 'theatre' && f.properties.kind === 'town';
  const ordered = [...places.features.filter(isTown), ...places.features.filter((f) => !isTown(f))].slice(0, 20);
  const points = {
    type: 'FeatureCollection',
    features: ordered.map((f) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: f.geometry.coordinates }, properties: {} })),
  };
  writeFileSync(join(dir, 'points.json'), JSON.stringify({ ...view, points }));
}

/**
 * Opens `url` in a fresh 1280×800 context and returns ms from navigation start to the first-idle
 * mark, and the app's map view when `readView`.
 */
async function firstIdle(browser: Browser, url: string): Promise<number>;
async function firstIdle(browser: Browser, url: string, readView: true): Promise<AppView>;
async function firstIdle(browser: Browser, url: string, readView = false): Promise<number | AppView> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`pageerror (${url}): ${e.message}`));
    await page.goto(url);
    const handle = await page.waitForFunction(
      (name) => performance.getEntriesByName(name)[0]?.startTime,
      FIRST_IDLE_MARK,
      { timeout: 60_000, polling: 50 },
    );
    if (readView) {
      return page.evaluate(() => {
        const map = window.__storyMap!;
        const [[w, s], [e, n]] = map.getBounds().toArray();
        return { bounds: [w, s, e, n], width: map.getContainer().clientWidth, height: map.getContainer().clientHeight } as AppView;
      });
    }
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/**
 * Opens the app on `story` and the bare page alternately, `runs` times each after one warm-up
 * load of each (Chromium's own first-load costs; the app's also gives the view the bare page
 * copies), and compares the medians.
 */
export async function measureStartup(browser: Browser, base: string, site: string, story: string, runs = 7): Promise<StartupFigures> {
  const app = `${base}?story=${encodeURIComponent(story)}`;
  const bare = `${base}bare/`;
  writeBarePoints(join(site, 'bare'), site, story, await firstIdle(browser, app, true));
  await firstIdle(browser, bare);
  const appMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Which page goes first alternates too, so neither always follows the other.
    if (i % 2 === 0) {
      appMs.push(await firstIdle(browser, app));
      bareMs.push(await firstIdle(browser, bare));
    } else {
      bareMs.push(await firstIdle(browser, bare));
      appMs.push(await firstIdle(browser, app));
    }
  }
  const appMedianMs = median(appMs);
  const bareMedianMs = median(bareMs);
  return { story, appMs, bareMs, appMedianMs, bareMedianMs, ratio: appMedianMs / bareMedianMs };
}

/** Serves `site` (with the bare page built in) and measures the start-up ratio for `story`. */
export async function runStartupBench(site: string, story: string, runs = 7): Promise<StartupFigures> {
  await buildBarePage(site);
  const server = await serveStatic(site);
  const browser = await launchOffline();
  try {
    return await measureStartup(browser, server.url, site, story, runs);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [site, story] = process.argv.slice(2);
  const i = process.argv.indexOf('--runs');
  const figures = await runStartupBench(resolve(site), story, i >= 0 ? Number(process.argv[i + 1]) : 7);
  console.log(JSON.stringify(figures, null, 2));
}
