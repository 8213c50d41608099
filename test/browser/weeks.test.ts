/**
 * A story of weeks in the built app (30 days, 3 outlets, 720 entries through the real pipeline):
 * the day strip, zooming the track on a day (and the link that reopens it), All days, playback
 * by day, the phone's strip; and a one-day story whose slider has no strip and its old speeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../src/pipeline/types.ts';
import { sliderTime } from './app-page.ts';
import { launchOffline, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { buildSyntheticStory } from './fixtures/synthetic-story.ts';
import { buildWeeksStory } from './fixtures/weeks-story.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const DAY = 86_400_000;
const DEFAULT_FILE = 'public/stories/iraq-2014-06-13.json';
/** The default story when built, else the synthetic one-day story. */
const oneDay: Story = existsSync(DEFAULT_FILE) ? (JSON.parse(readFileSync(DEFAULT_FILE, 'utf8')) as Story) : buildSyntheticStory();

let story: Story;
let server: StaticServer;
let browser: Browser;
const external: string[] = [];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function open(query: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  // axe is injected as an inline script, which the site's CSP blocks (security.test.ts checks the CSP).
  const page = await browser.newPage({ viewport, bypassCSP: true });
  const seen = watchExternalRequests(page);
  page.on('close', () => external.push(...seen));
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`${server.url}?${query}`);
  await waitForMapIdle(page);
  return page;
}

const range = async (page: Page) => {
  const slider = page.locator('[role="slider"]');
  return [Number(await slider.getAttribute('aria-valuemin')), Number(await slider.getAttribute('aria-valuemax'))];
};
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const urlDay = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('day'));

/** Waits until the URL (written 300 ms after a move) says `day` (null: no zoom). */
async function waitForUrlDay(page: Page, day: string | null) {
  await page.waitForFunction((d) => new URLSearchParams(location.search).get('day') === d, day, { timeout: 5_000 });
}

beforeAll(async () => {
  story = await buildWeeksStory();
  server = await serveStatic('dist', {
    overrides: {
      '/stories/index.json': JSON.stringify([
        { id: story.id, title: story.title },
        { id: oneDay.id, title: oneDay.title },
      ]),
      [`/stories/${story.id}.json`]: JSON.stringify(story),
      [`/stories/${oneDay.id}.json`]: JSON.stringify(oneDay),
    },
  });
  browser = await launchOffline();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(external).toEqual([]);
});

/** axe-core's WCAG 2.0–2.2 A/AA violations inside the time slider (strip, track, controls). */
async function sliderViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const result = await axe.run({ include: [['.time-slider']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

describe('a story of weeks', () => {
  it('has a day strip of 30 days; a day zooms the track on it, the link reopens the zoom, All days zooms out', async () => {
    const page = await open(`story=${story.id}`);
    const days = page.locator('.days button.day');
    expect(await days.count()).toBe(30);
    expect(await days.first().getAttribute('data-day')).toBe('2023-06-01');
    expect(await days.nth(2).getAttribute('aria-label')).toMatch(/^Sat 3 June: \d+ changes? of control, \d+ entr(y|ies)$/);
    expect(await page.locator('.speed select').inputValue()).toBe('day');
    const [wholeMin, wholeMax] = await range(page);
    expect(wholeMax).toBe(Date.parse(story.span.end));
    expect(wholeMin).toBeLessThanOrEqual(Date.parse(story.span.start));

    await page.locator('button.day[data-day="2023-06-03"]').click();
    const start = Date.parse('2023-06-03T00:00:00Z');
    expect(await range(page)).toEqual([start, start + DAY]);
    expect(dayOf(await sliderTime(page))).toBe('2023-06-03');
    expect(await page.locator('button.day[data-day="2023-06-03"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.all-days').getAttribute('aria-pressed')).toBe('false');
    await waitForUrlDay(page, '2023-06-03');
    // The zoomed track's ticks are the day's clock.
    expect(await page.locator('.ticks .hour').allTextContents()).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00']);
    await page.screenshot({ path: 'test-results/weeks-1280-day.png' });
    expect(await sliderViolations(page)).toEqual([]);

    const link = await page.evaluate(() => location.search);
    const again = await open(link.slice(1));
    expect(await range(again)).toEqual([start, start + DAY]);
    expect(await again.locator('button.day[aria-pressed="true"]').getAttribute('data-day')).toBe('2023-06-03');
    await again.close();

    await page.locator('.all-days').click();
    expect(await range(page)).toEqual([wholeMin, wholeMax]);
    await waitForUrlDay(page, null);
    await page.screenshot({ path: 'test-results/weeks-1280-all.png' });
    // Back returns to the zoomed day.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[role="slider"]')?.getAttribute('aria-valuemin') === String(Date.parse('2023-06-03T00:00:00Z')));
    await page.close();
  });

  it('the strip is a toolbar: arrows move between days, Enter zooms', async () => {
    const page = await open(`story=${story.id}&t=2023-06-10T12:00Z`);
    await page.locator('button.day[tabindex="0"]').focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).toBe('2023-06-10');
    const before = await sliderTime(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-day'))).toBe('2023-06-12');
    // The arrows moved focus, not time.
    expect(await sliderTime(page)).toBe(before);
    await page.keyboard.press('Enter');
    expect((await range(page))[0]).toBe(Date.parse('2023-06-12T00:00:00Z'));
    await page.close();
  });

  it('plays by day from the start: the first days follow one another, none skipped', async () => {
    const page = await open(`story=${story.id}&t=${story.span.start.slice(0, 16)}Z`);
    await page.locator('button.play').click();
    const seen: string[] = [];
    for (let i = 0; i < 400 && !seen.includes('2023-06-03'); i++) {
      const day = dayOf(await sliderTime(page));
      if (seen[seen.length - 1] !== day) seen.push(day);
      await page.waitForTimeout(50);
    }
    await page.locator('button.play').click();
    expect(seen.slice(0, 3)).toEqual(['2023-06-01', '2023-06-02', '2023-06-03']);
    // The strip marks the day being played.
    const shown = await page.locator('button.day[aria-current="date"]').getAttribute('data-day');
    expect(shown).toBe(dayOf(await sliderTime(page)));
    await page.close();
  });

  it('playing while zoomed plays that day and stops at its midnight', async () => {
    const page = await open(`story=${story.id}&t=2023-06-02T12:00Z&day=2023-06-02`);
    await page.locator('button.play').click();
    await page.waitForFunction(() => document.querySelector('button.play')?.getAttribute('aria-pressed') === 'false', null, { timeout: 60_000 });
    expect(await sliderTime(page)).toBe(Date.parse('2023-06-03T00:00:00Z'));
    expect(await page.locator('button.day[aria-pressed="true"]').getAttribute('data-day')).toBe('2023-06-02');
    await page.close();
  });

  it('fits a phone: the strip scrolls, its targets at least 24 px, the shown day in view', async () => {
    const viewport = { width: 390, height: 844 };
    for (const [query, name] of [
      [`story=${story.id}&t=2023-06-20T12:00Z`, 'all'],
      [`story=${story.id}&t=2023-06-20T12:00Z&day=2023-06-20`, 'day'],
    ] as const) {
      const page = await open(query, viewport);
      await page.locator('.time-slider').scrollIntoViewIfNeeded();
      const strip = await page.locator('.days').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
      expect(strip.scroll).toBeGreaterThan(strip.client);
      expect(strip.right).toBeLessThanOrEqual(390);
      const sizes = await page.locator('.days button.day').evaluateAll((els) => els.map((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]));
      expect(sizes.every(([w, h]) => w >= 24 && h >= 24)).toBe(true);
      const all = await page.locator('.all-days').boundingBox();
      expect(all!.height).toBeGreaterThanOrEqual(24);
      const shown = await page.locator('button.day[aria-current="date"]').evaluate((el) => {
        const strip = el.parentElement!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return { date: el.getAttribute('data-day'), inView: r.left >= strip.left && r.right <= strip.right };
      });
      expect(shown).toEqual({ date: '2023-06-20', inView: true });
      await page.screenshot({ path: `test-results/weeks-390-${name}.png` });
      expect(await sliderViolations(page)).toEqual([]);
      await page.close();
    }
  });
});

describe('a one-day story', () => {
  it('keeps its slider: no day strip, minutes per second, the prelude on the track', async () => {
    const page = await open(`story=${oneDay.id}`);
    expect(await page.locator('.day-strip').count()).toBe(0);
    expect(await page.locator('.speed select option').allTextContents()).toEqual(['10 min/s', '30 min/s', '1.5 h/s']);
    expect(await page.locator('.speed select').inputValue()).toBe('30');
    expect(await page.locator('.track .earlier').count()).toBe(1);
    expect((await range(page))[1]).toBe(Date.parse(oneDay.span.end));
    expect(await urlDay(page)).toBeNull();
    await page.close();
  });
});
