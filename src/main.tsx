/** Entry point: mounts the app, starts playback and URL sync, loads the story from the URL. */
import { render } from 'preact';
import { App } from './app/App.tsx';
import './app/app.css';
import { startPlayback } from './state/playback.ts';
import { store } from './state/store.ts';
import { applyUrlState, parseUrlState, syncUrl } from './state/url-state.ts';

/** Story shown when the URL names none (overridable at build time). */
const DEFAULT_STORY: string = import.meta.env.VITE_DEFAULT_STORY ?? 'iraq-2014-06-13';

async function start(): Promise<void> {
  startPlayback(store);
  render(<App />, document.getElementById('app')!);
  const list = await store.getState().loadIndex();
  const fallback = list.length === 0 || list.some((s) => s.id === DEFAULT_STORY) ? DEFAULT_STORY : list[0].id;
  await applyUrlState(store, parseUrlState(location.search), fallback);
  syncUrl(store, fallback);
}

void start();
