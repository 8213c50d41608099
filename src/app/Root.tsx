/** Picks the page's view from the store's mode: the app, the article embed, the presentation or the review. */
import { useStore } from '../state/use-store.ts';
import { App } from './App.tsx';
import { lazyView } from './lazy-view.tsx';
import './share.css';

const EmbedView = lazyView(() => import('./EmbedView.tsx').then((m) => m.EmbedView));
const PresentView = lazyView(() => import('./PresentView.tsx').then((m) => m.PresentView));
const ReviewView = lazyView(() => import('./review/ReviewView.tsx').then((m) => m.ReviewView));

export function Root() {
  const mode = useStore((s) => s.mode);
  if (mode === 'embed') return <EmbedView />;
  if (mode === 'present') return <PresentView />;
  if (mode === 'review') return <ReviewView />;
  return <App />;
}
