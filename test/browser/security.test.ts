/**
 * Security of the built app: hostile story text is shown as text (nothing runs, nothing loads),
 * the Content-Security-Policy is enforced and the app works under it, URL parameters are
 * validated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../src/pipeline/types.ts';
import { sliderTime } from './app-page.ts';
import { launchOffline, waitForMapIdle } from './browser.ts';
import { buildHostileStory } from './fixtures/hostile-story.ts';
import { serveStatic, type StaticServer } from './serve.ts';

declare global {
  interface Window {
    __pwned?: string;
    __violations?: string[];
  }
}

/** What a page did that it should not: requests, dialogs, CSP violations, errors. */
interface Watch {
  requests: string[];
  dialogs: string[];
  errors: string[];
}

let server: StaticServer;
let browser: Browser;
let hostile: Story;

async function open(query: string, options: { idle?: boolean } = {}): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const watch: Watch = { requests: [], dialogs: [], errors: [] };
  page.on('request', (req) => watch.requests.push(req.url()));
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations!.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${server.url}${query}`);
  if (options.idle !== false) await waitForMapIdle(page);
  return { page, watch };
}

const violations = (page: Page) => page.evaluate(() => window.__violations ?? []);
/** Requests for anything the hostile text names (`/x…`) or for another host. */
const forbidden = (w: Watch) =>
  w.requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.hostname !== '127.0.0.1' || /^\/x/.test(url.pathname);
  });
/**
 * A host page with the map's iframe and a sandboxed "ad" iframe (opaque origin) that forges
 * messages both ways. The host counts the height messages the map sends it.
 */
const hostPage = (parentUrl: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body>
<iframe id="map" data-liveblog-map src="/?embed&story=iraq-2014-06-13&childId=map1&parentUrl=${encodeURIComponent(parentUrl)}" style="width:500px;height:300px" title="map"></iframe>
<iframe id="ad" sandbox="allow-scripts" srcdoc="<script>
  window.forge = function () {
    var map = parent.frames[0];
    map.postMessage('pymxPYMxmap1xPYMxwidthxPYMx500', '*');
    map.postMessage({ sentinel: 'amp', type: 'embed-size', height: 60 }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 5000 }, '*');
    parent.postMessage('pymxPYMxmap1xPYMxheightxPYMx5000', '*');
  };
  addEventListener('message', function (e) { if (e.data === 'forge') window.forge(); });
</script>" title="ad"></iframe>
<script src="/embed.js"></script>
<script>
  window.__fromMap = 0;
  addEventListener('message', function (e) { if (e.source === document.getElementById('map').contentWindow) window.__fromMap++; });
</script></body></html>`;

beforeAll(async () => {
  hostile = await buildHostileStory();
  const overrides: Record<string, string> = {
    '/stories/index.json': JSON.stringify([
      { id: 'iraq-2014-06-13', title: 'Iraq' },
      { id: 'hostile', title: 'Hostile' },
    ]),
    '/stories/hostile.json': JSON.stringify(hostile),
  };
  server = await serveStatic('dist', { overrides });
  // Host pages for the embed tests: one names its real origin in pym's parentUrl, one another.
  overrides['/host.html'] = hostPage(`${new URL(server.url).origin}/host.html`);
  overrides['/host-elsewhere.html'] = hostPage('https://news.example/article');
  browser = await launchOffline();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile story text', () => {
  it('is shown as text: nothing runs, nothing loads, no markup reaches the DOM', async () => {
    const { page, watch } = await open('?story=hostile');
    // Everything a reader can do with the entries, the header, the card and the dialog.
    const mentions = await page.locator('.entry .mention').count();
    for (let i = 0; i < mentions; i++) {
      await page.locator('.entry .mention').nth(i).click();
      await page.click('.chip button'); // clicking a place filters the entries to it: clear
    }
    for (const entry of await page.locator('.entry .entry-text').all()) await entry.click();
    await page.hover('.masthead .sources');
    await page.keyboard.press('End');
    await page.click('.masthead-actions .link-button');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(watch.dialogs).toEqual([]);
    expect(forbidden(watch)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    // The markup is visible as characters, where a reader can judge it.
    const text = await page.locator('.entry-list').textContent();
    expect(text).toContain("<script>window.__pwned='script'</script>");
    expect(text).toContain('<img src=x onerror=');
    expect(await page.locator('.masthead h1').textContent()).toContain('<img src=/x-title');
    // …and none of it became an element or an attribute.
    const injected = await page.$$eval('#app *', (els) =>
      els
        .filter(
          (e) =>
            ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE'].includes(e.tagName) ||
            // Text in a title or aria-label is fine; in these attributes it would act.
            [...e.attributes].some(
              (a) =>
                a.name.startsWith('on') ||
                (['href', 'src', 'srcset', 'data', 'action', 'formaction', 'srcdoc', 'style'].includes(a.name) &&
                  (a.value.includes('pwned') || /^\s*javascript:/i.test(a.value) || /url\(|^\/?x(-|$)/.test(a.value))),
            ),
        )
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(injected).toEqual([]);
    // The source's javascript: URL is not a link.
    expect(await page.locator('.masthead a').count()).toBe(0);
    await page.close();
  });

  it('never uses a story colour that is not a plain colour', async () => {
    const { page, watch } = await open('?story=hostile');
    const backgrounds = await page.$$eval('.legend .dot', (els) => els.map((e) => getComputedStyle(e).backgroundImage));
    expect(backgrounds.every((b) => b === 'none')).toBe(true);
    expect(forbidden(watch)).toEqual([]);
    await page.close();
  });
});

describe('Content-Security-Policy', () => {
  it('is in the built page and blocks inline script and inline event handlers', async () => {
    const { page } = await open('?story=iraq-2014-06-13');
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // As if some future bug put markup into the page: the policy still stops it.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = "window.__pwned = 'inline'";
      document.body.append(s);
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:," onload="window.__pwned = \'handler\'">';
      document.body.append(div);
    });
    await page.waitForFunction(() => (window.__violations ?? []).length >= 2);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect((await violations(page)).map((v) => v.split(' ')[0]).sort()).toEqual(['script-src-attr', 'script-src-elem']);
    await page.close();
  });

  it('lets the whole app work without a single violation', async () => {
    const { page, watch } = await open('?story=iraq-2014-06-13');
    await page.focus('[role="slider"]');
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await page.waitForTimeout(800);
    await page.keyboard.press('Space');
    await page.click('.entry .mention');
    await page.waitForSelector('.place-card');
    await page.click('.legend-toggle input');
    await waitForMapIdle(page);
    await page.click('.masthead-actions .link-button');
    await page.click('.about form button');
    expect(await page.locator('.map').getAttribute('data-state')).toBe('ready');
    expect(await violations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(forbidden(watch)).toEqual([]);
    await page.close();
  });
});

describe('URL parameters', () => {
  it('load only stories the site lists', async () => {
    for (const id of ['../../package', 'nope', 'https:%2F%2Fevil.example%2Fs']) {
      const { page, watch } = await open(`?story=${id}`, { idle: false });
      await page.waitForSelector('.status-page[role="alert"]');
      expect(await page.textContent('.status-page')).toContain('unknown story');
      expect(watch.requests.filter((u) => /stories\/(?!index\.json)/.test(u))).toEqual([]);
      expect(forbidden(watch)).toEqual([]);
      await page.close();
    }
  });

  it('clamp times to the story and ignore places it does not have', async () => {
    const early = await open('?story=hostile&t=1990-01-01T00:00Z');
    expect(await sliderTime(early.page)).toBe(Number(await early.page.getAttribute('[role="slider"]', 'aria-valuemin')));
    await early.page.close();
    const late = await open('?story=hostile&t=2100-01-01T00:00Z');
    expect(await sliderTime(late.page)).toBe(Number(await late.page.getAttribute('[role="slider"]', 'aria-valuemax')));
    await late.page.close();
    const { page } = await open('?story=hostile&place=%3Cimg%20src%3Dx%3E&view=999,-999,99');
    expect(await page.locator('.place-card').count()).toBe(0);
    expect(await page.locator('.entry').count()).toBe(hostile.entries.length);
    const view = await page.evaluate(() => {
      const m = window.__storyMap!;
      return { lat: m.getCenter().lat, zoom: m.getZoom() };
    });
    expect(Math.abs(view.lat)).toBeLessThanOrEqual(85);
    expect(view.zoom).toBeLessThanOrEqual(20);
    await page.close();
  });
});

describe('embed messages', () => {
  async function openHost(page: Page, name: string): Promise<void> {
    await page.goto(`${server.url}${name}`);
    await page.waitForFunction(() => {
      const w = (document.getElementById('map') as HTMLIFrameElement).contentWindow as Window & { __storyMap?: { loaded(): boolean } };
      return !!w.__storyMap && w.__storyMap.loaded();
    }, null, { timeout: 30_000 });
    await page.waitForTimeout(500);
  }
  const state = (page: Page) =>
    page.evaluate(() => ({
      fromMap: (window as unknown as { __fromMap: number }).__fromMap,
      height: (document.getElementById('map') as HTMLIFrameElement).getBoundingClientRect().height,
    }));

  it('a forged message from another frame neither resizes the map nor makes it answer', async () => {
    const origin = new URL(server.url).origin;
    const page = await browser.newPage();
    await openHost(page, `host.html`);
    const before = await state(page);
    expect(before.height).toBeGreaterThan(300); // embed.js sized it from the map's own messages
    await page.evaluate(() => (document.getElementById('ad') as HTMLIFrameElement).contentWindow!.postMessage('forge', '*'));
    await page.waitForTimeout(500);
    expect(await state(page)).toEqual(before);
    // The control: the same width message from the real parent gets an answer.
    await page.evaluate((o) => (document.getElementById('map') as HTMLIFrameElement).contentWindow!.postMessage('pymxPYMxmap1xPYMxwidthxPYMx500', o), origin);
    await page.waitForFunction((n) => (window as unknown as { __fromMap: number }).__fromMap > n, before.fromMap, { timeout: 5_000 });
    await page.close();
  });

  it('the frame ignores its parent when pym named another origin as the parent', async () => {
    const page = await browser.newPage();
    await openHost(page, `host-elsewhere.html`);
    const before = await state(page);
    await page.evaluate(() => (document.getElementById('map') as HTMLIFrameElement).contentWindow!.postMessage('pymxPYMxmap1xPYMxwidthxPYMx500', '*'));
    await page.waitForTimeout(500);
    expect((await state(page)).fromMap).toBe(before.fromMap);
    await page.close();
  });
});
