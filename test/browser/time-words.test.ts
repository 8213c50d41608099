/**
 * Time on the default story: Play from the default view starts at the story's first entry (not
 * at Fallujah's "earlier this year", months before); every time shown for a vague event carries
 * its precision in words and the ≈ marker, in the place card, the table and the presentation.
 * Screenshots of the slider, the prelude and Fallujah's card.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { presentSteps } from '../../src/present/steps.ts';
import { launchOffline, waitForMapIdle } from './browser.ts';
import { sliderTime } from './app-page.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;
const STORY = 'iraq-2014-06-13';

describe.skipIf(!story)('time and its precision (default story)', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic('dist');
    browser = await launchOffline();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(`${server.url}${query}`);
    await waitForMapIdle(page);
    return page;
  }

  it('Play from the default view starts at the story’s first entry and never plays the months before it', async () => {
    const page = await open(`?story=${STORY}`);
    const first = Date.parse(story!.entries[0].time);
    expect(await sliderTime(page)).toBe(Date.parse(story!.span.end));
    // Every value the slider takes once Play is pressed, as the page sees it.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __times: number[] }).__times = seen;
      const thumb = document.querySelector('[role="slider"]')!;
      new MutationObserver(() => seen.push(Number(thumb.getAttribute('aria-valuenow')))).observe(thumb, { attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.click('.time-controls .play');
    await page.waitForFunction(() => (window as unknown as { __times: number[] }).__times.length > 3);
    await page.click('.time-controls .play');
    const times = await page.evaluate(() => (window as unknown as { __times: number[] }).__times);
    // The first value is the first entry itself: it is reached after no playback at all.
    expect(times[0]).toBe(first);
    expect(Math.min(...times)).toBe(first);
    // The readout is the story's day, without a year.
    expect(await page.textContent('.readout .utc')).toMatch(/^Fri 13 Jun, \d\d:\d\d UTC$/);
    await page.screenshot({ path: 'test-results/time-slider.png', clip: { x: 0, y: 560, width: 1280, height: 240 } });
    await page.close();
  });

  it('Home goes to the first entry; Home again to the prelude, whose readout says "Before the story" and not a clock', async () => {
    const page = await open(`?story=${STORY}`);
    await page.focus('[role="slider"]');
    await page.keyboard.press('Home');
    expect(await sliderTime(page)).toBe(Date.parse(story!.span.start));
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp'); // the first earlier change: Fallujah, "earlier this year"
    const readout = await page.textContent('.readout');
    expect(readout).toContain('Before the story');
    expect(readout).toContain('earlier in 2014, before 13 Jun');
    expect(readout).not.toMatch(/Mar|\d\d:\d\d/);
    expect(await page.getAttribute('[role="slider"]', 'aria-valuetext')).toContain('Before the story');
    await page.screenshot({ path: 'test-results/time-prelude.png', clip: { x: 0, y: 560, width: 1280, height: 240 } });
    await page.close();
  });

  it('the place card gives a vague change in words with its marker: Fallujah "earlier in 2014", Mosul "9–12 Jun 2014"', async () => {
    const page = await open(`?story=${STORY}&place=fallujah`);
    const since = page.locator('.place-card .since .when');
    expect(await since.getAttribute('data-precision')).toBe('year');
    expect(await since.textContent()).toBe('≈ earlier in 2014, before 13 Jun');
    expect(await since.locator('abbr').getAttribute('title')).toBe('Only the year is known');
    const history = await page.textContent('.place-card .history');
    expect(history).toContain('earlier in 2014, before 13 Jun');
    expect(history).not.toMatch(/23 Mar|Sun/);
    await page.locator('.place-card').screenshot({ path: 'test-results/time-card-fallujah.png' });
    await page.goto(`${server.url}?story=${STORY}&place=mosul`);
    await page.waitForSelector('.place-card[data-place="mosul"]');
    const mosul = page.locator('.place-card .since .when');
    expect(await mosul.getAttribute('data-precision')).toBe('week');
    expect(await mosul.textContent()).toBe('≈ 9–12 Jun 2014');
    await page.close();
  });

  it('the table of who holds what gives the same words', async () => {
    const page = await open(`?story=${STORY}`);
    await page.click('#control-table summary');
    const row = (name: string) => page.locator('.control-table tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) });
    expect(await row('Fallujah').locator('td').nth(1).textContent()).toBe('≈ earlier in 2014, before 13 Jun');
    expect(await row('Tikrit').locator('td').nth(1).textContent()).toBe('≈ 9–12 Jun 2014');
    expect(await row('Jalawla').locator('.when').getAttribute('data-precision')).not.toBe('exact');
    await page.close();
  });

  it('the presentation says when each vague event happened in words, in the caption and the header', async () => {
    const page = await open(`?present&story=${STORY}`);
    const steps = presentSteps(story!);
    const fallujah = steps.findIndex((s) => s.eventId === 'ev-fallujah-control-1');
    expect(fallujah).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= fallujah; i++) await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`.present[data-step="${fallujah}"]`);
    expect(await page.textContent('.present-caption .when')).toBe('≈ earlier in 2014, before 13 Jun');
    expect(await page.textContent('.present-time')).toBe('≈ earlier in 2014, before 13 Jun');
    // Every vague step's caption carries its marker.
    for (let i = fallujah + 1; i < steps.length; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`.present[data-step="${i}"]`);
      const when = page.locator('.present-caption .when');
      const precision = await when.getAttribute('data-precision');
      expect(precision).toBe(steps[i].when.certainty);
      if (precision !== 'exact') expect(await when.textContent()).toMatch(/^≈ /);
    }
    await page.close();
  });

  it('the notes on accuracy speak to readers; the technical details are behind a toggle', async () => {
    const page = await open(`?story=${STORY}`);
    await page.click('.warn-count');
    const notes = page.locator('.reader-warnings > ul');
    expect(await notes.textContent()).toContain('may be drawn in the wrong spot');
    expect(await notes.textContent()).not.toContain('supplement.csv');
    expect(await page.locator('.maker-details ul').isVisible()).toBe(false);
    await page.click('.maker-details summary');
    expect(await page.textContent('.maker-details ul')).toContain('supplement.csv');
    await page.locator('dialog.about').screenshot({ path: 'test-results/time-notes.png' });
    await page.close();
  });
});
