/** Dev helper: screenshots the built app at a URL query. `tsx test/browser/shoot.ts '?t=…' out.png [w h]` */
import { resolve } from 'node:path';
import { buildSyntheticStory } from './fixtures/synthetic-story.ts';
import { launchOffline, waitForMapIdle, watchExternalRequests } from './browser.ts';
import { serveStatic } from './serve.ts';

const [query = '', out = 'test-results/dev.png', w = '1280', h = '800'] = process.argv.slice(2);
const synthetic = process.env.SYNTHETIC === '1';
const story = buildSyntheticStory();
const server = await serveStatic(resolve('dist'), {
  overrides: synthetic
    ? { '/stories/index.json': JSON.stringify([{ id: 'synthetic', title: story.title }]), '/stories/synthetic.json': JSON.stringify(story) }
    : {},
});
const browser = await launchOffline();
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
const external = watchExternalRequests(page);
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(server.url + query);
try {
  await waitForMapIdle(page, 20_000);
} catch (e) {
  console.log('map not idle', (e as Error).message);
}
await page.screenshot({ path: out });
console.log('external', external);
await browser.close();
await server.close();
