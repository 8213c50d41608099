/** Legend of actors (colour and name), symbol meanings and the estimated-areas toggle. */
import { useState } from 'preact/hooks';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor, theme } from '../theme.ts';
import { strings } from './strings.ts';

export function Legend() {
  const actors = useStore((s) => s.model?.story.actors ?? []);
  const showAreas = useStore((s) => s.showAreas);
  // Open on wide screens; on phones (and short windows, e.g. zoomed to 200 %) a tap opens it,
  // so it does not cover the map; the review's small map starts with it closed too.
  const [open] = useState(() => store.getState().mode !== 'review' && !window.matchMedia('(max-width: 599px), (max-height: 559px)').matches);
  return (
    <details class="legend" open={open}>
      <summary class="legend-title">{strings.legendTitle}</summary>
      <ul>
        {actors.map((a) => (
          <li key={a.id}>
            <span class="dot" style={{ background: actorColor(actors, a.id) }} aria-hidden="true" />
            {a.name}
          </li>
        ))}
        <li>
          <span class="dot" style={{ background: theme.unknown }} aria-hidden="true" />
          {strings.unknown}
        </li>
        <li>
          <span class="dot dot-baseline" aria-hidden="true" />
          {strings.legendBaseline}
        </li>
        <li>
          <span class="dot dot-contested" aria-hidden="true" />
          {strings.contested}
        </li>
        <li>
          <span class="dot dot-approx" aria-hidden="true" />
          {strings.approximate}
        </li>
      </ul>
      <label class="legend-toggle">
        <input
          type="checkbox"
          checked={showAreas}
          onChange={(e) => store.getState().setView({ showAreas: (e.target as HTMLInputElement).checked })}
        />
        {strings.areasToggle}
      </label>
      {showAreas ? <p class="legend-note">{strings.areasNote}</p> : null}
    </details>
  );
}
