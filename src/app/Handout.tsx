/**
 * The printed handout: the map at the selected time (the canvas as an image) and the table of
 * changes of control up to then, each with the outlets and sentence that reported it.
 * Hidden on screen; `share.css` shows only it when printing.
 */
import { currentMap, mapSnapshot } from '../map/current-map.ts';
import { formatTime } from '../state/format.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor } from '../theme.ts';
import { shareStrings as t, strings } from './strings.ts';

const HANDOUT_IMG = 'handout-map';

/** Puts a fresh picture of the map into the handout (also run on the browser's `beforeprint`). */
export async function refreshHandoutMap(): Promise<void> {
  const map = currentMap();
  const img = document.getElementById(HANDOUT_IMG) as HTMLImageElement | null;
  if (!map || !img) return;
  img.src = await mapSnapshot(map);
  await img.decode().catch(() => {});
}

/** Takes the map picture, then opens the print dialog. */
export async function printHandout(): Promise<void> {
  await refreshHandoutMap();
  window.print();
}

// Ctrl+P too: `beforeprint` runs before layout; the canvas is kept (preserveDrawingBuffer), so
// reading it synchronously gives the current map.
window.addEventListener('beforeprint', () => {
  const map = currentMap();
  const img = document.getElementById(HANDOUT_IMG) as HTMLImageElement | null;
  if (map && img) img.src = map.getCanvas().toDataURL('image/png');
});

export function Handout() {
  const model = useStore((s) => s.model);
  const minute = useStore((s) => Math.floor(s.time / 60_000));
  if (!model) return null;
  const time = minute * 60_000;
  const { story } = model;
  const name = (id: string | undefined) => (id ? (model.actorById.get(id)?.name ?? id) : '');
  const changes = model.changes.filter((c) => c.time <= time);
  return (
    <section class="handout" aria-hidden="true">
      <header>
        <p class="kicker">{strings.appName}</p>
        <h1>{story.title}</h1>
        <p class="handout-meta">
          {t.handoutAt(formatTime(time, { withDate: true }))} · {t.credit(story.sources.map((s) => s.publisher).join(', '))}
        </p>
      </header>
      <img id={HANDOUT_IMG} alt="" />
      <ul class="handout-legend">
        {story.actors.map((a) => (
          <li key={a.id}>
            <span class="dot" style={{ background: actorColor(story.actors, a.id) }} />
            {a.name}
          </li>
        ))}
      </ul>
      <h2>{t.handoutChanges}</h2>
      {changes.length === 0 ? (
        <p>{t.handoutNone}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t.handoutTime}</th>
              <th>{t.handoutPlace}</th>
              <th>{t.handoutChange}</th>
              <th>{t.handoutSource}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => {
              const e = model.eventById.get(c.events[0]);
              return (
                <tr key={`${c.placeId}-${c.time}`}>
                  <td class="nowrap">{formatTime(c.time, { withDate: true })}</td>
                  <td>{model.placeById.get(c.placeId)?.properties.name ?? c.placeId}</td>
                  <td>
                    {e?.from ? `${name(e.from)} → ` : ''}
                    <strong>{c.actor === 'contested' ? 'Contested' : name(c.actor)}</strong>
                  </td>
                  <td>
                    {e ? e.sources.map((s) => model.sourceById.get(s)?.publisher ?? s).join(', ') : ''}
                    {e?.quotes[0] ? <q>{e.quotes[0]}</q> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p class="handout-note">{t.handoutNote}</p>
    </section>
  );
}
