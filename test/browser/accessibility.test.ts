/**
 * Accessibility of the built app on the default story (WCAG 2.2 AA): axe-core finds no
 * violations, everything works by keyboard with a visible focus, the slider speaks the time and
 * what changed, playback is announced politely, reduced motion stops the pulses, and the page
 * holds together at 200 % zoom. Saves test-results/a11y-*.png.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sliderTime } from './app-page.ts';
import { launchOffline, waitForMapIdle } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STORY = 'iraq-2014-06-13';

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

let server: StaticServer;
let browser: Browser;

async function open(query = `?story=${STORY}`, options: { viewport?: { width: number; height: number }; scale?: number; reducedMotion?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: options.scale ?? 1,
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
    // axe is injected as an inline script, which the site's CSP rightly blocks (security.test.ts
    // checks the app under the CSP).
    bypassCSP: true,
  });
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`${server.url}${query}`);
  await waitForMapIdle(page);
  return page;
}

/** Runs axe-core (injected from node_modules, never fetched) for WCAG 2.0–2.2 A and AA. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  server = await serveStatic('dist');
  browser = await launchOffline();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!existsStory())('accessibility, default story', () => {
  it('axe-core finds no WCAG A/AA violation on the main view, with a place card and the table open', async () => {
    const page = await open();
    expect(await axe(page)).toEqual([]);
    await page.click('.entry .mention');
    await page.waitForSelector('.place-card');
    await page.click('#control-table summary');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('axe-core finds no violation on a phone', async () => {
    const page = await open(undefined, { viewport: { width: 375, height: 740 } });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('axe-core finds no violation on the embed view (400 px) and the presentation view', async () => {
    const embed = await open(`?embed&story=${STORY}`, { viewport: { width: 400, height: 800 } });
    expect(await axe(embed)).toEqual([]);
    await embed.close();
    const present = await open(`?present&story=${STORY}`);
    expect(await axe(present)).toEqual([]);
    await present.keyboard.press('ArrowRight');
    await present.waitForTimeout(500);
    expect(await axe(present)).toEqual([]);
    await present.close();
  });

  it('the slider is an ARIA slider whose value text says the time and what changed', async () => {
    const page = await open();
    const slider = page.locator('[role="slider"]');
    for (const attr of ['aria-valuemin', 'aria-valuemax', 'aria-valuenow']) {
      expect(Number(await slider.getAttribute(attr))).toBeGreaterThan(0);
    }
    await page.focus('[role="slider"]');
    await page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^\w{3} \d{1,2} \w{3}, \d\d:\d\d UTC/);
    // Home again: the start of the prelude before the story, said as such.
    await page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^Before the story/);
    // Page Up: the next change of control, which the value text names.
    await page.keyboard.press('PageUp');
    const first = await slider.getAttribute('aria-valuetext');
    expect(first).toMatch(/ — .+ (take|retake) .+|contested/);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageDown');
    expect(await slider.getAttribute('aria-valuetext')).toBe(first);
    await page.close();
  });

  it('works by keyboard from the top of the page, with a visible focus', async () => {
    const page = await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the time slider');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).top)).toBe('8px'); // shown when focused
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('slider');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    const before = await sliderTime(page);
    await page.keyboard.press('ArrowLeft');
    expect(await sliderTime(page)).toBe(before - 600_000);
    await page.screenshot({ path: 'test-results/a11y-slider-focus.png' });
    // The second skip link opens the table, whose place buttons open the card.
    await page.reload();
    await waitForMapIdle(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the table of who holds what');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('details')?.id)).toBe('control-table');
    await page.keyboard.press('Tab');
    const place = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.place-card');
    expect(await page.textContent('.place-card h2')).toContain(place!);
    await page.close();
  });

  it('the table gives who holds each town with the sentence that says so', async () => {
    const page = await open();
    await page.click('#control-table summary');
    const row = page.locator('.control-table tr').filter({ has: page.locator('th', { hasText: /^Jalawla$/ }) });
    expect(await row.locator('td').first().textContent()).toMatch(/Kurdish|Peshmerga/i);
    expect(((await row.locator('.evidence q').textContent()) ?? '').length).toBeGreaterThan(20);
    await page.close();
    // Before ISIS took it, nobody reports who held Jalawla: the table says the holder is implied (by
    // the report of who it was taken from), not reported.
    const early = await open(`?story=${STORY}&t=2014-06-12T12:00Z`);
    await early.click('#control-table summary');
    const before = early.locator('.control-table tr').filter({ has: early.locator('th', { hasText: /^Jalawla$/ }) });
    expect(await before.locator('td').nth(1).textContent()).toMatch(/Before the story \(implied\)/);
    await early.close();
  });

  it('announces changes of control politely while playing, not every frame', async () => {
    // From the story's first day (Home would go back to the earliest change, months before).
    const page = await open(`?story=${STORY}&t=2014-06-13T00:00Z`);
    await page.evaluate(() => {
      const region = document.querySelector('[aria-live="polite"][data-testid="announcer"]')!;
      (window as unknown as { __said: string[] }).__said = [];
      new MutationObserver(() => (window as unknown as { __said: string[] }).__said.push(region.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.selectOption('.speed select', '90');
    await page.focus('[role="slider"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (window as unknown as { __said: string[] }).__said.length > 0, null, { timeout: 20_000 });
    await page.waitForTimeout(4_000);
    await page.keyboard.press('Space');
    const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
    expect(said.join(' ')).toMatch(/take|retake|contested/);
    // At most one announcement every two seconds (plus one), over ~5 s of playing.
    expect(said.length).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('with reduced motion, towns do not pulse (and do without it)', async () => {
    const pulses = async (reducedMotion: boolean) => {
      const page = await open(`?story=${STORY}&t=2014-06-13T00:00Z`, { reducedMotion });
      // Count the ripples put on the map as they appear (they remove themselves when done).
      await page.evaluate(() => {
        const w = window as unknown as { __pulses: number };
        w.__pulses = 0;
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if ((n as Element).classList?.contains('pulse')) w.__pulses++;
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.focus('[role="slider"]');
      for (let i = 0; i < 24; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.waitForTimeout(300);
      const n = await page.evaluate(() => (window as unknown as { __pulses: number }).__pulses);
      await page.close();
      return n;
    };
    expect(await pulses(false)).toBeGreaterThan(0);
    expect(await pulses(true)).toBe(0);
  });

  it('enlarges its text with the reader\'s default font size (200 %: test-results/a11y-text-200.png)', async () => {
    const page = await open(`?story=${STORY}&place=jalawla`);
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.entry-text')!).fontSize));
    // A reader who sets 32 px as the default font size: rem-based sizes double.
    await page.addStyleTag({ content: 'html { font-size: 200% }' });
    await waitForMapIdle(page);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.entry-text')!).fontSize))).toBe(before * 2);
    await page.screenshot({ path: 'test-results/a11y-text-200.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The place card and the legend stay clear of the time readout and the slider.
    const overlaps = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return ['.place-card', '.legend'].filter((sel) => hit(box(sel), box('.time-slider')));
    });
    expect(overlaps).toEqual([]);
    await page.close();
  });

  it('holds together at 200 % zoom (screenshot test-results/a11y-zoom-200.png)', async () => {
    // A 1280×800 window at 200 % zoom is a 640×400 CSS-pixel viewport at device scale 2.
    const page = await open(undefined, { viewport: { width: 640, height: 400 }, scale: 2 });
    await page.screenshot({ path: 'test-results/a11y-zoom-200.png' });
    await page.screenshot({ path: 'test-results/a11y-zoom-200-full.png', fullPage: true });
    // Nothing scrolls sideways, and the controls are all reachable.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (const sel of ['[role="slider"]', 'button.play', '#control-table summary', '.search']) {
      await page.locator(sel).scrollIntoViewIfNeeded();
      expect(await page.locator(sel).isVisible()).toBe(true);
    }
    await page.close();
  });
});

function existsStory(): boolean {
  try {
    readFileSync(`dist/stories/${STORY}.json`);
    return true;
  } catch {
    return false;
  }
}
