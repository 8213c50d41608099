/** Legend of actors (colour and name), symbol meanings and the estimated-areas toggle. */
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { theme } from '../theme.ts';
import { strings } from './strings.ts';

export function Legend() {
  const actors = useStore((s) => s.model?.story.actors ?? []);
  const showAreas = useStore((s) => s.showAreas);
  return (
    <div class="legend" aria-label={strings.legendTitle}>
      <p class="legend-title">{strings.legendTitle}</p>
      <ul>
        {actors.map((a) => (
          <li key={a.id}>
            <span class="dot" style={{ background: a.color }} aria-hidden="true" />
            {a.name}
          </li>
        ))}
        <li>
          <span class="dot" style={{ background: theme.unknown }} aria-hidden="true" />
          {strings.unknown}
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
    </div>
  );
}
