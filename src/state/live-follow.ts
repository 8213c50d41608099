/**
 * Follows a live story: while the shown story says `live: true`, asks its own URL for a newer
 * version every `refreshSeconds` (a conditional request; `refreshStory`). Nothing is asked while
 * the tab is hidden, for a story that is not live, or for one not fetched from the site.
 */
import type { AppStore } from './store.ts';

/** Seconds between re-fetches when the story names none. */
export const DEFAULT_REFRESH_SECONDS = 60;
/** The shortest interval a story may ask for. */
export const MIN_REFRESH_SECONDS = 15;
/** The shortest interval on a page served from this machine (previews and browser tests). */
export const LOCAL_MIN_REFRESH_SECONDS = 1;

/**
 * Seconds between two re-fetches of a story asking for `requested`: 60 when it asks for none,
 * never under the floor.
 * @example refreshInterval(5, 'example.org') // 15
 * @example refreshInterval(2, '127.0.0.1') // 2
 */
export function refreshInterval(requested: number | undefined, hostname: string): number {
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  const floor = local ? LOCAL_MIN_REFRESH_SECONDS : MIN_REFRESH_SECONDS;
  const seconds = typeof requested === 'number' && Number.isFinite(requested) ? requested : DEFAULT_REFRESH_SECONDS;
  return Math.max(floor, seconds);
}

/**
 * Starts following the store's story when it is live.
 * @returns a function that stops following.
 * @example const stop = followLiveStory(store);
 */
export function followLiveStory(store: AppStore, env: { document: Document; hostname: string } = { document, hostname: location.hostname }): () => void {
  const doc = env.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let last = performance.now();

  const wanted = (): number | null => {
    const s = store.getState();
    if (doc.hidden || s.status !== 'ready' || !s.source || s.model?.story.live !== true) return null;
    return refreshInterval(s.model.story.refreshSeconds, env.hostname) * 1000;
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    const every = wanted();
    if (every === null || busy) return;
    // Back from a hidden tab after a long while: ask at once, not a whole interval later.
    timer = setTimeout(poll, Math.max(0, last + every - performance.now()));
  };

  const poll = async () => {
    timer = undefined;
    if (wanted() === null) return;
    busy = true;
    last = performance.now();
    try {
      await store.getState().refreshStory();
    } finally {
      busy = false;
      schedule();
    }
  };

  const unsubscribe = store.subscribe((s, p) => {
    if (s.source !== p.source || s.status !== p.status || s.model?.story.live !== p.model?.story.live || s.model?.story.refreshSeconds !== p.model?.story.refreshSeconds) {
      // A story just shown counts from when it was fetched.
      if (s.source?.url !== p.source?.url) last = performance.now();
      schedule();
    }
    // A reader who reaches the latest time has seen the new updates.
    if (s.newUpdates > 0 && s.model && s.time >= s.model.end) store.setState({ newUpdates: 0 });
  });
  const onVisibility = () => schedule();
  doc.addEventListener('visibilitychange', onVisibility);
  schedule();
  return () => {
    clearTimeout(timer);
    unsubscribe();
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
