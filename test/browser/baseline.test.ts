/**
 * Holders at the story's start on the default story: Baghdad, which no entry reports taken, shows
 * the Iraqi government as assumed (national capital) in its card, drawn pale inside a ring of
 * the government's colour; a town after its reported capture is solid. Screenshot for a look.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { actorAtPixel, clickPlace, nearestActor, zoomTo } from './app-page.ts';
import { launchOffline, pixelAt, pixelsAround, waitForMapIdle } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;

describe.skipIf(!story)('holders at the start on the default story (needs npm run build:stories)', () => {
  if (!story) return;
  let server: StaticServer;
  let browser: Browser;
  const baghdad = story.places.features.find((f) => f.properties.name === 'Baghdad')!;
  const gov = story.actors.find((a) => /gov/.test(a.id))!;
  const start = story.span.start.slice(0, 16) + 'Z';

  beforeAll(async () => {
    server = await serveStatic('dist');
    browser = await launchOffline();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the story says who holds Baghdad at the start and on what basis', () => {
    expect(baghdad.properties.baseline).toEqual({ actor: gov.id, basis: 'assumed', rule: 'capital' });
  });

  it("draws Baghdad pale inside a ring of the government's colour, and its card says 'Assumed'", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}?story=${story.id}&t=${start}`);
    await waitForMapIdle(page);
    const where = baghdad.geometry.coordinates as [number, number];
    await zoomTo(page, story, baghdad.properties.id);
    await waitForMapIdle(page);
    const state = await page.evaluate((id) => window.__storyMap!.getFeatureState({ source: 'places', id }), baghdad.properties.id);
    expect(state).toMatchObject({ color: gov.color, baseline: true });
    // The centre is the government's colour, pale; just outside the dot, a ring in the solid colour.
    expect(actorAtPixel(await pixelAt(page, where), story.actors)).toEqual({ actor: gov.id, pale: true });
    const radius = await page.evaluate(() => {
      const z = window.__storyMap!.getZoom();
      return z >= 10 ? 9 : z <= 7 ? 7 : 7 + ((z - 7) * 2) / 3;
    });
    const ring = await pixelsAround(page, where, [[0, -(radius + 1.2)], [0, radius + 1.2], [-(radius + 1.2), 0]]);
    expect(ring.map((rgb) => nearestActor(rgb, story.actors, 60))).toContain(gov.id);
    await page.screenshot({ path: 'test-results/baseline-baghdad-map.png' });

    await clickPlace(page, story, baghdad.properties.id);
    expect(await page.getAttribute('.place-card .holder', 'data-actor')).toBe(gov.id);
    const note = page.locator('.place-card .baseline-basis');
    expect(await note.getAttribute('data-basis')).toBe('assumed');
    expect(await note.innerText()).toContain(`Assumed: ${gov.name} (national capital, no report)`);
    expect(await page.locator('.legend').innerText()).toContain('Holder at the start');
    await page.screenshot({ path: 'test-results/baseline-baghdad-card.png' });
    await page.close();
  });

  it('a town after its reported capture is solid, not drawn as a holder at the start', async () => {
    const mosul = story.places.features.find((f) => f.properties.name === 'Mosul')!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}?story=${story.id}&t=${story.span.end.slice(0, 16)}Z`);
    await waitForMapIdle(page);
    await zoomTo(page, story, mosul.properties.id);
    await waitForMapIdle(page);
    const state = await page.evaluate((id) => window.__storyMap!.getFeatureState({ source: 'places', id }), mosul.properties.id);
    expect(state).toMatchObject({ baseline: false });
    expect(actorAtPixel(await pixelAt(page, mosul.geometry.coordinates as [number, number]), story.actors)).toEqual({ actor: 'isis', pale: false });
    // its history's first line gives the holder before the story with the same basis as the table
    await clickPlace(page, story, mosul.properties.id);
    const basis = mosul.properties.baseline?.basis;
    expect(basis).toBeTruthy();
    const first = await page.locator('.place-card .history li').first().innerText();
    expect(first).toContain(`${basis}:`);
    expect(first).not.toContain('no report names it');
    await page.close();
  });
});
