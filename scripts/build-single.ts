/**
 * `npm run build:single`: one self-contained HTML file per story in `dist-single/<id>.html`,
 * for a USB stick or a classroom without network. Scripts, styles, the story, the basemap and
 * MapLibre's worker are inlined; the page opens from `file://` and makes no request.
 *
 * How: a second Vite build with every dynamic import inlined (one script), then
 * - the story files and the basemap are served from memory by a small `fetch` wrapper (they are
 *   the only things the app fetches), and
 * - MapLibre's worker is made from its inlined source as a `blob:` URL.
 * There is no Content-Security-Policy in these files: a policy that allows their inline script
 * would protect nothing (docs/embed-present-export.md).
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TMP = join(ROOT, 'node_modules/.cache/build-single');
const OUT = join(ROOT, 'dist-single');
const STORIES = join(ROOT, 'public/stories');

/** JSON for a `<script type="application/json">` block: `<` escaped so no tag can close early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Makes script text safe inside an inline `<script>`; refuses text the HTML parser would misread. */
function inlineScript(code: string, name: string): string {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(safe)) throw new Error(`${name}: contains "<!--", which cannot be inlined safely`);
  return safe;
}

/** Replaces `new URL("<asset>", import.meta.url).href` (as Vite writes asset URLs) with `expr`. */
function replaceAssetUrl(code: string, pattern: string, expr: string): { code: string; file: string } {
  const re = new RegExp(`new URL\\(([\`"'])(${pattern})\\1,\\s*import\\.meta\\.url\\)\\.href`);
  const m = re.exec(code);
  if (!m) throw new Error(`build-single: no asset URL matching ${pattern} in the bundle`);
  return { code: code.replace(re, () => expr), file: m[2] };
}

/** The classic script that runs before the app: files from memory, worker from a blob. */
const BOOT = `(() => {
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const files = read('single-files');
  const worker = read('single-worker');
  window.__LIVEMAP_SINGLE__ = true;
  window.__LIVEMAP_WORKER_URL__ = URL.createObjectURL(new Blob([worker], { type: 'text/javascript' }));
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url ?? String(input), document.baseURI);
    for (const name of Object.keys(files)) {
      if (url.pathname.endsWith('/' + name)) {
        return Promise.resolve(new Response(files[name], { headers: { 'content-type': 'application/json' } }));
      }
    }
    return realFetch(input, init);
  };
})();`;

async function main(): Promise<void> {
  await rm(TMP, { recursive: true, force: true });
  await build({
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: TMP,
      emptyOutDir: true,
      modulePreload: false,
      assetsInlineLimit: 0,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const assets = join(TMP, 'assets');
  const names = await readdir(assets);
  const jsFiles = names.filter((n) => /^index-.*\.js$/.test(n));
  if (jsFiles.length !== 1) throw new Error(`build-single: expected one app script, found ${jsFiles.join(', ')}`);
  let js = await readFile(join(assets, jsFiles[0]), 'utf8');
  const css = (await Promise.all(names.filter((n) => n.endsWith('.css')).map((n) => readFile(join(assets, n), 'utf8')))).join('\n');

  const worker = replaceAssetUrl(js, 'maplibre-gl-worker-[\\w-]+\\.mjs', 'window.__LIVEMAP_WORKER_URL__');
  js = worker.code;
  const workerCode = (await readFile(join(assets, worker.file), 'utf8')).replace(/\n\/\/# sourceMappingURL=.*$/m, '');
  const basemapFile = /countries-50m-[\w-]+\.json/.exec(js)?.[0];
  if (!basemapFile) throw new Error('build-single: no basemap asset in the bundle');
  const basemap = await readFile(join(assets, basemapFile), 'utf8');

  const template = await readFile(join(TMP, 'index.html'), 'utf8');
  const index = JSON.parse(await readFile(join(STORIES, 'index.json'), 'utf8')) as Array<{ id: string; title: string }>;
  await mkdir(OUT, { recursive: true });
  for (const item of index) {
    const story = await readFile(join(STORIES, `${item.id}.json`), 'utf8');
    const files = {
      'stories/index.json': JSON.stringify([{ id: item.id, title: item.title }]),
      [`stories/${item.id}.json`]: story,
      [basemapFile]: basemap,
    };
    const head = [
      `<style>\n${css.replace(/<\/(style)/gi, '<\\/$1')}\n</style>`,
      `<script type="application/json" id="single-files">${scriptJson(files)}</script>`,
      `<script type="application/json" id="single-worker">${scriptJson(workerCode)}</script>`,
      `<script>${BOOT}</script>`,
      `<script type="module">${inlineScript(js, jsFiles[0])}</script>`,
    ].join('\n');
    const page = template
      .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')
      .replace(/\s*<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/g, '')
      .replace(/\s*<link rel="(?:stylesheet|modulepreload)"[^>]*>/g, '')
      .replace(/<title>[^<]*<\/title>/, `<title>${item.title.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>`)
    if (/<(script|link)[^>]+(src|href)="(?!data:)[^"]+"/.test(page)) throw new Error('build-single: an external script or link is left in the page');
    const html = page.replace("</head>", () => `${head}\n</head>`);
    const file = join(OUT, `${item.id}.html`);
    await writeFile(file, html);
    process.stderr.write(`dist-single/${item.id}.html: ${(html.length / 1048576).toFixed(1)} MB\n`);
  }
  await rm(TMP, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`build:single: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
