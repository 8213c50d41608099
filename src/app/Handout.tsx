/**
 * The printed handout: the map at the selected time (the canvas as an image) and the table of
 * changes of control up to then, each with the outlets and sentence that reported it.
 * It is in the DOM only while printing (`share.css` then shows only it): a story with thousands
 * of changes would otherwise keep a table of thousands of rows on the page, re-rendered each
 * minute of playback.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { currentMap, mapSnapshot } from '../map/current-map.ts';
import { describeWhen, momentWords } from '../state/time-words.ts';
import { store } from '../state/store.ts';
import type { StoryModel } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor } from '../theme.ts';
import { shareStrings as t, strings } from './strings.ts';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * The map picture for the handout, with every town of its table in it: when one is out of view
 * (a phone's narrow map, a reader zoomed in), the map is framed on them for the picture and then
 * put back.
 */
async function handoutPicture(map: MaplibreMap): Promise<string> {
  const s = store.getState();
  const ids = new Set((s.model?.changes ?? []).filter((c) => c.time <= s.time).map((c) => c.placeId));
  const coords = [...ids].flatMap((id) => {
    const f = s.model?.placeById.get(id);
    return f ? [f.geometry.coordinates as [number, number]] : [];
  });
  const view = map.getBounds();
  if (coords.every((c) => view.contains(c))) return mapSnapshot(map);
  const lngs = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  const fit = map.cameraForBounds(
    [
      [Math.min(...lngs), Math.min(...lats)],
      [Math.max(...lngs), Math.max(...lats)],
    ],
    { padding: Math.min(40, map.getCanvas().clientWidth / 10), maxZoom: 8 },
  );
  if (!fit) return mapSnapshot(map);
  const back = { center: map.getCenter(), zoom: map.getZoom() };
  const idle = new Promise((resolve) => map.once('idle', resolve));
  map.jumpTo(fit);
  await idle;
  const picture = await mapSnapshot(map);
  map.jumpTo(back);
  return picture;
}

/** Takes the map picture, puts the handout on the page, then opens the print dialog. */
export async function printHandout(): Promise<void> {
  const map = currentMap();
  store.getState().setHandout(map ? await handoutPicture(map) : '');
  await nextFrame();
  window.print();
  // Where printing is blocked (a sandboxed frame) no `afterprint` comes: the reader's next move
  // takes the handout away all the same.
  const done = () => store.getState().setHandout(null);
  for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, done, { once: true, capture: true });
}

// Ctrl+P too. `beforeprint` comes before the print layout, and the handout renders in the
// microtask after this listener; the canvas is kept (preserveDrawingBuffer), so reading it
// synchronously gives the current map.
window.addEventListener('beforeprint', () => {
  if (store.getState().handout !== null) return;
  store.getState().setHandout(currentMap()?.getCanvas().toDataURL('image/png') ?? '');
});
window.addEventListener('afterprint', () => store.getState().setHandout(null));

export function Handout() {
  const model = useStore((s) => s.model);
  const picture = useStore((s) => s.handout);
  return model && picture !== null ? <HandoutSheet model={model} picture={picture} /> : null;
}

function HandoutSheet({ model, picture }: { model: StoryModel; picture: string }) {
  const time = Math.floor(useStore((s) => s.time) / 60_000) * 60_000;
  const { story } = model;
  const name = (id: string | undefined) => (id ? (model.actorById.get(id)?.name ?? id) : '');
  const changes = model.changes.filter((c) => c.time <= time);
  const at = momentWords(time, model.days);
  return (
    <section class="handout" aria-hidden="true">
      <header>
        <p class="kicker">{strings.appName}</p>
        <h1>{story.title}</h1>
        <p class="handout-meta">
          {t.handoutAt(`${at.date}, ${at.clock}`)} · {t.credit(model.outlets.map((o) => o.publisher).join(', '))}
        </p>
      </header>
      {picture ? <img id="handout-map" src={picture} alt="" /> : null}
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
                  <td class="nowrap" data-precision={c.when.certainty}>
                    {describeWhen(c.when, model.days, { marker: true })}
                  </td>
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
