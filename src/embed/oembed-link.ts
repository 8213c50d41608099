/**
 * Keeps a `<link rel="alternate" type="application/json+oembed">` in the head pointing at the
 * shown story's static oEmbed file (written by `npm run build:stories`), so tools that read the
 * page after its scripts ran can discover the embed.
 */
import type { AppStore } from '../state/store.ts';

/** @returns a function that stops updating and removes the link. */
export function linkOembed(store: AppStore): () => void {
  const link = document.createElement('link');
  link.rel = 'alternate';
  link.type = 'application/json+oembed';
  const update = (storyId: string | null, title: string) => {
    // Imported stories have no oEmbed file on the server: no link for them.
    const listed = store.getState().stories.some((s) => s.id === storyId);
    if (!storyId || !listed) return link.remove();
    link.href = new URL(`stories/${encodeURIComponent(storyId)}.oembed.json`, document.baseURI).href;
    link.title = title;
    if (!link.isConnected) document.head.append(link);
  };
  const unsubscribe = store.subscribe((s, p) => {
    if (s.model !== p.model) update(s.storyId, s.model?.story.title ?? '');
  });
  return () => {
    unsubscribe();
    link.remove();
  };
}
