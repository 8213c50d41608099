/**
 * Copy-paste embed code for a story: a plain iframe plus the small host script that sizes it,
 * or the pym.js form newsrooms already use.
 */
import { formatUrlTime, formatUrlView } from '../state/url-state.ts';
import type { Camera } from '../state/view-slice.ts';

export interface EmbedCodeOptions {
  /** Absolute URL of the app's folder, e.g. `https://maps.example.org/liveblog/`. */
  appUrl: string;
  storyId: string;
  title: string;
  /** Start height before the frame reports its own. */
  height?: number;
  /** What the embed opens on (the reader's current view); the story's end and fitted view when absent. */
  view?: EmbedStart;
}

/** Time, place and map view an embed opens on. */
export interface EmbedStart {
  time?: number | null;
  place?: string | null;
  camera?: Camera | null;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The embed view's URL for a story, opening on a time, place and view when given.
 * @example embedUrl('https://x.org/', 'iraq', { time: Date.UTC(2014, 5, 13, 12) }) // 'https://x.org/?embed&story=iraq&t=2014-06-13T12:00Z'
 */
export function embedUrl(appUrl: string, storyId: string, start: EmbedStart = {}): string {
  let query = `?embed&story=${encodeURIComponent(storyId)}`;
  if (start.time != null && Number.isFinite(start.time)) query += `&t=${formatUrlTime(start.time)}`;
  if (start.place) query += `&place=${encodeURIComponent(start.place)}`;
  if (start.camera) query += `&view=${formatUrlView(start.camera)}`;
  return new URL(query, appUrl).href;
}

/**
 * A plain iframe, made responsive by `embed.js` (any of the three height formats works without it
 * on hosts that already listen for pym, Datawrapper or AMP messages).
 * @example iframeEmbedCode({ appUrl: 'https://x.org/', storyId: 'iraq', title: 'Iraq' })
 */
export function iframeEmbedCode(options: EmbedCodeOptions): string {
  const { appUrl, storyId, title, height = 640, view } = options;
  const src = embedUrl(appUrl, storyId, view);
  return (
    `<iframe src="${attr(src)}" title="${attr(title)}" data-liveblog-map width="100%" height="${height}" ` +
    `style="border:0;width:100%;max-width:800px" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>\n` +
    `<script src="${attr(new URL('embed.js', appUrl).href)}" async></script>`
  );
}

/** The same embed for pages that load pym.js (NPR's) themselves. */
export function pymEmbedCode(options: EmbedCodeOptions): string {
  const id = `liveblog-map-${options.storyId.replace(/[^\w-]/g, '')}`;
  return (
    `<div id="${id}"></div>\n` +
    `<script>new pym.Parent(${JSON.stringify(id)}, ${JSON.stringify(embedUrl(options.appUrl, options.storyId, options.view)).replace(/</g, '\\u003c')}, {title: ${JSON.stringify(options.title).replace(/</g, '\\u003c')}});</script>`
  );
}
