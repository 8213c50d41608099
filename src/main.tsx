/**
 * Entry point: mounts the app (or the embed or presentation view the URL asks for), starts
 * playback and URL sync, loads the story from the URL.
 */
import { render } from 'preact';
// app.css after the components: it overrides maplibre-gl.css (`.map` stays absolutely placed).
import { Root } from './app/Root.tsx';
import { strings } from './app/strings.ts';
import './app/app.css';
import { linkOembed } from './embed/oembed-link.ts';
import { followLiveStory } from './state/live-follow.ts';
import { readMode } from './state/mode-slice.ts';
import { startPlayback } from './state/playback.ts';
import { prefetchStory } from './state/story-slice.ts';
import { store } from './state/store.ts';
import { applyUrlState, parseUrlState, syncUrl } from './state/url-state.ts';

/** Story shown when the URL names none (overridable at build time). */
const DEFAULT_STORY: string = import.meta.env.VITE_DEFAULT_STORY ?? 'iraq-2014-06-13';

async function start(): Promise<void> {
  // The translation decides the page's language and direction (Arabic: `ar`, `rtl`).
  document.documentElement.lang = strings.lang;
  document.documentElement.dir = strings.dir;
  startPlayback(store);
  store.getState().setMode(readMode(location.search));
  linkOembed(store);
  followLiveStory(store);
  const url = parseUrlState(location.search);
  // The site's default story is fetched alongside the index, not after it. A story the URL names
  // waits for the index: a URL must not make the page request a file the site does not list.
  if ((url.story ?? DEFAULT_STORY) === DEFAULT_STORY) prefetchStory(DEFAULT_STORY);
  render(<Root />, document.getElementById('app')!);
  const list = await store.getState().loadIndex();
  const fallback = list.length === 0 || list.some((s) => s.id === DEFAULT_STORY) ? DEFAULT_STORY : list[0].id;
  await applyUrlState(store, url, fallback);
  // An embed never writes history: it would add steps to the host page's Back button.
  if (store.getState().mode !== 'embed') syncUrl(store, fallback);
}

void start();
