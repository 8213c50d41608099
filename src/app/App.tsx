/** The page: header, map with slider, entries; loading and error states. */
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { AboutPanel } from './AboutPanel.tsx';
import { EntriesPanel } from './EntriesPanel.tsx';
import { Handout } from './Handout.tsx';
import { Header } from './Header.tsx';
import { LiveNotice } from './LiveNotice.tsx';
import { MapView } from './MapView.tsx';
import { PlaceCard } from './PlaceCard.tsx';
import { ShareBar } from './ShareBar.tsx';
import { strings } from './strings.ts';
import { TimeSlider } from './TimeSlider.tsx';

export function App() {
  const status = useStore((s) => s.status);
  const error = useStore((s) => s.error);
  const hasModel = useStore((s) => s.model !== null);
  if (status === 'error' && !hasModel) {
    return (
      <div class="status-page" role="alert">
        <p>{strings.loadError(error ?? '')}</p>
        <button type="button" onClick={() => location.reload()}>
          {strings.retry}
        </button>
        <a href="?">{strings.openSiteStories}</a>
      </div>
    );
  }
  if (!hasModel) {
    return (
      <div class="status-page" aria-busy="true">
        <div class="spinner" aria-hidden="true" />
        <p>{strings.loading}</p>
      </div>
    );
  }
  return (
    <div class="app">
      <Header />
      <ShareBar />
      <main class="layout">
        <section class="map-col" aria-label={strings.mapLabel}>
          <MapView />
          <LiveNotice />
          <PlaceCard />
          <TimeSlider />
        </section>
        <EntriesPanel />
      </main>
      <AboutPanel onClose={() => store.getState().setView({ aboutOpen: false })} />
      <Handout />
    </div>
  );
}
