/**
 * Launches Debian Chromium headless, offline (every host but 127.0.0.1 fails to resolve),
 * and records requests that leave 127.0.0.1.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchOffline(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** Collects every request whose host is not 127.0.0.1 (data: and blob: URLs are local). */
export function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') external.push(req.url());
  });
  return external;
}

/** Waits until the app's map exists and has finished drawing. */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => !!window.__storyMap && window.__storyMap.loaded(), null, { timeout });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__storyMap!;
        map.triggerRepaint();
        map.once('idle', () => resolve());
      }),
  );
}

/** Colours of the map canvas pixels at offsets (CSS px) from a place's point, each as [r, g, b]. */
export async function pixelsAround(page: Page, lngLat: [number, number], offsets: [number, number][]): Promise<[number, number, number][]> {
  return page.evaluate(
    ([ll, offs]) => {
      const map = window.__storyMap!;
      const p = map.project(ll as [number, number]);
      const canvas = map.getCanvas();
      const ratio = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      return (offs as [number, number][]).map(([dx, dy]) => {
        const d = ctx.getImageData(Math.round((p.x + dx) * ratio), Math.round((p.y + dy) * ratio), 1, 1).data;
        return [d[0], d[1], d[2]] as [number, number, number];
      });
    },
    [lngLat, offsets] as const,
  );
}

/** Colour of the map canvas pixel at a place's coordinates, as [r, g, b]. */
export async function pixelAt(page: Page, lngLat: [number, number]): Promise<[number, number, number]> {
  return (await pixelsAround(page, lngLat, [[0, 0]]))[0]!;
}
