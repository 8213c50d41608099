/**
 * The article embed (`?embed&story=…`), laid out for 300–800 px: title and a one-line key, map,
 * slider, the latest report, credits and a link to the full map. It posts its height to the host page.
 */
import { useEffect, useRef } from 'preact/hooks';
import { readEmbedParams } from '../embed/embed-params.ts';
import { startFrameResizer } from '../embed/frame-resizer.ts';
import { formatUrlTime, formatUrlView } from '../state/url-state.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor, theme } from '../theme.ts';
import { CurrentEntry } from './CurrentEntry.tsx';
import { LiveNotice } from './LiveNotice.tsx';
import { MapView } from './MapView.tsx';
import { PlaceCard } from './PlaceCard.tsx';
import { shareStrings as t, strings } from './strings.ts';
import { TimeSlider } from './TimeSlider.tsx';

export function EmbedView() {
  const model = useStore((s) => s.model);
  const status = useStore((s) => s.status);
  const error = useStore((s) => s.error);
  const storyId = useStore((s) => s.storyId);
  const minute = useStore((s) => Math.floor(s.time / 60_000));
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.documentElement.classList.add('embed-mode');
    if (!root.current) return;
    return startFrameResizer(readEmbedParams(location.search, storyId ?? 'liveblog-map'), { measure: root.current });
  }, [storyId]);

  // The full map opens where the reader is in the embed: time, place and view.
  const placeId = useStore((s) => s.placeId);
  const camera = useStore((s) => s.camera);
  const full = new URL('.', location.href);
  if (storyId) full.searchParams.set('story', storyId);
  if (model) full.searchParams.set('t', formatUrlTime(minute * 60_000));
  if (placeId) full.searchParams.set('place', placeId);
  if (camera) full.searchParams.set('view', formatUrlView(camera));

  return (
    <div class="embed" ref={root}>
      {!model ? (
        <p class="embed-status" role={status === 'error' ? 'alert' : 'status'}>
          {status === 'error' ? strings.loadError(error ?? '') : strings.loading}
        </p>
      ) : (
        <>
          <header class="embed-head">
            <p class="kicker">{strings.appName}</p>
            <h1>{model.story.title}</h1>
            <ul class="embed-key" aria-label={strings.legendTitle}>
              {model.story.actors.map((a) => (
                <li key={a.id}>
                  <span class="dot" style={{ background: actorColor(model.story.actors, a.id) }} aria-hidden="true" />
                  {a.name.replace(/\s*\(.*\)$/, '')}
                </li>
              ))}
              <li>
                <span class="dot dot-contested" aria-hidden="true" />
                {strings.contested}
              </li>
              <li>
                <span class="dot" style={{ background: theme.unknown }} aria-hidden="true" />
                {strings.unknown}
              </li>
            </ul>
          </header>
          <section class="map-col" aria-label={strings.mapLabel}>
            <MapView />
            <LiveNotice />
            <PlaceCard />
            <TimeSlider />
          </section>
          <CurrentEntry />
          <footer class="embed-foot">
            <span>
              {t.credit(model.outlets.map((o) => o.publisher).join(', '))} · {t.mapCredit}
            </span>
            <a href={full.href} target="_blank" rel="noopener">
              {t.openFull} ↗
            </a>
          </footer>
        </>
      )}
    </div>
  );
}
