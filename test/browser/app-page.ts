/**
 * Page helpers for the browser tests: what a person sees and does, read through the DOM and
 * the map canvas.
 */
import type { Page } from 'playwright-core';
import type { Actor, Story } from '../../src/pipeline/types.ts';
import { theme } from '../../src/theme.ts';
import { pixelAt, waitForMapIdle } from './browser.ts';

/** Current slider time (ms) as the ARIA slider reports it. */
export async function sliderTime(page: Page): Promise<number> {
  return Number(await page.getAttribute('[role="slider"]', 'aria-valuenow'));
}

function hex(color: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) throw new Error(`invalid colour: ${color}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** The actor whose colour is nearest to a pixel, or null when none is close. */
export function nearestActor(rgb: [number, number, number], actors: Actor[], tolerance = 40): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const a of actors) {
    const c = hex(a.color);
    const d = Math.hypot(c[0] - rgb[0], c[1] - rgb[1], c[2] - rgb[2]);
    if (d < bestD) [best, bestD] = [a.id, d];
  }
  return bestD <= tolerance ? best : null;
}

/** An actor's colour as a baseline town's pale fill shows it over the land. */
function pale(color: string): [number, number, number] {
  const [c, land] = [hex(color), hex(theme.landFocus)];
  return c.map((v, i) => Math.round(v * theme.baselineFillOpacity + land[i] * (1 - theme.baselineFillOpacity))) as [number, number, number];
}

/**
 * The actor a town's centre pixel shows, solid (reported control) or pale (a holder at the
 * story's start: stated, implied, assumed), or null when neither is close.
 */
export function actorAtPixel(rgb: [number, number, number], actors: Actor[]): { actor: string | null; pale: boolean } {
  const solid = nearestActor(rgb, actors);
  if (solid) return { actor: solid, pale: false };
  const paled = nearestActor(rgb, actors.map((a) => ({ ...a, color: `#${pale(a.color).map((v) => v.toString(16).padStart(2, '0')).join('')}` })), 20);
  return { actor: paled, pale: paled !== null };
}

/** Moves the slider with the keyboard (Shift+→ = one hour) until at or past `time`. */
export async function stepSliderTo(page: Page, time: number): Promise<void> {
  await page.focus('[role="slider"]');
  while ((await sliderTime(page)) < time) {
    const before = await sliderTime(page);
    await page.keyboard.press('Shift+ArrowRight');
    if ((await sliderTime(page)) === before) break;
  }
}

/**
 * Zooms in on a place, as a reader does when towns overlap at the story-wide zoom
 * (Jalawla and Saadiya are 9 km apart).
 */
export async function zoomTo(page: Page, story: Story, placeId: string, zoom = 8): Promise<void> {
  const f = story.places.features.find((p) => p.properties.id === placeId)!;
  await page.evaluate(
    ([ll, z]) => {
      const map = window.__storyMap!;
      if (map.getZoom() < z) map.jumpTo({ center: ll, zoom: z });
    },
    [f.geometry.coordinates as [number, number], zoom] as const,
  );
}

/** Who holds a place, read twice: the marker's pixel colour and the place card. */
export async function readPlace(page: Page, story: Story, placeId: string) {
  await zoomTo(page, story, placeId);
  await waitForMapIdle(page);
  const f = story.places.features.find((p) => p.properties.id === placeId)!;
  const rgb = await pixelAt(page, f.geometry.coordinates as [number, number]);
  const card = await page.getAttribute('.place-card .holder', 'data-actor');
  const seen = actorAtPixel(rgb, story.actors);
  return { pixel: seen.actor, pale: seen.pale, rgb, card };
}

/** Clicks a place's marker on the map canvas. */
export async function clickPlace(page: Page, story: Story, placeId: string): Promise<void> {
  await zoomTo(page, story, placeId);
  await waitForMapIdle(page);
  const f = story.places.features.find((p) => p.properties.id === placeId)!;
  const pt = await page.evaluate((ll) => {
    const map = window.__storyMap!;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, f.geometry.coordinates as [number, number]);
  await page.mouse.click(pt.x, pt.y);
  await page.waitForSelector(`.place-card[data-place="${placeId}"]`);
}

/** Collapses repeats: [a, a, b, a] → [a, b, a]. */
export function runs<T>(values: T[]): T[] {
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}
