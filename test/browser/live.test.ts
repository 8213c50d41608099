/**
 * A live story in the built app: the server's copy grows between requests (an ETag, 304 when
 * unchanged); the app notices without a reload, keeps a reader's earlier time and shows the
 * new change of control once they go to the latest. A story that is not live is fetched once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../src/pipeline/types.ts';
import { nearestActor, sliderTime } from './app-page.ts';
import { launchOffline, pixelAt, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { buildLiveSyntheticStory, buildSyntheticStory } from './fixtures/synthetic-story.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const v1 = buildLiveSyntheticStory(1);
const v2 = buildLiveSyntheticStory(2);
const still: Story = { ...buildSyntheticStory(), id: 'still', live: false, refreshSeconds: 1 };
const delta = v2.places.features.find((f) => f.properties.id === 'delta')!.geometry.coordinates as [number, number];
const red = v2.actors.find((a) => a.id === 'red')!.color;

/** What the server hands out for the live story, and the requests it answered. */
const live = { version: 1 as 1 | 2, answers: [] as { status: number; ifNoneMatch?: string }[] };
const stillRequests: string[] = [];

function serveLive(req: IncomingMessage, res: ServerResponse) {
  const etag = `"v${live.version}"`;
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch === etag) {
    live.answers.push({ status: 304, ifNoneMatch });
    res.writeHead(304, { etag }).end();
    return;
  }
  live.answers.push({ status: 200, ifNoneMatch });
  res.writeHead(200, { 'content-type': 'application/json', etag });
  res.end(JSON.stringify(live.version === 1 ? v1 : v2));
}

let server: StaticServer;
let browser: Browser;
const external: string[] = [];

async function open(query: string, height = 800): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height } });
  external.push(...[]);
  const seen = watchExternalRequests(page);
  page.on('close', () => external.push(...seen));
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`${server.url}?${query}`);
  await waitForMapIdle(page);
  return page;
}

const stateColor = (page: Page) =>
  page.evaluate(() => window.__storyMap!.getFeatureState({ source: 'places', id: 'delta' }).color as string | undefined);

beforeAll(async () => {
  server = await serveStatic('dist', {
    overrides: {
      '/stories/index.json': JSON.stringify([
        { id: v1.id, title: v1.title },
        { id: still.id, title: 'Not live' },
      ]),
    },
    handlers: {
      [`/stories/${v1.id}.json`]: serveLive,
      [`/stories/${still.id}.json`]: (req, res) => {
        stillRequests.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(still));
      },
    },
  });
  browser = await launchOffline();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a live story', () => {
  it('shows "new updates" without moving an earlier reader, and the new change after "Go to latest"', async () => {
    live.version = 1;
    live.answers.length = 0;
    // A short window, so the entries scroll.
    const page = await open(`story=${v1.id}&t=2014-06-13T10:00Z`, 640);
    const before = await sliderTime(page);
    expect(before).toBe(Date.parse('2014-06-13T10:00:00Z'));
    // Unchanged copies are answered 304 (the app sent the ETag back) and change nothing.
    await expect.poll(() => live.answers.filter((a) => a.status === 304).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(live.answers.find((a) => a.status === 304)!.ifNoneMatch).toBe('"v1"');
    expect(await page.textContent('.live-notice')).toBe('');

    const scrolled = await page.evaluate(() => {
      const list = document.querySelector('.entry-list')!;
      list.scrollTop = 120;
      return list.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(0);
    live.version = 2;
    await page.waitForSelector('.live-notice button', { timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelector('.entry-list')!.scrollTop)).toBe(scrolled);
    expect(await page.textContent('.live-notice span')).toBe('1 new update');
    expect(await sliderTime(page)).toBe(before);
    expect(await page.textContent('.entry-count')).toContain('of 7 entries');
    await page.screenshot({ path: 'test-results/live-notice.png' });

    await page.click('.live-notice button');
    expect(await sliderTime(page)).toBe(Date.parse(v2.span.end));
    expect(await page.textContent('.live-notice')).toBe('');
    await expect.poll(() => stateColor(page)).toBe(red);
    await page.evaluate((ll) => window.__storyMap!.jumpTo({ center: ll }), delta);
    await waitForMapIdle(page);
    expect(nearestActor(await pixelAt(page, delta), v2.actors)).toBe('red');
    await page.screenshot({ path: 'test-results/live-latest.png' });
    await page.close();
  });

  it('takes a reader at the latest time along, with a ripple where control changed', async () => {
    live.version = 1;
    const page = await open(`story=${v1.id}`);
    expect(await sliderTime(page)).toBe(Date.parse(v1.span.end));
    await page.evaluate(() => {
      // Counts ripples as they are added (each lasts about a second and a half).
      const w = window as unknown as { ripples: number };
      w.ripples = 0;
      new MutationObserver((list) => {
        for (const m of list) w.ripples += [...m.addedNodes].filter((n) => (n as Element).classList?.contains('pulse')).length;
      }).observe(document.body, { childList: true, subtree: true });
    });
    live.version = 2;
    await expect.poll(() => sliderTime(page), { timeout: 15_000 }).toBe(Date.parse(v2.span.end));
    await expect.poll(() => stateColor(page)).toBe(red);
    expect(await page.evaluate(() => (window as unknown as { ripples: number }).ripples)).toBeGreaterThan(0);
    expect(await page.textContent('.live-notice')).toBe('');
    await page.close();
  });

  it('does the same in the article embed', async () => {
    live.version = 1;
    const page = await open(`embed&story=${v1.id}&t=2014-06-13T10:00Z`);
    const before = await sliderTime(page);
    live.version = 2;
    await page.waitForSelector('.embed .live-notice button', { timeout: 15_000 });
    expect(await sliderTime(page)).toBe(before);
    await page.setViewportSize({ width: 360, height: 640 });
    await page.screenshot({ path: 'test-results/live-embed-notice.png' });
    await page.click('.live-notice button');
    expect(await sliderTime(page)).toBe(Date.parse(v2.span.end));
    await expect.poll(() => stateColor(page)).toBe(red);
    await page.close();
  });

  it('fetches a story that is not live once, and never leaves the site', async () => {
    const page = await open(`story=${still.id}`);
    // Three times its refreshSeconds: a live story would have been asked for again by now.
    await page.waitForTimeout(3_000);
    expect(stillRequests).toHaveLength(1);
    await page.close();
    expect(external).toEqual([]);
  });
});
