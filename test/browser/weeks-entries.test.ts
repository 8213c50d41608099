/**
 * The entries panel on a story of weeks (30 days, 3 outlets, a page a day each): entries grouped
 * under a heading per UTC day that stays at the top of the list, counts that follow the filters,
 * one outlet per publisher, the current entry still found while playing; a one-day story keeps
 * its list without headings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../src/pipeline/types.ts';
import { launchOffline, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { buildWeeksStory } from './fixtures/weeks-story.ts';
import { serveStatic, type StaticServer } from './serve.ts';

let story: Story;
let server: StaticServer;
let browser: Browser;
const external: string[] = [];

async function open(query: string, width = 1280, height = 800): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  const seen = watchExternalRequests(page);
  page.on('close', () => external.push(...seen));
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`${server.url}?${query}`);
  await waitForMapIdle(page);
  await page.waitForSelector('.entry');
  return page;
}

/** Entries per UTC day (`2023-06-05` → n) of the entries that pass `keep`. */
function perDay(keep: (e: Story['entries'][number]) => boolean = () => true): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of story.entries) if (keep(e)) out.set(e.time.slice(0, 10), (out.get(e.time.slice(0, 10)) ?? 0) + 1);
  return out;
}

/** The day headings in the DOM, as `[YYYY-MM-DD, count]`, read from their ids and text. */
async function headings(page: Page): Promise<[string, number][]> {
  const found = await page.$$eval('.entry-day-title', (els) => els.map((el) => [el.id.replace('entry-day-', ''), el.textContent ?? ''] as const));
  return found.map(([day, text]) => [day, Number(/· (\d+) entr/.exec(text)?.[1])]);
}

/** The stuck heading (at the list's top edge, drawn over the rows), and the day of the first entry below it. */
async function stuck(page: Page): Promise<{ heading: string; entryDay: string; onTop: boolean }> {
  return page.evaluate(() => {
    const list = document.querySelector('.entry-list')!;
    const top = list.getBoundingClientRect().top;
    const titles = [...document.querySelectorAll<HTMLElement>('.entry-day-title')];
    const title = titles.find((t) => Math.abs(t.getBoundingClientRect().top - top) < 1.5)!;
    const below = title.getBoundingClientRect().bottom + 2;
    const entry = [...document.querySelectorAll<HTMLElement>('.entry')].find((e) => e.getBoundingClientRect().bottom > below)!;
    const entryDay = entry.closest('.entry-day')!.querySelector('.entry-day-title')!.id.replace('entry-day-', '');
    const box = title.getBoundingClientRect();
    const onTop = title.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    return { heading: title.id.replace('entry-day-', ''), entryDay, onTop };
  });
}

beforeAll(async () => {
  story = await buildWeeksStory();
  server = await serveStatic('dist', {
    overrides: {
      '/stories/index.json': JSON.stringify([
        { id: 'iraq-2014-06-13', title: 'Default story' },
        { id: story.id, title: story.title },
      ]),
      [`/stories/${story.id}.json`]: JSON.stringify(story),
    },
  });
  browser = await launchOffline();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('entries of a story of weeks', () => {
  it('groups the entries under one heading per UTC day, a real heading, with its count', async () => {
    const page = await open(`story=${story.id}`);
    const days = perDay();
    expect(days.size).toBeGreaterThanOrEqual(30);
    const shown = await headings(page);
    expect(shown.length).toBeGreaterThan(0);
    const first = [...days][0];
    expect(shown[0]).toEqual(first);
    for (const [day, n] of shown) expect(n).toBe(days.get(day));
    expect(await page.textContent('.entry-day-title')).toMatch(/^Thursday 1 June 2023 · \d+ entries$/);
    // Screen readers find each day as a heading under "Entries", and its entries as its list.
    expect(await page.getByRole('heading', { level: 3, name: /^Thursday 1 June 2023/ }).count()).toBe(1);
    expect(await page.getAttribute('.entry-day', 'aria-labelledby')).toBe(`entry-day-${first[0]}`);
    await page.screenshot({ path: 'test-results/weeks-entries-1280.png' });
    await page.close();
  });

  it("keeps the day's heading at the top of the list while its entries scroll, far down a windowed list", async () => {
    const page = await open(`story=${story.id}`);
    for (const y of [1500, 9000, 40_000]) {
      await page.evaluate((top) => document.querySelector('.entry-list')!.scrollTo({ top }), y);
      await page.waitForTimeout(150);
      const at = await stuck(page);
      expect(at.heading).not.toBe('');
      expect(at.heading).toBe(at.entryDay);
      expect(at.onTop).toBe(true);
    }
    // Windowed: only part of the 720 entries is in the DOM.
    expect(await page.locator('.entry').count()).toBeLessThan(story.entries.length / 2);
    await page.screenshot({ path: 'test-results/weeks-entries-scrolled.png' });
    await page.close();
  });

  it('lists each outlet once, and counts per day follow the outlet and search filters', async () => {
    const page = await open(`story=${story.id}`);
    const outlets = await page.$$eval('.filters select[aria-label="All outlets"] option', (os) => os.map((o) => o.textContent));
    const publishers = [...new Set(story.sources.map((s) => s.publisher))];
    expect(publishers).toHaveLength(3);
    expect(outlets).toEqual(['All outlets', ...publishers]);
    await page.selectOption('.filters select[aria-label="All outlets"]', { label: publishers[1] });
    const ofOutlet = new Set(story.sources.filter((s) => s.publisher === publishers[1]).map((s) => s.id));
    const expected = perDay((e) => ofOutlet.has(e.source));
    await expect.poll(async () => (await headings(page))[0]?.[1]).toBe([...expected][0][1]);
    for (const [day, n] of await headings(page)) expect(n).toBe(expected.get(day));
    expect(await page.textContent('.entry-count')).toContain(`${[...expected.values()].reduce((a, b) => a + b, 0)} of ${story.entries.length} entries`);

    await page.selectOption('.filters select[aria-label="All outlets"]', '');
    await page.fill('.filters input[type="search"]', 'withdrew');
    const words = perDay((e) => e.text.toLowerCase().includes('withdrew'));
    await expect.poll(async () => (await headings(page)).length).toBeGreaterThan(1);
    for (const [day, n] of await headings(page)) expect(n).toBe(words.get(day));
    await page.close();
  });

  it('follows the current entry while playing, below the stuck heading', async () => {
    const middle = story.entries[Math.floor(story.entries.length / 2)];
    const page = await open(`story=${story.id}&t=${middle.time.slice(0, 16)}Z`);
    await page.click('button.play');
    await page.waitForTimeout(1500);
    await page.click('button.play');
    const seen = await page.evaluate(() => {
      const list = document.querySelector('.entry-list')!.getBoundingClientRect();
      const current = document.querySelector('.entry.current')?.getBoundingClientRect();
      const heading = document.querySelector('.entry.current')?.closest('.entry-day')?.querySelector('.entry-day-title')?.getBoundingClientRect();
      return current && heading ? { top: current.top, bottom: current.bottom, listTop: list.top, listBottom: list.bottom, headingBottom: heading.bottom } : null;
    });
    expect(seen).not.toBeNull();
    expect(seen!.top).toBeGreaterThanOrEqual(seen!.headingBottom - 1);
    expect(seen!.bottom).toBeLessThanOrEqual(seen!.listBottom + 1);
    await page.close();
  });

  it('shows the grouped list on a phone', async () => {
    const page = await open(`story=${story.id}`, 390, 844);
    await page.evaluate(() => document.querySelector('.entry-list')!.scrollIntoView());
    await page.evaluate(() => document.querySelector('.entry-list')!.scrollTo({ top: 2400 }));
    await page.waitForTimeout(200);
    const at = await stuck(page);
    expect(at.heading).toBe(at.entryDay);
    expect(at.onTop).toBe(true);
    await page.screenshot({ path: 'test-results/weeks-entries-390.png' });
    await page.close();
  });

  it('keeps a one-day story without day headings, and never leaves the site', async () => {
    const page = await open('story=iraq-2014-06-13');
    expect(await page.locator('.entry').count()).toBeGreaterThan(100);
    expect(await page.locator('.entry-day-title').count()).toBe(0);
    await page.close();
    expect(external).toEqual([]);
  });
});
