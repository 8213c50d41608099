/**
 * In-browser import: a live blog given to the import dialog is built in a Web Worker by the same
 * pipeline as the CLI — same events (ids, kinds, places, actors) as `npm run ingest` on the same
 * text — then its actors are listed to rename, recolour or merge ("Actors found"), and the story is
 * shown on the map, downloadable as story JSON and openable again. Bad files get a plain message.
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

/** Eastern DR Congo, February 2025: M23 named, then a text that calls its fighters only "rebels". */
const M23_BLOG = [
  'DR Congo conflict: live updates',
  'All times GMT',
  '09:10\nM23 fighters captured Bukavu, the capital of South Kivu province, on Sunday morning, residents said. Congolese troops withdrew from the city overnight.',
  '14:05\nFighting was reported near Uvira, on the shore of Lake Tanganyika.',
].join('\n\n');
const REBELS_BLOG = [
  'Eastern DR Congo: live updates',
  'All times GMT',
  '08:15\nRebels captured Bukavu, the capital of South Kivu province, on Sunday morning, residents said. Congolese troops withdrew from the city overnight.',
  '09:30\nRwandan troops seized Goma airport, a UN source said. Rwandan soldiers fought alongside the rebels at Kavumu.',
  '13:20\nFighting was reported near Uvira, on the shore of Lake Tanganyika.',
].join('\n\n');

/** The rows of the "Actors found" step, as a person reads them. */
const actorRows = (page: Page) =>
  page.$$eval('.actor-row', (rows) =>
    rows.map((r) => ({
      name: r.querySelector('.actor-found')!.textContent,
      count: r.querySelector('.actor-count')!.textContent,
      grey: !!r.querySelector('.actor-note'),
    })),
  );

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
    await page.click('dialog .import-form button[type="submit"]');
    // Built unedited, the actors step changes nothing.
    await page.waitForSelector('.actors-step', { timeout: 90_000 });
    await page.click('.actors-step button[type="submit"]');
    await page.waitForSelector('.import-status[data-status="done"]');
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

  it('lists the actors a live blog about another war names, and builds the map with them renamed and merged', async () => {
    const { page, external } = await openImport();
    await page.fill('dialog textarea[name="text"]', M23_BLOG);
    await page.fill('dialog input[name="date"]', '2025-02-16');
    await page.fill('dialog input[name="timezone"]', 'UTC');
    await page.fill('dialog input[name="publisher"]', 'Test desk');
    await page.click('dialog .import-form button[type="submit"]');
    await page.waitForSelector('.actors-step', { timeout: 90_000 });
    // Focus moves to the step, so keyboard and screen-reader users land on it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Actors found');
    expect(await actorRows(page)).toEqual([
      { name: 'Congolese army', count: '1 event', grey: false },
      { name: 'M23 / Alliance Fleuve Congo', count: '1 event', grey: false },
    ]);
    // Back: the form again, text kept, focus on its button; a second text names other actors.
    await page.click('.actors-step button:text("Back")');
    await page.waitForSelector('.actors-step', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Find places and actors');
    expect(await page.inputValue('dialog textarea[name="text"]')).toBe(M23_BLOG);
    await page.fill('dialog textarea[name="text"]', REBELS_BLOG);
    await page.click('dialog .import-form button[type="submit"]');
    await page.waitForSelector('.actors-step', { timeout: 90_000 });
    expect(await actorRows(page)).toEqual([
      { name: 'Congolese army', count: '1 event', grey: false },
      { name: 'Rwandan army', count: '1 event', grey: false },
      { name: 'Rebels', count: '1 event', grey: true },
    ]);
    // Fields are labelled and reached with Tab from the step's heading.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Name');
    await page.fill('.actor-row[data-actor="rwanda"] input[name="actor-name-rwanda"]', 'M23 and Rwandan forces');
    await page.fill('.actor-row[data-actor="rwanda"] input[name="actor-short-rwanda"]', 'M23+RW');
    await page.selectOption('.actor-row[data-actor="group-rebels"] select', { label: 'M23 and Rwandan forces' });
    expect(await page.textContent('.actor-row[data-actor="group-rebels"] .actor-note')).toBe('Shown as M23 and Rwandan forces on the map.');
    await page.screenshot({ path: 'test-results/import-actors.png' });
    await page.click('.actors-step button[type="submit"]');
    await page.waitForSelector('.import-status[data-status="done"]');
    await page.keyboard.press('Escape');
    await waitForMapIdle(page);

    const legend = await page.locator('.legend li').allTextContents();
    expect(legend).toContain('M23 and Rwandan forces');
    expect(legend).not.toContain('Rebels');
    expect(legend).not.toContain('Rwandan forces');
    await page.click('text=Who holds what, as a table');
    const bukavu = page.locator('.control-table tr', { has: page.locator('th button:text-is("Bukavu")') });
    expect(await bukavu.locator('td').first().textContent()).toBe('M23 and Rwandan forces');
    await bukavu.locator('th button').click();
    await page.waitForSelector('.place-card[data-place="bukavu"]');
    // The card's holder line uses the short label, its history the name.
    expect(await page.textContent('.place-card .holder strong')).toBe('M23+RW');
    expect(await page.getAttribute('.place-card .holder', 'data-actor')).toBe('rwanda');
    expect(await page.textContent('.place-card')).toContain('M23 and Rwandan forces');
    expect(await page.textContent('.place-card')).not.toContain('Rebels');
    await page.screenshot({ path: 'test-results/import-actors-built.png' });
    expect(external).toEqual([]);
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
