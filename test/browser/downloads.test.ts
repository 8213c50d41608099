/**
 * The Download menu on the default story: the CSV, the KML and the control-at-t GeoJSON round-trip
 * against the story and the store's control; the view PNG is 2x, article-sized, with title, time,
 * legend and credits drawn where its layout puts them (saved to test-results/download-view.png).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '../../src/export/acled.ts';
import { controlPeriods } from '../../src/export/control-periods.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { PNG_SCALE, PNG_WIDTH, pngChromeHeight, pngLayout, type Box } from '../../src/export/png-layout.ts';
import { controlAt } from '../../src/pipeline/control/control-at.ts';
import type { Story } from '../../src/pipeline/types.ts';
import { buildStoryModel, changeWhen } from '../../src/state/story-model.ts';
import { timeWords } from '../../src/export/time-fields.ts';
import { theme } from '../../src/theme.ts';
import { readKmlPlacemarks } from '../helpers/read-kml.ts';
import { xmlProblems } from '../helpers/xml-wellformed.ts';
import { launchOffline, waitForMapIdle } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;
/** The app's own model of the story: its event times with their precision, and its control. */
const model = story ? buildStoryModel(story) : null;

describe.skipIf(!story)('downloads (default story)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const n = story?.events.features.length ?? 0;

  beforeAll(async () => {
    server = await serveStatic('dist');
    browser = await launchOffline();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(`${server.url}?story=iraq-2014-06-13&t=2014-06-13T12:00Z`);
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
      const when = model!.whenById.get(f.properties.id)!;
      expect([f.properties.timeCertainty, f.properties.timeWords]).toEqual([when.certainty, timeWords(when)]);
    }
    const mosul = fc.features.find((f: { id: string }) => f.id === 'ev-mosul-control-1').properties;
    expect(mosul).toMatchObject({ timeCertainty: 'week', timeWords: '≈ 9–12 Jun 2014', previousHolder: { actor: 'iraqi-government', basis: 'assumed' } });
  });

  it('CSV: round-trips to the events, with times, status, confidence and outlets', async () => {
    const { name, body } = await download('csv');
    expect(name).toBe('iraq-2014-06-13-events.csv');
    const rows = parseCsv(body.toString('utf8'));
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(rows).toHaveLength(n + 1);
    const records = rows.slice(1).map((r) => Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, r[i]])));
    const publishers = new Map(story!.sources.map((s) => [s.id, s.publisher]));
    records.forEach((row, i) => {
      const f = story!.events.features[i];
      const e = f.properties;
      expect(row).toMatchObject({
        event_id: e.id,
        event_time: e.time,
        time_start: e.timeStart,
        time_end: e.timeEnd,
        time_precision_word: model!.whenById.get(e.id)!.certainty,
        time_words: timeWords(model!.whenById.get(e.id)!),
        status: e.status,
        confidence: String(e.confidence),
        location: e.place,
        source: e.sources.map((s) => publishers.get(s)).join('; '),
      });
      expect([Number(row.longitude), Number(row.latitude)]).toEqual(f.geometry.coordinates.map((c) => Number(c.toFixed(5))));
      expect(['1', '2', '3']).toContain(row.time_precision);
    });
    // "Iraqi Kurds have seized control of Kirkuk, after government forces abandoned their posts": nobody fought.
    expect(records.find((r) => r.event_id === 'ev-kirkuk-control-1')).toMatchObject({
      sub_event_type: 'Non-violent transfer of territory',
      event_type: 'Strategic developments',
    });
    expect(records.find((r) => r.event_id === 'ev-jalawla-control-2')?.event_type).toBe('Battles');
    // Every time in the app's 7-level precision vocabulary; Mosul's fall known to the days.
    for (const r of records) expect(['exact', 'about', 'day', 'week', 'month', 'year', 'by']).toContain(r.time_precision_word);
    expect(records.find((r) => r.event_id === 'ev-mosul-control-1')).toMatchObject({ time_precision_word: 'week', time_words: '≈ 9–12 Jun 2014' });
    // The previous holder: named by the report at Kirkuk, taken from the actor registry at Mosul.
    expect(records.find((r) => r.event_id === 'ev-kirkuk-control-1')).toMatchObject({ actor2: 'Iraqi government forces', actor2_basis: 'reported' });
    expect(records.find((r) => r.event_id === 'ev-mosul-control-1')).toMatchObject({ actor2_basis: 'assumed', actor2_evidence: 'assumed: no report names it' });
  });

  it('KML: the Control folder has a TimeSpan per period of control; Kirkuk stays Kurdish after the change', async () => {
    const { name, body } = await download('kml');
    expect(name).toBe('iraq-2014-06-13.kml');
    const kml = body.toString('utf8');
    expect(xmlProblems(kml)).toEqual([]);
    const placemarks = readKmlPlacemarks(kml);
    const control = placemarks.filter((p) => p.folder === 'control');
    expect(control.map((p) => [p.data.place_id, p.data.holder, p.begin, p.end])).toEqual(
      controlPeriods(story!).map((p) => [p.placeId, p.actor, p.start, p.end]),
    );
    const kirkuk = control.filter((p) => p.data.place_id === 'kirkuk').map((p) => [p.data.holder, p.begin, p.end]);
    expect(kirkuk).toEqual([
      ['iraqi-government', null, '2014-06-12T09:00:00Z'],
      ['kurdish-forces', '2014-06-12T09:00:00Z', null],
    ]);
    expect(placemarks.filter((p) => p.folder === 'events')).toHaveLength(n);
    // Each period's basis is the store's: the baseline's before the first change, reported after.
    for (const p of control) {
      const t = p.begin ? Date.parse(p.begin) : Date.parse(story!.span.start) - 365 * 86_400_000;
      expect(p.data.basis, p.data.place_id).toBe(controlAt(story!, t).get(p.data.place_id)!.basis ?? 'reported');
      expect(p.data.start_words).toBe(p.begin ? timeWords(changeWhen(model!, p.data.place_id, Date.parse(p.begin))) : '');
    }
    // Baghdad: no report, the capital, so its holder is assumed, and the file says so.
    expect(control.filter((p) => p.data.place_id === 'baghdad').map((p) => p.data)).toEqual([
      expect.objectContaining({ holder: 'iraqi-government', basis: 'assumed', basis_evidence: 'national capital, no report', start: '', end: '' }),
    ]);
    expect(control.find((p) => p.data.place_id === 'mosul' && p.data.holder === 'isis')!.data).toMatchObject({ basis: 'reported', start_words: '≈ 9–12 Jun 2014', start_precision: 'week' });
    const events = placemarks.filter((p) => p.folder === 'events');
    for (const e of events) expect(e.data.time_words).toBe(timeWords(model!.whenById.get(e.id)!));
  });

  it("control at t GeoJSON: every place's holder and since when, as the store has them at the slider's time", async () => {
    const { name, body } = await download('control');
    expect(name).toBe('iraq-2014-06-13-control-2014-06-13T1200Z.geojson');
    const fc = JSON.parse(body.toString('utf8'));
    expect(fc.time).toBe('2014-06-13T12:00:00Z');
    const byId = new Map<string, Record<string, unknown>>(fc.features.map((f: { properties: { id: string } }) => [f.properties.id, f.properties]));
    const control = controlAt(story!, fc.time);
    expect(control.size).toBeGreaterThan(0);
    for (const [id, c] of control) {
      expect(byId.get(id)).toMatchObject({
        holder: c.actor,
        claimants: c.claimants,
        since: c.since === null ? null : new Date(c.since).toISOString().replace('.000Z', 'Z'),
        sinceWords: c.since === null ? '' : timeWords(changeWhen(model!, id, c.since)),
        basis: c.actor === 'unknown' ? null : (c.basis ?? 'reported'),
      });
    }
    expect(byId.get('baghdad')).toMatchObject({ holder: 'iraqi-government', basis: 'assumed', basisEvidence: 'national capital, no report', since: null });
    expect(byId.get('mosul')).toMatchObject({ holder: 'isis', basis: 'reported', sinceWords: '≈ 9–12 Jun 2014', sincePrecision: 'week' });
    expect(byId.get('kirkuk')).toMatchObject({ holder: 'kurdish-forces', since: '2014-06-12T09:00:00Z', basis: 'reported' });
    expect(byId.get('jalawla')).toMatchObject({ holder: 'isis', since: '2014-06-12T22:00:00Z' });
  });

  it('PNG: 2x, 1200–1600 px wide, with title, time, legend, sources and credits drawn', async () => {
    // A view with Baghdad in it: its holder at the start (assumed) puts that row in the legend,
    // which speaks only of the places the view shows.
    await page.goto(`${server.url}?story=iraq-2014-06-13&t=2014-06-13T12:00Z&view=33.9,44.4,6.2`);
    await waitForMapIdle(page);
    const { name, body } = await download('png');
    expect(name).toBe('iraq-2014-06-13-2014-06-13T1200Z.png');
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/download-view.png', body);
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = body.readUInt32BE(16);
    const height = body.readUInt32BE(20);
    expect(width % PNG_SCALE).toBe(0);
    const cssWidth = width / PNG_SCALE;
    expect(cssWidth).toBeGreaterThanOrEqual(PNG_WIDTH[0]);
    expect(cssWidth).toBeLessThanOrEqual(PNG_WIDTH[1]);
    // Actors, Unknown, the holder-at-the-start row (Baghdad shows it at 12:00), Contested.
    const legendCount = story!.actors.length + 3;
    const layout = pngLayout(cssWidth, height / PNG_SCALE - pngChromeHeight(legendCount), legendCount);
    expect(layout.height * PNG_SCALE).toBe(height);
    const boxes: Record<string, Box> = {
      title: layout.title,
      time: layout.time,
      legendTitle: layout.legendTitle,
      sources: layout.sources,
      credits: layout.credits,
      map: layout.map,
      ...Object.fromEntries(layout.legend.flatMap((l, i) => [[`swatch${i}`, l.swatch], [`label${i}`, l.label]])),
    };
    // The holder-at-the-start swatch's ring, 7 px left of its centre.
    const pale = layout.legend[story!.actors.length + 1].swatch;
    boxes.baselineRing = { x: pale.x, y: pale.y + pale.height / 2 - 1, width: 2, height: 2 };
    // Read the PNG in the page: per box, how many pixels are ink (not the white ground), and the
    // colour at its centre.
    const read = await page.evaluate(
      async ({ png, boxes, scale }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const out: Record<string, { ink: number; colors: number; centre: number[] }> = {};
        for (const [key, b] of Object.entries(boxes)) {
          const d = ctx.getImageData(b.x * scale, b.y * scale, b.width * scale, b.height * scale).data;
          let ink = 0;
          const colors = new Set<number>();
          for (let i = 0; i < d.length; i += 4) {
            if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
            colors.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
          }
          const c = ctx.getImageData((b.x + b.width / 2) * scale, (b.y + b.height / 2) * scale, 1, 1).data;
          out[key] = { ink, colors: colors.size, centre: [c[0], c[1], c[2]] };
        }
        return out;
      },
      { png: body.toString('base64'), boxes, scale: PNG_SCALE },
    );
    for (const key of ['title', 'time', 'legendTitle', 'sources', 'credits']) expect(read[key].ink, key).toBeGreaterThan(300);
    const hex = (c: number[]) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`.toLowerCase();
    story!.actors.forEach((a, i) => {
      expect(hex(read[`swatch${i}`].centre), a.name).toBe(a.color.toLowerCase());
      expect(read[`label${i}`].ink, a.name).toBeGreaterThan(150);
    });
    for (let i = 0; i < legendCount; i++) expect(read[`label${i}`].ink).toBeGreaterThan(100);
    // Pale inside (the muted colour at the map's baseline fill opacity over white), muted ring.
    const near = (a: number[], b: number[], tol: number) => a.every((v, k) => Math.abs(v - b[k]) <= tol);
    const muted = [1, 3, 5].map((k) => parseInt(theme.muted.slice(k, k + 2), 16));
    const paleFill = muted.map((v) => Math.round(v * theme.baselineFillOpacity + 255 * (1 - theme.baselineFillOpacity)));
    expect(read[`swatch${story!.actors.length + 1}`].centre, 'pale fill').toSatisfy((c: number[]) => near(c, paleFill, 4));
    expect(read.baselineRing.centre, 'ring').toSatisfy((c: number[]) => near(c, muted, 30));
    expect(read.map.colors).toBeGreaterThan(50);
  });
});
