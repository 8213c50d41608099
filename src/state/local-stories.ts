/**
 * Stories that did not come from the site (imported or opened from a file) are kept in this
 * browser tab's `sessionStorage`, so a reload (or a link opened in the same tab) finds them again;
 * closing the tab forgets them. Their ids start with `local-` and carry a hash of the story, so two
 * blogs from one publisher never share an id and never shadow a story of the site.
 */
import type { Story } from '../pipeline/types.ts';

const PREFIX = 'local-';
const KEY = 'liveblog-map:';

/** Whether a story id names a story kept in the tab rather than a file of the site. */
export function isLocalStoryId(id: string): boolean {
  return id.startsWith(PREFIX);
}

/** 32-bit FNV-1a of a string, as 7 base-36 digits. */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/**
 * The id an imported story is shown under: `local-<its id>-<hash of its content>`.
 * @example localStoryId(story) // 'local-cnn-1x9k2qa'
 */
export function localStoryId(story: Story): string {
  const base = story.id.replace(/^local-/, '').replace(/[^\w.-]+/g, '-').slice(0, 40) || 'story';
  return `${PREFIX}${base}-${hashText(JSON.stringify(story))}`;
}

/**
 * Keeps a story in the tab under its local id.
 * @returns false when the browser refuses (storage full or blocked): the story then lives in the page only.
 */
export function keepLocalStory(id: string, story: Story): boolean {
  try {
    sessionStorage.setItem(KEY + id, JSON.stringify(story));
    return true;
  } catch {
    return false;
  }
}

/** The story kept in this tab under an id, or null when the tab has none (another tab, or closed since). */
export function readLocalStory(id: string): Story | null {
  try {
    const text = sessionStorage.getItem(KEY + id);
    return text ? (JSON.parse(text) as Story) : null;
  } catch {
    return null;
  }
}
