/**
 * The newsroom's review mode on the default story, as an editor works: reject one event, edit the
 * actor of another, add a missed change from a text selection, download the corrections; `ingest`
 * with that file drops, edits and adds exactly those. Then the whole queue by keyboard alone, the
 * file reopened in a fresh browser, and axe-core on the review. Saves test-results/review-*.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/cli/load-story-input.ts';
import { runIngest } from '../../src/cli/run-ingest.ts';
import { parseCorrections } from '../../src/pipeline/review/corrections.ts';
import type { Story } from '../../src/pipeline/types.ts';
import { launchOffline, waitForMapIdle } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const MANIFEST = 'data/stories/iraq-2014-06-13/story.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The sentence the missed change is read from, and the words the editor selects in it. */
const MISSED = { entry: 'bbc-5', words: 'the ISIS jihadists captured two towns in the Diyala province' };

let server: StaticServer;
let browser: Browser;

async function openReview(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`${server.url}?story=iraq-2014-06-13&review`);
  await page.waitForSelector('.review-queue button');
  await waitForMapIdle(page);
  return page;
}

const progress = (page: Page) => page.textContent('.review-progress span');

/** Moves the queue to the event whose button says `label`. */
async function pick(page: Page, label: string): Promise<void> {
  await page.click(`.review-queue button:has-text("${label}")`);
  await page.waitForSelector(`.review-queue button[aria-current="true"]:has-text("${label}")`);
}

/** The whole page, and a small crop of it (`-crop`, for docs/img). */
async function shoot(page: Page, name: string, crop: { x: number; y: number; width: number; height: number }): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await waitForMapIdle(page).catch(() => {});
  await page.screenshot({ path: `test-results/${name}.png` });
  await page.screenshot({ path: `test-results/${name}-crop.png`, clip: crop });
}

/** The downloaded file reopens in a fresh browser; a draft survives a reload, which asks first. */
async function checkReopen(downloaded: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await openReview(context);
  const total = (await page.$$('.review-queue li')).length;
  await page.setInputFiles('[data-review="open"]', { name: 'corrections.json', mimeType: 'application/json', buffer: Buffer.from(downloaded) });
  await page.waitForSelector('.review-status:has-text("Opened 3 decisions")');
  expect(await progress(page)).toBe(`2 of ${total} checked`);
  await page.fill('#review-editor', 'Ana Ruiz');
  await page.click('.review-queue button[data-state="unreviewed"]');
  await page.keyboard.press('a');
  // Not downloaded since: leaving asks first.
  const dialogs: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.type()), void d.accept()));
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await page.waitForSelector('.review-queue button');
  expect(await progress(page)).toBe(`3 of ${total} checked`);
  expect(await page.inputValue('#review-editor')).toBe('Ana Ruiz');
  await context.close();
}

beforeAll(async () => {
  server = await serveStatic('dist');
  browser = await launchOffline();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!story)('review mode (default story)', () => {
  it('an editor rejects, edits, adds and downloads; ingest applies exactly that; the file reopens', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await openReview(context);
    const total = (await page.$$('.review-queue li')).length;
    expect(total).toBe(story!.events.features.length);
    expect(await progress(page)).toBe(`0 of ${total} checked`);
    await page.fill('#review-editor', 'Ana Ruiz');

    // Fallujah: background ("earlier this year"), not a change on this day.
    await pick(page, 'Fallujah: Change of control');
    await page.keyboard.press('r');
    await page.selectOption('.review-form select[name="reason"]', 'not-a-change');
    await page.click('.review-form button[type="submit"]');
    expect(await progress(page)).toBe(`1 of ${total} checked`);

    // Tikrit: another actor, a new one typed by name.
    await pick(page, 'Tikrit: Change of control');
    await page.keyboard.press('e');
    await page.fill('.review-form input[name="new-actor"]', 'Naqshbandi Army');
    await shoot(page, 'review-edit', { x: 310, y: 150, width: 620, height: 750 });
    await page.press('.review-form input[name="new-actor"]', 'Enter');
    expect(await progress(page)).toBe(`2 of ${total} checked`);
    await pick(page, 'Tikrit: Change of control');
    expect(await page.textContent('.review-event h2')).toContain('Edited');

    // A missed change: select words in an entry, the form comes prefilled from them.
    await page.evaluate(({ entry, words }) => {
      const el = document.querySelector(`[data-entry="${entry}"]`)!;
      const node = [...el.childNodes].find((n) => n.textContent!.includes(words))!;
      const at = node.textContent!.indexOf(words);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      el.scrollIntoView({ block: 'center' });
    }, MISSED);
    await page.waitForSelector('.review-add:has-text("captured two towns")');
    await page.click('.review-add');
    expect(await page.inputValue('.review-form select[name="place"]')).toBe('diyala');
    expect(await page.inputValue('.review-form select[name="actor"]')).toBe('isis');
    expect(await page.inputValue('.review-form input[name="end"]')).toBe(story!.entries.find((e) => e.id === MISSED.entry)!.time);
    await shoot(page, 'review-add', { x: 310, y: 460, width: 1130, height: 420 });
    await page.click('.review-form button[type="submit"]');
    expect(await page.textContent('.review-added')).toContain('Diyala');
    await shoot(page, 'review-queue', { x: 0, y: 0, width: 940, height: 560 });

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-review="download"]')]);
    expect(file.suggestedFilename()).toBe('corrections.json');
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const downloaded = Buffer.concat(chunks).toString('utf8');
    expect(await page.textContent('.review-status')).toContain('downloaded');

    const corrections = parseCorrections(downloaded, 'corrections.json', 'iraq-2014-06-13');
    expect(corrections.decisions.map((d) => d.action)).toEqual(['reject', 'edit', 'add']);
    expect(corrections.decisions.every((d) => d.by === 'Ana Ruiz')).toBe(true);
    const loaded = await loadManifest(MANIFEST);
    const { story: out, warnings } = await runIngest({ ...loaded, corrections });
    expect(warnings.filter((w) => w.code.startsWith('correction-'))).toEqual([]);
    const events = out.events.features.map((f) => f.properties);
    expect(events.some((e) => e.placeId === 'fallujah' && e.kind === 'control')).toBe(false);
    const tikrit = events.find((e) => e.placeId === 'tikrit' && e.kind === 'control')!;
    expect(tikrit.review).toBe('edited');
    expect(out.actors.find((a) => a.id === tikrit.actor)?.name).toBe('Naqshbandi Army');
    const added = events.find((e) => e.review === 'added')!;
    expect(added.placeId).toBe('diyala');
    expect(added.actor).toBe('isis');
    expect(added.entries).toEqual([MISSED.entry]);
    expect(added.quotes[0]).toContain(MISSED.words);
    expect(events.filter((e) => e.review === 'unreviewed')).toHaveLength(total - 2);
    await context.close();
    await checkReopen(downloaded);
  });

  it('the whole queue by keyboard alone: J/K move, A accepts, R rejects, U undoes', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await openReview(context);
    const total = (await page.$$('.review-queue li')).length;
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'review-editor'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Sam Lee');
    // Out of the name field: its next control is a button, where the review keys work.
    await page.keyboard.press('Tab');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    for (let i = 0; i < total - 1; i++) await page.keyboard.press('a');
    expect(await progress(page)).toBe(`${total - 1} of ${total} checked`);
    await page.keyboard.press('r');
    // The form takes focus on its first field.
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'reason');
    await page.keyboard.press('Tab');
    await page.keyboard.type('same change as the one before');
    await page.keyboard.press('Enter');
    expect(await progress(page)).toBe(`${total} of ${total} checked`);
    await page.waitForFunction(() => document.activeElement?.closest('.review-queue'));
    const focused = await page.evaluate(() => document.activeElement?.closest('.review-queue') !== null && document.activeElement?.getAttribute('aria-current'));
    expect(focused).toBe('true');
    expect(await page.textContent('.review-event h2')).toContain('Rejected');
    await page.keyboard.press('u');
    expect(await progress(page)).toBe(`${total - 1} of ${total} checked`);
    await page.keyboard.press('Control+z');
    expect(await progress(page)).toBe(`${total - 2} of ${total} checked`);
    await context.close();
  });

  it('a story opened from a file has a Review button; leaving the review returns to the map', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(server.url);
    await waitForMapIdle(page);
    // A site story has none; the newsroom opens the story it built from its file.
    expect(await page.locator('[data-review="open"]').count()).toBe(0);
    await page.click('text=Import a live blog');
    await page.setInputFiles('dialog input[name="story"]', FILE);
    await page.waitForSelector('button[data-review="open"]');
    await page.click('button[data-review="open"]');
    await page.waitForSelector('.review-queue button');
    expect(page.url()).toContain('review=1');
    expect(await progress(page)).toBe(`0 of ${story!.events.features.length} checked`);
    await page.click('text=Leave review');
    await page.waitForSelector('.masthead h1');
    expect(page.url()).not.toContain('review');
    await context.close();
  });

  it('axe-core finds no WCAG A/AA violation in review mode, with a form open', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await openReview(context);
    await page.addScriptTag({ content: AXE_SOURCE });
    const run = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
    expect(await run()).toEqual([]);
    await page.fill('#review-editor', 'Ana Ruiz');
    await page.click('[data-act="edit"]');
    expect(await run()).toEqual([]);
    await context.close();
  });
});
