/**
 * The embed view inside a host page's iframe: the frame takes its content's height through each
 * protocol newsrooms use (pym.js, Datawrapper, AMP, and our own host script), answers pym's
 * `width` message, stays on its own origin and sets no cookies. Screenshots at 320 and 600 px.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchOffline, watchExternalRequests } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const STORY = 'iraq-2014-06-13';

/** A host page with a listener for one protocol, as newsroom pages have. */
function hostPage(protocol: 'pym' | 'datawrapper' | 'amp' | 'script', width: number, origin: string): string {
  const src = `/?embed&story=${STORY}&childId=map1&initialWidth=${width}&parentUrl=${encodeURIComponent(`${origin}/host-${protocol}.html`)}`;
  const listeners: Record<string, string> = {
    pym: `const p = typeof e.data === 'string' ? e.data.split('xPYMx') : [];
          if (p.length === 4 && p[0] === 'pym' && p[1] === 'map1' && p[2] === 'height') { setHeight(+p[3]); window.__heights.push(+p[3]); }`,
    datawrapper: `const d = e.data && e.data['datawrapper-height'];
          if (d && typeof d.map1 === 'number') setHeight(d.map1);`,
    amp: `if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') setHeight(e.data.height);`,
    script: '',
  };
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
<style>body{margin:0;font:16px Georgia,serif} .col{width:${width}px;margin:0 auto} iframe{display:block;width:100%;border:0}</style></head>
<body><div class="col"><p>Article text before the map.</p>
<iframe id="frame" src="${src}" ${protocol === 'script' ? 'data-liveblog-map' : ''} height="150" title="map"></iframe>
<p>Article text after the map.</p></div>
${
  protocol === 'script'
    ? '<script src="/embed.js"></script>'
    : `<script>
window.__heights = [];
const frame = document.getElementById('frame');
const setHeight = (h) => { if (h > 0 && h < 20000) frame.style.height = h + 'px'; };
window.addEventListener('message', (e) => { if (e.source !== frame.contentWindow) return; ${listeners[protocol]} });
window.sendWidth = () => frame.contentWindow.postMessage('pymxPYMxmap1xPYMxwidthxPYMx${width}', '*');
</script>`
}
</body></html>`;
}

describe.skipIf(!existsSync('public/stories/iraq-2014-06-13.json'))('embed in a host page', () => {
  let server: StaticServer;
  let browser: Browser;
  const overrides: Record<string, string> = {};

  beforeAll(async () => {
    server = await serveStatic('dist', { overrides });
    // The host pages name their own origin in pym's parentUrl, as pym.js does.
    const origin = new URL(server.url).origin;
    for (const p of ['pym', 'datawrapper', 'amp', 'script'] as const) {
      overrides[`/host-${p}.html`] = hostPage(p, 600, origin);
      overrides[`/host-${p}-320.html`] = hostPage(p, 320, origin);
    }
    browser = await launchOffline();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openHost(name: string, width: number): Promise<{ page: Page; external: string[] }> {
    const page = await browser.newPage({ viewport: { width: width + 40, height: 700 } });
    const external = watchExternalRequests(page);
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(`${server.url}${name}`);
    const frame = page.frameLocator('#frame');
    await frame.locator('.embed .current-entry').waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const f = document.getElementById('frame') as HTMLIFrameElement;
        const map = (f.contentWindow as Window & { __storyMap?: { loaded(): boolean } }).__storyMap;
        return !!map && map.loaded();
      },
      null,
      { timeout: 30_000 },
    );
    return { page, external };
  }

  /** The iframe's height and its content's height, once the frame has settled. */
  async function heights(page: Page): Promise<{ frame: number; content: number }> {
    await page.waitForFunction(() => {
      const f = document.getElementById('frame') as HTMLIFrameElement;
      const content = f.contentDocument!.querySelector('.embed')!.getBoundingClientRect().height;
      return Math.abs(f.getBoundingClientRect().height - Math.ceil(content)) <= 1;
    }, null, { timeout: 10_000 }).catch(() => {});
    return page.evaluate(() => {
      const f = document.getElementById('frame') as HTMLIFrameElement;
      return {
        frame: f.getBoundingClientRect().height,
        content: Math.ceil(f.contentDocument!.querySelector('.embed')!.getBoundingClientRect().height),
      };
    });
  }

  for (const protocol of ['pym', 'datawrapper', 'amp', 'script'] as const) {
    it(`the iframe takes the content's height through ${protocol === 'script' ? 'public/embed.js' : protocol} messages`, async () => {
      const { page, external } = await openHost(`host-${protocol}.html`, 600);
      const { frame, content } = await heights(page);
      expect(content).toBeGreaterThan(400);
      expect(Math.abs(frame - content)).toBeLessThanOrEqual(1);
      // The frame has no scrollbar: its document is no taller than the frame.
      const inner = await page.evaluate(() => (document.getElementById('frame') as HTMLIFrameElement).contentDocument!.documentElement.scrollHeight);
      expect(inner).toBeLessThanOrEqual(Math.ceil(frame) + 1);
      expect(external).toEqual([]);
      await page.close();
    });
  }

  it('answers pym’s width message with its height', async () => {
    const { page } = await openHost('host-pym.html', 600);
    await heights(page);
    const before = await page.evaluate(() => (window as unknown as { __heights: number[] }).__heights.length);
    await page.evaluate(() => (window as unknown as { sendWidth: () => void }).sendWidth());
    await page.waitForFunction((n) => (window as unknown as { __heights: number[] }).__heights.length > n, before, { timeout: 5000 });
    await page.close();
  });

  it('follows its content when it grows (the table opens at 320 px) and keeps no cookies', async () => {
    const { page, external } = await openHost('host-script-320.html', 320);
    const first = await heights(page);
    // Open the table under the slider: the content grows, the frame follows.
    await page.frameLocator('#frame').locator('summary', { hasText: 'as a table' }).click();
    await page.waitForFunction((h) => (document.getElementById('frame') as HTMLIFrameElement).getBoundingClientRect().height > h + 20, first.frame, { timeout: 5000 });
    const second = await heights(page);
    expect(Math.abs(second.frame - second.content)).toBeLessThanOrEqual(1);
    expect(await page.context().cookies()).toEqual([]);
    const storage = await page.frames()[1].evaluate(() => localStorage.length + sessionStorage.length);
    expect(storage).toBe(0);
    expect(external).toEqual([]);
    await page.close();
  });

  it('ignores messages of the wrong shape or from another frame', async () => {
    const { page } = await openHost('host-script.html', 600);
    const { frame } = await heights(page);
    await page.evaluate(() => {
      // The page itself (not the iframe) posts height messages: embed.js must ignore them.
      window.postMessage('pymxPYMxmap1xPYMxheightxPYMx99', '*');
      window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 77 }, '*');
      window.postMessage({ 'datawrapper-height': { map1: 'javascript:alert(1)' } }, '*');
    });
    await page.waitForTimeout(300);
    expect((await heights(page)).frame).toBe(frame);
    await page.close();
  });

  for (const width of [320, 600]) {
    it(`screenshot of the embed at ${width} px`, async () => {
      const { page } = await openHost(`host-script${width === 320 ? '-320' : ''}.html`, width);
      await heights(page);
      await page.waitForTimeout(500);
      const box = await page.locator('#frame').boundingBox();
      await page.setViewportSize({ width: width + 40, height: Math.ceil((box?.y ?? 0) + (box?.height ?? 700) + 60) });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `test-results/embed-${width}.png`, fullPage: true });
      await page.close();
    });
  }
});
