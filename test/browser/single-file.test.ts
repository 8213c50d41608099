/**
 * `npm run build:single`: the one-file story opens from file:// with every host unresolvable,
 * requests nothing over the network and draws the map (Jalawla in Kurdish forces' colour at the
 * story's end, read from the canvas).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { nearestActor, zoomTo } from './app-page.ts';
import { launchOffline, pixelAt, waitForMapIdle } from './browser.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;
const SINGLE = resolve('dist-single/iraq-2014-06-13.html');

describe.skipIf(!story)('single-file export (file://, offline)', () => {
  let browser: Browser;
  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'scripts/build-single.ts'], { stdio: 'pipe' });
    browser = await launchOffline();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file', () => {
    // The tags of the page, without the inlined scripts' text (which holds embed-code strings).
    const html = readFileSync(SINGLE, 'utf8').replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);
    expect(statSync(SINGLE).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('opens from file:// without network and draws the map', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${SINGLE}`);
    await waitForMapIdle(page, 60_000);
    expect(errors).toEqual([]);
    // Only the file itself and the worker's blob: URL; nothing over http(s).
    expect(requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
    expect(requests.some((u) => u.startsWith('blob:'))).toBe(true);
    await page.screenshot({ path: 'test-results/single-file.png' });
    const jalawla = story!.places.features.find((f) => f.properties.name === 'Jalawla')!;
    await zoomTo(page, story!, jalawla.properties.id);
    await waitForMapIdle(page);
    const rgb = await pixelAt(page, jalawla.geometry.coordinates as [number, number]);
    expect(nearestActor(rgb, story!.actors)).toMatch(/kurd/);
    // No import in the single file: there is no server to fetch the place index from.
    expect(await page.locator('text=Import a live blog').count()).toBe(0);
    await page.close();
  });
});
