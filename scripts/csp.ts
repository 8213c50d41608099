/**
 * The built site's Content-Security-Policy, in one place: written into every HTML page as a
 * `<meta http-equiv>` and into `dist/_headers` (Netlify/Cloudflare Pages format) as the header a
 * deployer should send. See docs/security.md.
 */
import type { Plugin } from 'vite';

export interface CspOptions {
  /** Extra origins the app may fetch stories from (`VITE_STORY_ORIGINS`), e.g. `https://data.example.org`. */
  connectOrigins?: string[];
  /** Origins of a deployer's hosted map style (`VITE_MAP_STYLE_URL`): its tiles, sprites and glyphs. */
  styleOrigins?: string[];
}

/** Origin of an absolute http(s) URL, or null for anything else. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The policy's directives. No inline or evaluated script anywhere; styles only from the bundle
 * (Preact and MapLibre set `element.style` through the CSSOM, which CSP does not restrict);
 * MapLibre's worker from our origin (`blob:` for its fallback when the page's origin is opaque).
 * `frame-ancestors` is deliberately absent: the map is meant to be embedded in news pages.
 * @example contentSecurityPolicy({ connectOrigins: ['https://data.example.org'] })
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = [...(options.connectOrigins ?? []), ...(options.styleOrigins ?? [])];
  const style = options.styleOrigins ?? [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...style],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connect],
    'worker-src': ["'self'", 'blob:'],
    'child-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${[...new Set(values)].join(' ')}`)
    .join('; ');
}

/** Splits a comma- or space-separated list of URLs into their origins, rejecting anything else. */
export function parseOrigins(list: string | undefined, name: string): string[] {
  const out: string[] = [];
  for (const item of (list ?? '').split(/[\s,]+/).filter(Boolean)) {
    const origin = originOf(item);
    if (!origin) throw new Error(`invalid origin in ${name}: ${item}`);
    out.push(origin);
  }
  return out;
}

/**
 * Vite plugin (build only): puts the policy into each page's `<head>` and emits `_headers`.
 * The dev server runs without it (its hot reload needs a websocket and inline scripts).
 */
export function cspPlugin(env: Record<string, string | undefined>): Plugin {
  const styleOrigin = env.VITE_MAP_STYLE_URL ? originOf(env.VITE_MAP_STYLE_URL) : null;
  const policy = contentSecurityPolicy({
    connectOrigins: parseOrigins(env.VITE_STORY_ORIGINS, 'VITE_STORY_ORIGINS'),
    styleOrigins: styleOrigin ? [styleOrigin] : [],
  });
  return {
    name: 'liveblog-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Where the page marks its place (after charset), else first in <head>: before any script.
      handler: (html) => {
        const marker = /<!-- Content-Security-Policy:[^>]*-->/;
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
        if (marker.test(html)) return html.replace(marker, meta);
        return { html, tags: [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }] };
      },
    },
    generateBundle() {
      const headers = [
        '/*',
        `  Content-Security-Policy: ${policy}`,
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
        '',
      ].join('\n');
      this.emitFile({ type: 'asset', fileName: '_headers', source: headers });
    },
  };
}
