/**
 * A story's static oEmbed response (type `rich`), written next to the story by
 * `npm run build:stories` and discovered through a `<link rel="alternate">`.
 */
import { iframeEmbedCode } from './embed-code.ts';

export interface OEmbed {
  version: '1.0';
  type: 'rich';
  html: string;
  width: number;
  height: number;
  title: string;
  provider_name: string;
  provider_url?: string;
}

/**
 * @param options.appUrl - where the app is deployed; relative (`./`) when the build does not know
 * @example buildOembed({ id: 'iraq', title: 'Iraq' }, { appUrl: 'https://x.org/' }).type // 'rich'
 */
export function buildOembed(
  story: { id: string; title: string },
  options: { appUrl: string; providerName?: string; width?: number; height?: number },
): OEmbed {
  const { width = 640, height = 640, providerName = 'Live-blog control map' } = options;
  // A relative app URL still yields valid (if local) code; deployers set SITE_URL for real hosts.
  const base = /^https?:\/\//.test(options.appUrl) ? options.appUrl : new URL(options.appUrl, 'https://example.invalid/').href;
  let html = iframeEmbedCode({ appUrl: base, storyId: story.id, title: story.title, height });
  if (!/^https?:\/\//.test(options.appUrl)) html = html.replaceAll('https://example.invalid/', options.appUrl);
  return {
    version: '1.0',
    type: 'rich',
    html,
    width,
    height,
    title: story.title,
    provider_name: providerName,
    ...(/^https?:\/\//.test(options.appUrl) ? { provider_url: options.appUrl } : {}),
  };
}
