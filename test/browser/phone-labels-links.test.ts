/**
 * Issue 13 on the default story: the phone layout (card over the map, entries bring the map
 * back, the presentation's bar fits), labels beside their own town, and links that keep the view.
 * Screenshots: test-results/issue13-{desktop,phone-card,embed-390,present-390,present-320}.png.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../src/pipeline/types.ts';
import { clickPlace, sliderTime } from './app-page.ts';
import { launchOffline, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

interface LabelCheck {
  placed: number;
  /** Labels whose anchor is nearer another dot than its own: [label, other town, own px, other px]. */
  wrong: [string, string, number, number][];
  /** Smallest (other − own) distance over all labels, px. */
  margin: number;
}

/**
 * Reads every placed town label's box from the rendered map (queryRenderedFeatures over 1-px rows
 * and columns) and every dot's screen position, and checks that the label's anchor (the point of
 * its box nearest its own dot) is nearer its own dot than any other.
 */
async function checkLabels(page: Page): Promise<LabelCheck> {
  return page.evaluate(() => {
    const map = window.__storyMap!;
    const canvas = map.getCanvas();
    const [w, h] = [canvas.clientWidth, canvas.clientHeight];
    const boxes = new Map<string, { x0: number; x1: number; y0: number; y1: number }>();
    const grow = (id: string, axis: 'x' | 'y', at: number) => {
      const b = boxes.get(id) ?? { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
      if (axis === 'x') [b.x0, b.x1] = [Math.min(b.x0, at), Math.max(b.x1, at + 1)];
      else [b.y0, b.y1] = [Math.min(b.y0, at), Math.max(b.y1, at + 1)];
      boxes.set(id, b);
    };
    for (let y = 0; y < h; y++) {
      for (const f of map.queryRenderedFeatures([[0, y], [w, y + 1]], { layers: ['place-labels'] })) grow(String(f.properties.id), 'y', y);
    }
    for (let x = 0; x < w; x++) {
      for (const f of map.queryRenderedFeatures([[x, 0], [x + 1, h]], { layers: ['place-labels'] })) grow(String(f.properties.id), 'x', x);
    }
    const dots = new Map<string, { x: number; y: number }>();
    for (const f of map.queryRenderedFeatures({ layers: ['place-towns'] })) {
      const g = f.geometry as GeoJSON.Point;
      dots.set(String(f.properties.id), map.project(g.coordinates as [number, number]));
    }
    const wrong: [string, string, number, number][] = [];
    let margin = Infinity;
    for (const [id, b] of boxes) {
      const own = dots.get(id);
      if (!own) continue;
      const anchor = { x: Math.max(b.x0, Math.min(b.x1, own.x)), y: Math.max(b.y0, Math.min(b.y1, own.y)) };
      const dOwn = Math.hypot(anchor.x - own.x, anchor.y - own.y);
      for (const [other, p] of dots) {
        if (other === id) continue;
        const d = Math.hypot(anchor.x - p.x, anchor.y - p.y);
        margin = Math.min(margin, d - dOwn);
        if (d <= dOwn) wrong.push([id, other, Math.round(dOwn), Math.round(d)]);
      }
    }
    return { placed: boxes.size, wrong, margin };
  });
}

/** The URL once its delayed write (300 ms after the last move) has happened. */
async function settledUrl(page: Page): Promise<string> {
  let last = '';
  for (;;) {
    await page.waitForTimeout(450);
    const now = await page.evaluate(() => location.href);
    if (now === last) return now;
    last = now;
  }
}

async function inViewport(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, fits: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth };
  }, selector);
}

describe.skipIf(!story)('phone, labels and links on iraq-2014-06-13 (needs npm run build:stories)', () => {
  if (!story) return;
  let server: StaticServer;
  let browser: Browser;
  const external: string[] = [];
  const base = () => `${server.url}?story=${story.id}`;

  async function open(url: string, viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage({ viewport });
    const seen = watchExternalRequests(page);
    page.on('close', () => external.push(...seen));
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(url);
    await waitForMapIdle(page);
    return page;
  }

  beforeAll(async () => {
    server = await serveStatic('dist');
    browser = await launchOffline();
  });
  afterAll(async () => {
    expect(external).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('labels: every placed label is nearer its own dot than any other, on desktop and phone, opening view and zoomed out', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open(base(), viewport);
      const opening = await checkLabels(page);
      expect(opening.wrong).toEqual([]);
      expect(opening.placed).toBeGreaterThanOrEqual(6);
      // The opening view is on the places of the story's own events: Jalawla and Saadiya are apart.
      const apart = await page.evaluate(() => {
        const map = window.__storyMap!;
        const [a, b] = [map.project([45.17, 34.27]), map.project([45.12, 34.19])];
        return Math.hypot(a.x - b.x, a.y - b.y);
      });
      expect(apart).toBeGreaterThan(10);
      await page.evaluate(() => window.__storyMap!.jumpTo({ zoom: window.__storyMap!.getZoom() - 1.5 }));
      await waitForMapIdle(page);
      const out = await checkLabels(page);
      expect(out.wrong).toEqual([]);
      console.log(`labels ${viewport.width}px: opening ${opening.placed} placed, margin ${opening.margin.toFixed(1)} px; zoomed out ${out.placed}, margin ${out.margin.toFixed(1)} px`);
      if (viewport === DESKTOP) {
        await page.evaluate(() => window.__storyMap!.jumpTo({ zoom: window.__storyMap!.getZoom() + 1.5 }));
        await waitForMapIdle(page);
        await page.screenshot({ path: 'test-results/issue13-desktop.png' });
      }
      await page.close();
    }
  });

  it('phone: a tapped town’s card is on screen without scrolling, above it the town; an entry brings the map back', async () => {
    const page = await open(base(), PHONE);
    const jalawla = story.places.features.find((f) => f.properties.name === 'Jalawla')!;
    await clickPlace(page, story, jalawla.properties.id);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const card = await inViewport(page, '.place-card');
    expect(card.fits).toBe(true);
    const town = await page.evaluate((ll) => {
      const map = window.__storyMap!;
      const p = map.project(ll);
      return map.getCanvas().getBoundingClientRect().top + p.y;
    }, jalawla.geometry.coordinates as [number, number]);
    expect(town).toBeLessThan(card.top);
    await page.screenshot({ path: 'test-results/issue13-phone-card.png' });

    // Close the card, scroll down to the entries and tap one: the map comes back into view.
    await page.click('.place-card .close');
    const entry = page.locator('.entry').nth(3);
    await entry.scrollIntoViewIfNeeded();
    expect((await inViewport(page, '.map-wrap')).fits).toBe(false);
    await entry.click({ position: { x: 200, y: 60 } });
    await page.waitForFunction(() => {
      const r = document.querySelector('.map-wrap')!.getBoundingClientRect();
      return r.top >= -1 && r.bottom <= innerHeight + 1;
    });
    await page.close();
  });

  it('presentation: the bar fits 390 and 320 px, Leave is on screen and leaves', async () => {
    for (const viewport of [PHONE, { width: 320, height: 640 }]) {
      const page = await open(`${base()}&present=1`, viewport);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await waitForMapIdle(page);
      const leave = page.locator('.present-controls button', { hasText: 'Leave' });
      const box = (await leave.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `test-results/issue13-present-${viewport.width}.png` });
      await leave.click();
      await page.waitForSelector('.app');
      await page.close();
    }
  });

  it('links: after clicking a town and moving the time, the URL reopens the same time, place and view', async () => {
    const page = await open(base());
    const saadiya = story.places.features.find((f) => f.properties.name === 'Saadiya')!;
    await clickPlace(page, story, saadiya.properties.id);
    await page.focus('[role="slider"]');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    const time = await sliderTime(page);
    const url = await settledUrl(page);
    expect(url).toContain(`place=${saadiya.properties.id}`);
    expect(url).toMatch(/view=/);
    const view = await page.evaluate(() => ({ c: window.__storyMap!.getCenter(), z: window.__storyMap!.getZoom() }));
    const again = await open(url);
    expect(await sliderTime(again)).toBe(Math.floor(time / 60_000) * 60_000);
    expect(await again.getAttribute('.place-card', 'data-place')).toBe(saadiya.properties.id);
    const seen = await again.evaluate(() => ({ c: window.__storyMap!.getCenter(), z: window.__storyMap!.getZoom() }));
    expect(Math.abs(seen.c.lng - view.c.lng)).toBeLessThan(1e-3);
    expect(Math.abs(seen.c.lat - view.c.lat)).toBeLessThan(1e-3);
    expect(Math.abs(seen.z - view.z)).toBeLessThan(0.01);

    // The embed code opens on that time, place and view.
    await again.click('.share-bar button:text("Embed")');
    const code = await again.inputValue('.share-dialog textarea');
    const q = new URL(url).searchParams;
    expect(code).toContain(`t=${q.get('t')}`);
    expect(code).toContain(`place=${saadiya.properties.id}`);
    expect(code).toContain(`view=${q.get('view')}`);
    await page.close();
    await again.close();
  });

  it('links: search and filters are in the URL and come back on reload', async () => {
    const page = await open(base());
    const outlet = story.sources[0].id;
    await page.fill('.search', 'Kurdish');
    await page.selectOption('.filter-row select >> nth=0', outlet);
    const url = await settledUrl(page);
    expect(new URL(url).searchParams.get('q')).toBe('Kurdish');
    expect(new URL(url).searchParams.get('outlet')).toBe(outlet);
    const again = await open(url);
    expect(await again.inputValue('.search')).toBe('Kurdish');
    expect(await again.inputValue('.filter-row select >> nth=0')).toBe(outlet);
    await page.close();
    await again.close();
  });

  it('imported stories: two from one publisher get different ids, survive a reload and say they are kept in this tab', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'issue13-'));
    const files = ['Morning', 'Evening'].map((part) => {
      const file = join(dir, `cnn-${part}.json`);
      writeFileSync(file, JSON.stringify({ ...story, id: 'cnn', title: `CNN live: ${part}` }));
      return file;
    });
    const page = await open(base());
    const ids: string[] = [];
    for (const [i, file] of files.entries()) {
      await page.click('.share-bar button:text("Import a live blog")');
      await page.setInputFiles('dialog input[name="story"]', file);
      await page.waitForFunction((n) => document.querySelector('.masthead h1')?.textContent?.endsWith(n), i ? 'Evening' : 'Morning');
      ids.push(new URL(await settledUrl(page)).searchParams.get('story')!);
    }
    expect(ids[0]).toMatch(/^local-cnn-/);
    expect(ids[1]).toMatch(/^local-cnn-/);
    expect(ids[0]).not.toBe(ids[1]);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.textContent('.masthead h1')).toBe('CNN live: Evening');
    expect(await page.textContent('.local-note')).toContain('this browser tab only');
    // Another tab has not got it: a clear message and a way back to the site's stories.
    const other = await browser.newPage();
    await other.goto(page.url());
    await other.waitForSelector('.status-page[role="alert"]');
    expect(await other.textContent('.status-page')).toContain('imported in a browser tab');
    await other.close();
    await page.close();
  });

  it('embed on a phone: opens on the story’s places and quotes a report, not the sign-off', async () => {
    const page = await open(`${server.url}?embed&story=${story.id}`, { width: 390, height: 800 });
    const scale = await page.evaluate(() => {
      const map = window.__storyMap!;
      const w = map.getCanvas().clientWidth;
      const [a, b] = [map.unproject([0, 100]), map.unproject([w, 100])];
      return a.distanceTo(b) / 1000;
    });
    // Fitted to the towns of the story's own events (about 190 km north to south), not to the
    // whole theatre (Basra to Dohuk, 700 km), which opened the phone embed at a 500 km scale.
    expect(scale).toBeLessThan(400);
    const shown = await page.evaluate(() => {
      const b = window.__storyMap!.getBounds();
      return [b.contains([45.17, 34.27]), b.contains([44.61, 33.75]), b.contains([44.39, 35.47])];
    });
    expect(shown).toEqual([true, true, true]);
    const quote = await page.textContent('.current-entry blockquote');
    expect(quote).not.toMatch(/^Thank you for joining us/);
    await page.screenshot({ path: 'test-results/issue13-embed-390.png' });
    await page.close();
  });
});
