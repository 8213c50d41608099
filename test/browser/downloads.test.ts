/**
 * The Download menu on the default story: every file it gives parses — GeoJSON, ACLED-like CSV,
 * well-formed KML with TimeSpans — and the view PNG is a picture of the map.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '../../src/export/acled.ts';
import { parseCsv } from '../../src/export/csv.ts';
import type { Story } from '../../src/pipeline/types.ts';
import { xmlProblems } from '../helpers/xml-wellformed.ts';
import { launchOffline, waitForMapIdle } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;

describe.skipIf(!story)('downloads (default story)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const n = story?.events.features.length ?? 0;

  beforeAll(async () => {
    server = await serveStatic('dist');
    browser = await launchOffline();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(`${server.url}?story=iraq-2014-06-13`);
    await waitForMapIdle(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function download(kind: string): Promise<{ name: string; body: Buffer }> {
    await page.click('.share-menu summary');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), body: Buffer.concat(chunks) };
  }

  it('GeoJSON: a FeatureCollection of the events as Points', async () => {
    const { name, body } = await download('geojson');
    expect(name).toBe('iraq-2014-06-13-events.geojson');
    const fc = JSON.parse(body.toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(n);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates.every(Number.isFinite)).toBe(true);
    }
  });

  it('CSV: parses back to the ACLED columns, one row per event', async () => {
    const { body } = await download('csv');
    const rows = parseCsv(body.toString('utf8'));
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(rows).toHaveLength(n + 1);
    const col = (c: (typeof ACLED_COLUMNS)[number]) => rows.slice(1).map((r) => r[ACLED_COLUMNS.indexOf(c)]);
    expect(new Set(col('event_type'))).toContain('Battles');
    expect(col('time_precision').every((p) => ['1', '2', '3'].includes(p))).toBe(true);
    expect(col('location')).toContain('Jalawla');
  });

  it('KML: well-formed, one Placemark with a TimeSpan per event', async () => {
    const kml = (await download('kml')).body.toString('utf8');
    expect(xmlProblems(kml)).toEqual([]);
    expect(kml.match(/<TimeSpan>/g)).toHaveLength(n);
  });

  it('PNG: the current view, with its caption strip', async () => {
    const { body } = await download('png');
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = body.readUInt32BE(16);
    const height = body.readUInt32BE(20);
    const canvas = await page.evaluate(() => [window.__storyMap!.getCanvas().width, window.__storyMap!.getCanvas().height]);
    expect(width).toBe(canvas[0]);
    expect(height).toBeGreaterThan(canvas[1]);
    expect(body.length).toBeGreaterThan(30_000);
  });
});
