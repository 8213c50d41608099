/**
 * In-browser import: a live blog given to the import dialog is built in a Web Worker by the same
 * pipeline as the CLI — same events (ids, kinds, places, actors) as `npm run ingest` on the same
 * text — shown on the map, downloadable as story JSON and openable again. Bad files get a plain
 * message.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventFeature, Story } from '../../src/pipeline/types.ts';
import { launchOffline, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const TEXT = 'data/stories/iraq-2014-06-13/bbc-2014-06-13.txt';
const dir = mkdtempSync(join(tmpdir(), 'import-'));
const BLOG = join(dir, 'blog.txt');
copyFileSync(TEXT, BLOG);

/** What must agree between the CLI and the browser. */
const summary = (events: EventFeature[]) =>
  events.map((f) => ({ id: f.properties.id, kind: f.properties.kind, place: f.properties.placeId, actors: f.properties.actors, actor: f.properties.actor ?? null }));

describe('import a live blog in the browser', () => {
  let server: StaticServer;
  let browser: Browser;
  let cli: EventFeature[] = [];

  beforeAll(async () => {
    const out = execFileSync('npm', ['run', '--silent', 'ingest', '--', BLOG, '--date', '2014-06-13', '--tz', 'UTC', '--publisher', 'BBC News', '--format', 'geojson'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    cli = (JSON.parse(out) as { features: EventFeature[] }).features;
    server = await serveStatic('dist');
    browser = await launchOffline();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openImport(): Promise<{ page: Page; external: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const external = watchExternalRequests(page);
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(server.url);
    await waitForMapIdle(page);
    await page.click('text=Import a live blog');
    await page.waitForSelector('dialog.import-dialog[open]');
    return { page, external };
  }

  it('gives the same events as the CLI on the same text, shows them and saves them as story JSON', async () => {
    expect(cli.length).toBeGreaterThan(3);
    const { page, external } = await openImport();
    await page.setInputFiles('dialog input[name="file"]', BLOG);
    await page.fill('dialog input[name="date"]', '2014-06-13');
    await page.fill('dialog input[name="timezone"]', 'UTC');
    await page.fill('dialog input[name="publisher"]', 'BBC News');
    await page.click('dialog button[type="submit"].primary');
    await page.waitForSelector('.import-status[data-status="done"]', { timeout: 90_000 });
    expect(await page.textContent('.import-status')).toMatch(new RegExp(`${cli.length} events`));
    await page.keyboard.press('Escape');
    await waitForMapIdle(page);
    await page.screenshot({ path: 'test-results/import-bbc.png' });

    await page.click('.share-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="story"]')]);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const story = JSON.parse(readFileSync(saved, 'utf8')) as Story;
    expect(summary(story.events.features)).toEqual(summary(cli));
    expect(external).toEqual([]);

    // The saved story opens again, in a fresh page.
    const again = await openImport();
    await again.page.setInputFiles('dialog input[name="story"]', saved);
    await again.page.waitForFunction(() => !document.querySelector('dialog.import-dialog[open]') || document.querySelector('.import-status[data-status="error"]'));
    const failed = await again.page.locator('.import-status[data-status="error"]').count();
    expect(failed ? await again.page.textContent('.import-status') : '').toBe('');
    await again.page.waitForFunction((title) => document.querySelector('.masthead h1')?.textContent === title, story.title);
    await again.page.close();
    await page.close();
  });

  it('says plainly what is wrong with a file that is not a story', async () => {
    const bad = join(dir, 'old.json');
    writeFileSync(bad, JSON.stringify({ version: 99, id: 'x' }));
    const { page } = await openImport();
    await page.setInputFiles('dialog input[name="story"]', bad);
    await page.waitForSelector('.import-status[data-status="error"]');
    expect(await page.textContent('.import-status')).toContain('version 99 is not supported');
    await page.close();
  });

  it('says plainly when the time zone does not exist', async () => {
    const { page } = await openImport();
    await page.fill('dialog textarea[name="text"]', readFileSync(TEXT, 'utf8').slice(0, 3000));
    await page.fill('dialog input[name="timezone"]', 'Mars/Olympus');
    await page.click('dialog button[type="submit"].primary');
    await page.waitForSelector('.import-status[data-status="error"]', { timeout: 90_000 });
    expect(await page.textContent('.import-status')).toMatch(/timezone.*Mars\/Olympus/i);
    await page.close();
  });
});
