/**
 * Copy-paste embed code for a story: a plain iframe plus the small host script that sizes it,
 * or the pym.js form newsrooms already use.
 */

export interface EmbedCodeOptions {
  /** Absolute URL of the app's folder, e.g. `https://maps.example.org/liveblog/`. */
  appUrl: string;
  storyId: string;
  title: string;
  /** Start height before the frame reports its own. */
  height?: number;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The embed view's URL for a story. */
export function embedUrl(appUrl: string, storyId: string): string {
  return new URL(`?embed&story=${encodeURIComponent(storyId)}`, appUrl).href;
}

/**
 * A plain iframe, made responsive by `embed.js` (any of the three height formats works without it
 * on hosts that already listen for pym, Datawrapper or AMP messages).
 * @example iframeEmbedCode({ appUrl: 'https://x.org/', storyId: 'iraq', title: 'Iraq' })
 */
export function iframeEmbedCode(options: EmbedCodeOptions): string {
  const { appUrl, storyId, title, height = 640 } = options;
  const src = embedUrl(appUrl, storyId);
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
    `<script>new pym.Parent(${JSON.stringify(id)}, ${JSON.stringify(embedUrl(options.appUrl, options.storyId)).replace(/</g, '\\u003c')}, {title: ${JSON.stringify(options.title).replace(/</g, '\\u003c')}});</script>`
  );
}
