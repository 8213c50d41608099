/**
 * Presentation mode on the default story: the keys step through its events in time order, each
 * caption naming the event, its place and its source sentence; P plays; Esc leaves. The print
 * handout carries the map picture and the changes table. Screenshots of both.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { presentSteps } from '../../src/present/steps.ts';
import { launchOffline, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;

describe.skipIf(!story)('presentation mode (default story)', () => {
  let server: StaticServer;
  let browser: Browser;
  const steps = story ? presentSteps(story) : [];

  beforeAll(async () => {
    server = await serveStatic('dist');
    browser = await launchOffline();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query: string): Promise<{ page: Page; external: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const external = watchExternalRequests(page);
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(`${server.url}${query}`);
    await waitForMapIdle(page);
    return { page, external };
  }

  const shownEvent = (page: Page) => page.getAttribute('.present-caption', 'data-event');

  it('→ and PageDown step forward through every event in time order; ← and PageUp step back', async () => {
    const { page, external } = await open('?present&story=iraq-2014-06-13');
    expect(await page.textContent('.present-caption')).toContain('Press');
    const seen: (string | null)[] = [];
    for (let i = 0; i < steps.length; i++) {
      await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
      await page.waitForSelector(`.present[data-step="${i}"]`);
      seen.push(await shownEvent(page));
      const caption = await page.textContent('.present-caption');
      expect(caption).toContain(steps[i].headline);
      expect(caption).toContain(steps[i].where.split(',')[0]);
      if (steps[i].quote) expect(caption).toContain(steps[i].quote.slice(0, 40));
      // The header gives the event's time: its clock when exact, its words when vague. The slider
      // time is set in an effect after the caption renders: wait for it.
      const want = Math.floor(steps[i].time / 60_000) * 60_000;
      if (steps[i].when.certainty === 'exact') {
        await page.waitForFunction((ms) => Date.parse(document.querySelector('.present-time')?.getAttribute('datetime') ?? '') === ms, want, { timeout: 5_000 }).catch(() => {});
      }
      const time = await page.getAttribute('.present-time', 'datetime');
      if (steps[i].when.certainty === 'exact') expect(Date.parse(time!)).toBe(want);
      else expect(await page.getAttribute('.present-time', 'data-precision')).toBe(steps[i].when.certainty);
    }
    expect(seen).toEqual(steps.map((s) => s.eventId));
    // Past the end stays on the last step.
    await page.keyboard.press('ArrowRight');
    expect(await shownEvent(page)).toBe(steps.at(-1)!.eventId);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    expect(await shownEvent(page)).toBe(steps.at(-3)!.eventId);
    expect(external).toEqual([]);
    await page.close();
  });

  it('shows the map at each event’s time: Jalawla’s change is on the map when its step is shown', async () => {
    const { page } = await open('?present&story=iraq-2014-06-13');
    const index = steps.findIndex((s) => s.eventId.startsWith('ev-jalawla-control'));
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`.present[data-step="${index}"]`);
    await page.waitForTimeout(1200); // the camera's ease to the place
    await waitForMapIdle(page);
    await page.screenshot({ path: 'test-results/present-jalawla.png' });
    await page.close();
  });

  it('P plays the steps at the chosen pace and pauses', async () => {
    const { page } = await open('?present&story=iraq-2014-06-13');
    await page.selectOption('.present-controls select', '5');
    await page.locator('.present').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await page.keyboard.press('p');
    await page.waitForSelector('.present[data-step="1"]', { timeout: 15_000 });
    await page.keyboard.press('P');
    const stopped = await page.getAttribute('.present', 'data-step');
    await page.waitForTimeout(5500);
    expect(await page.getAttribute('.present', 'data-step')).toBe(stopped);
    await page.close();
  });

  it('Esc leaves for the full app; the Present button comes back', async () => {
    const { page } = await open('?present&story=iraq-2014-06-13');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.app .share-bar');
    await page.click('.share-bar >> text=Present');
    await page.waitForSelector('.present[data-step="-1"]');
    await page.close();
  });

  it('prints a one-page handout: the map at the chosen time and the changes with their sources', async () => {
    const { page } = await open('?story=iraq-2014-06-13&t=2014-06-13T16:00Z');
    // The handout is built only for printing, not kept hidden on the page.
    expect(await page.locator('.handout').count()).toBe(0);
    // What Ctrl+P does before printing: picture the map and put the handout on the page.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const img = await page.getAttribute('#handout-map', 'src');
    expect(img?.startsWith('data:image/png;base64,')).toBe(true);
    expect(img!.length).toBeGreaterThan(20_000);
    const rows = await page.locator('.handout tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Jalawla'))).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.screenshot({ path: 'test-results/handout.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('.handout').count()).toBe(0);
    await page.close();
  });
});
