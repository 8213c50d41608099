/**
 * The browser scenario shared by the default-story and synthetic-story tests: offline load,
 * a place changing colour along the slider, entry clicks, deep links, screenshots.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../src/pipeline/types.ts';
import { actorAtPixel, clickPlace, readPlace, runs, sliderTime, stepSliderTo, zoomTo } from './app-page.ts';
import { launchOffline, pixelAt, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export interface Scenario {
  story: Story;
  /** The place whose control the test follows. */
  placeId: string;
  /** Actor ids the place must show in this order while the slider moves. */
  expected: string[];
  /** Time (ms) to start moving from, e.g. the evening before the story. */
  from: number;
  /** Extra files for the server (the synthetic story). */
  overrides?: Record<string, string>;
  /** Screenshots: `test-results/<prefix>-<layout>-<label>.png` at these times. */
  screenshots?: { prefix: string; times: { label: string; time: number }[] };
}

/** `2014-06-12T19:00Z`, the URL's time format. */
const minuteIso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

export function defineScenario(s: Scenario): void {
  let server: StaticServer;
  let browser: Browser;
  const external: string[] = [];
  const base = () => `${server.url}?story=${s.story.id}`;

  async function open(url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    external.push(...[]);
    const seen = watchExternalRequests(page);
    page.on('close', () => external.push(...seen));
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(url);
    await waitForMapIdle(page);
    return page;
  }

  beforeAll(async () => {
    server = await serveStatic('dist', { overrides: s.overrides });
    browser = await launchOffline();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`follows ${s.placeId} through ${s.expected.join(' → ')} in pixels and in the place card`, async () => {
    // Start from a link to `from`: Home can be months earlier (the "earlier" segment reaches
    // back to the earliest change a story knows of), too far to step an hour at a time.
    const page = await open(`${base()}&t=${minuteIso(s.from)}`);
    await page.focus('[role="slider"]');
    await stepSliderTo(page, s.from);
    await clickPlace(page, s.story, s.placeId);
    const pixels: (string | null)[] = [];
    const cards: (string | null)[] = [];
    const end = Date.parse(s.story.span.end);
    for (;;) {
      const seen = await readPlace(page, s.story, s.placeId);
      pixels.push(seen.pixel);
      cards.push(seen.card);
      const before = await sliderTime(page);
      if (before >= end) break;
      await page.focus('[role="slider"]');
      await page.keyboard.press('Shift+ArrowRight');
      if ((await sliderTime(page)) === before) break;
    }
    expect(runs(pixels)).toEqual(s.expected);
    expect(runs(cards)).toEqual(s.expected);
    await page.close();
  });

  it('jumps time and map to a clicked entry, and back/forward restore the time', async () => {
    const page = await open(base());
    const entry = s.story.entries.find((e) => e.mentions.some((m) => m.placeId === s.placeId))!;
    // Look far away first, so "the map follows" is visible.
    await page.evaluate(() => window.__storyMap!.jumpTo({ center: [-40, 10], zoom: 5 }));
    // From the end: Home is the story's first entry, which may be the entry clicked (no move).
    await page.keyboard.press('End');
    const before = await sliderTime(page);
    await page.click(`[data-entry-id="${entry.id}"] .entry-text`);
    await page.waitForFunction(() => !window.__storyMap!.isMoving());
    await waitForMapIdle(page);
    expect(await sliderTime(page)).toBe(Date.parse(entry.time));
    const place = s.story.places.features.find((p) => p.properties.id === s.placeId)!;
    const inView = await page.evaluate(
      (ll) => window.__storyMap!.getBounds().contains(ll),
      place.geometry.coordinates as [number, number],
    );
    expect(inView).toBe(true);
    expect(await page.getAttribute(`[data-entry-id="${entry.id}"]`, 'class')).toContain('selected');
    await page.goBack();
    // The URL keeps minutes, so Back lands on the minute the slider was on.
    await page.waitForFunction(
      (t) => Math.floor(Number(document.querySelector('[role="slider"]')!.getAttribute('aria-valuenow')) / 60_000) === t,
      Math.floor(before / 60_000),
    );
    await page.goForward();
    await page.waitForFunction(
      (t) => Number(document.querySelector('[role="slider"]')!.getAttribute('aria-valuenow')) === t,
      Date.parse(entry.time),
    );
    await page.close();
  });

  it('plays with Space and pauses with Space', async () => {
    const page = await open(base());
    await page.focus('[role="slider"]');
    await page.keyboard.press('Home');
    const start = await sliderTime(page);
    await page.keyboard.press('Space');
    await page.waitForFunction((t) => Number(document.querySelector('[role="slider"]')!.getAttribute('aria-valuenow')) > t + 3_600_000, start);
    // While playing, town labels are names only; pausing brings back who holds each town.
    const labelText = () => page.evaluate(() => JSON.stringify(window.__storyMap!.getLayoutProperty('place-labels', 'text-field')));
    expect(await labelText()).not.toContain('holder');
    await page.keyboard.press('Space');
    const paused = await sliderTime(page);
    await page.waitForTimeout(300);
    expect(await sliderTime(page)).toBe(paused);
    expect(await labelText()).toContain('holder');
    // The labels' data is for the paused time, not for the last step the map took while playing.
    await zoomTo(page, s.story, s.placeId);
    await waitForMapIdle(page);
    const where = s.story.places.features.find((p) => p.properties.id === s.placeId)!.geometry.coordinates as [number, number];
    const pixel = actorAtPixel(await pixelAt(page, where), s.story.actors).actor;
    const holder = await page.evaluate(async (id) => {
      const source = window.__storyMap!.getSource('places') as unknown as { getData: () => Promise<{ features: { properties: { id: string; holder: string } }[] }> };
      return (await source.getData()).features.find((f) => f.properties.id === id)?.properties.holder;
    }, s.placeId);
    const actor = s.story.actors.find((a) => a.id === pixel);
    expect(actor).toBeDefined();
    expect(holder).toContain(actor!.short ?? actor!.name);
    await page.close();
  });

  it('reopens the same view from a deep link', async () => {
    const page = await open(`${base()}&t=${minuteIso(s.from)}`);
    await page.focus('[role="slider"]');
    await stepSliderTo(page, s.from + 6 * 3_600_000);
    await clickPlace(page, s.story, s.placeId);
    const seen = await readPlace(page, s.story, s.placeId);
    await page.waitForFunction((id) => location.search.includes(`place=${id}`), s.placeId);
    await page.waitForTimeout(400); // the URL follows scrubbing after a short debounce
    const url = page.url();
    const time = await sliderTime(page);
    await page.close();
    const again = await open(url);
    expect(Math.floor((await sliderTime(again)) / 60_000)).toBe(Math.floor(time / 60_000));
    await again.waitForSelector(`.place-card[data-place="${s.placeId}"]`);
    const seenAgain = await readPlace(again, s.story, s.placeId);
    expect(seenAgain.card).toBe(seen.card);
    expect(seenAgain.pixel).toBe(seen.pixel);
    await again.close();
  });

  it('draws the countries around the story first, and the rest of the world once the map is idle', async () => {
    const page = await open(base());
    // Without any move or repaint from outside, the source comes to hold the whole world.
    await page.waitForFunction(() => !!window.__storyMap?.loaded());
    await page.waitForFunction(
      async () => {
        const source = window.__storyMap!.getSource('countries') as unknown as { getData: () => Promise<{ features: unknown[] }> };
        return (await source.getData()).features.length > 150;
      },
      null,
      { timeout: 10_000, polling: 200 },
    );
    const landAt = (center: [number, number], zoom: number) =>
      page.evaluate(
        ([c, z]) =>
          new Promise<string[]>((resolve) => {
            const map = window.__storyMap!;
            map.jumpTo({ center: c as [number, number], zoom: z as number });
            map.once('idle', () => resolve(map.queryRenderedFeatures({ layers: ['land'] }).map((f) => f.properties.name as string)));
          }),
        [center, zoom] as const,
      );
    const [lng, lat] = s.story.places.features.find((p) => p.properties.id === s.placeId)!.geometry.coordinates;
    expect(await landAt([lng, lat], 5)).not.toHaveLength(0);
    // Zoomed out to the whole world: most of Natural Earth's ~240 countries, not only the nearby ones.
    expect(new Set(await landAt([0, 0], 0.5)).size).toBeGreaterThan(150);
    await page.close();
  });

  it('still shows entries and a table of who holds what without WebGL', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const seen = watchExternalRequests(page);
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl')) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(base());
    await page.waitForSelector('.control-table');
    expect(await page.textContent('.notice')).toContain('WebGL');
    expect(await page.locator('.entry').count()).toBeGreaterThan(0);
    const place = s.story.places.features.find((p) => p.properties.id === s.placeId)!;
    expect(await page.textContent('.control-table')).toContain(place.properties.name);
    external.push(...seen);
    await page.close();
  });

  if (s.screenshots) {
    const shots = s.screenshots;
    it('saves desktop and phone screenshots at two times of day', async () => {
      for (const [layout, viewport] of [
        ['desktop', { width: 1280, height: 800 }],
        ['phone', { width: 375, height: 740 }],
      ] as const) {
        for (const { label, time } of shots.times) {
          const t = new Date(time).toISOString().slice(0, 16) + 'Z';
          const page = await open(`${base()}&t=${t}&place=${s.placeId}`, viewport);
          await waitForMapIdle(page);
          await page.screenshot({ path: `test-results/${shots.prefix}-${layout}-${label}.png` });
          if (layout === 'phone') {
            await page.screenshot({ path: `test-results/${shots.prefix}-${layout}-${label}-full.png`, fullPage: true });
          }
          await page.close();
        }
      }
    });
  }

  it('makes no request outside 127.0.0.1', () => {
    expect(external).toEqual([]);
  });
}
