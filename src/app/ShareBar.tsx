/**
 * Present, embed, download, print and import: the ways to take the map elsewhere.
 * Dialogs, exporters and the import pipeline are loaded only when asked for.
 */
import { useRef, useState } from 'preact/hooks';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import type { DownloadKind } from './downloads.ts';
import { printHandout } from './Handout.tsx';
import { lazyView } from './lazy-view.tsx';
import { reviewStrings, shareStrings as t } from './strings.ts';

const ImportDialog = lazyView(() => import('./ImportDialog.tsx').then((m) => m.ImportDialog));
const EmbedDialog = lazyView(() => import('./EmbedDialog.tsx').then((m) => m.EmbedDialog));

declare global {
  interface Window {
    /** Set by the single-file build: no server to fetch the gazetteer from, so no import. */
    __LIVEMAP_SINGLE__?: boolean;
  }
}

const DOWNLOADS: [DownloadKind, string][] = [
  ['csv', t.downloadCsv],
  ['geojson', t.downloadGeojson],
  ['kml', t.downloadKml],
  ['control', t.downloadControl],
  ['png', t.downloadPng],
  ['story', t.downloadStory],
];

export function ShareBar() {
  const [open, setOpen] = useState<'embed' | 'import' | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const choose = (kind: DownloadKind) => {
    if (menu.current) menu.current.open = false;
    void import('./downloads.ts').then((m) => m.downloadCurrent(kind));
  };
  const local = useStore((s) => s.localStory);
  return (
    <div class="share-bar">
      {local ? (
        <p class="local-note" role="status">
          {local === 'kept' ? t.localBadge : t.localUnsaved}{' '}
          <button type="button" class="link-button" onClick={() => choose('story')}>
            {t.localKeep}
          </button>
        </p>
      ) : null}
      {local ? (
        <button type="button" class="share-button" data-review="open" onClick={() => store.getState().setMode('review')}>
          {reviewStrings.open}
        </button>
      ) : null}
      <button type="button" class="share-button" onClick={() => enterPresent()}>
        {t.present}
      </button>
      <button type="button" class="share-button" onClick={() => setOpen('embed')}>
        {t.embed}
      </button>
      <details class="share-menu" ref={menu}>
        <summary class="share-button">{t.download}</summary>
        <ul>
          {DOWNLOADS.map(([kind, label]) => (
            <li key={kind}>
              <button type="button" data-download={kind} onClick={() => choose(kind)}>
                {label}
              </button>
            </li>
          ))}
          <li>
            <button type="button" onClick={() => (menu.current && (menu.current.open = false), void printHandout())}>
              {t.handout}
            </button>
          </li>
        </ul>
      </details>
      {window.__LIVEMAP_SINGLE__ ? null : (
        <button type="button" class="share-button" onClick={() => setOpen('import')}>
          {t.importOpen}
        </button>
      )}
      {open === 'embed' ? <EmbedDialog onClose={() => setOpen(null)} /> : null}
      {open === 'import' ? <ImportDialog onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

/** Enters the presentation, full screen when the browser allows it. */
export function enterPresent(): void {
  store.getState().setMode('present');
  document.documentElement.requestFullscreen?.().catch(() => {});
}
