// The reader sees whether the newsroom checked the change behind a place's holder (docs/review.md).
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/pipeline/types.ts';
import { clickPlace } from './app-page.ts';
import { launchOffline, waitForMapIdle } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const FILE = 'public/stories/iraq-2014-06-13.json';
const story: Story | null = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Story) : null;

describe.skipIf(!story)('review state on the place card (needs npm run build:stories)', () => {
  if (!story) return;
  let server: StaticServer;
  let browser: Browser;
  // The story as ingest writes it after a newsroom accepted Mosul's capture.
  const reviewed = structuredClone(story);
  for (const f of reviewed.events.features) if (f.properties.placeId === 'mosul') f.properties.review = 'accepted';
  const end = story.span.end.slice(0, 16) + 'Z';

  beforeAll(async () => {
    server = await serveStatic('dist', { overrides: { [`/stories/${story.id}.json`]: JSON.stringify(reviewed) } });
    browser = await launchOffline();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("says 'Checked by the newsroom' for Mosul and 'Not yet checked' for Kirkuk", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}?story=${story.id}&t=${end}`);
    await waitForMapIdle(page);
    await clickPlace(page, reviewed, 'mosul');
    const mosul = page.locator('.place-card .review-state');
    expect(await mosul.getAttribute('data-review')).toBe('checked');
    expect(await mosul.innerText()).toContain('Checked by the newsroom');
    await page.screenshot({ path: 'test-results/review-state-mosul.png' });
    await page.close();
    const second = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await second.goto(`${server.url}?story=${story.id}&t=${end}`);
    await waitForMapIdle(second);
    await clickPlace(second, reviewed, 'kirkuk');
    const kirkuk = second.locator('.place-card .review-state');
    expect(await kirkuk.getAttribute('data-review')).toBe('unchecked');
    expect(await kirkuk.innerText()).toBe('Not yet checked');
    await second.close();
  });
});
