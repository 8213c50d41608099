/**
 * What the Download menu does: the loaded story's events, its periods of control, who holds what
 * at the selected time, the story itself, the view as PNG.
 */
import { controlAtToGeoJson } from '../export/control-geojson.ts';
import { eventsToCsv } from '../export/events-csv.ts';
import { eventsToGeoJson } from '../export/events-geojson.ts';
import { downloadBlob, downloadText } from '../export/download.ts';
import { eventsToKml } from '../export/kml.ts';
import { pngLegend } from '../export/png-legend.ts';
import type { PlaceControl } from '../pipeline/control/control-at.ts';
import { viewToPng } from '../export/view-png.ts';
import { currentMap } from '../map/current-map.ts';
import { formatTime } from '../state/format.ts';
import { store } from '../state/store.ts';
import { pngStrings } from './strings.ts';


/** Who holds what, only for the places inside the map's view: the PNG's legend speaks of what it shows. */
function inView(control: Map<string, PlaceControl>, map: NonNullable<ReturnType<typeof currentMap>>): Map<string, PlaceControl> {
  const bounds = map.getBounds();
  const model = store.getState().model!;
  return new Map(
    [...control].filter(([id]) => {
      const place = model.placeById.get(id);
      return !!place && bounds.contains(place.geometry.coordinates as [number, number]);
    }),
  );
}

export type DownloadKind = 'geojson' | 'csv' | 'kml' | 'control' | 'png' | 'story';

/** Saves the chosen download of the loaded story; does nothing before a story is loaded. */
export async function downloadCurrent(kind: DownloadKind): Promise<void> {
  const { model, time } = store.getState();
  if (!model) return;
  const { story } = model;
  const name = story.id;
  const stamp = new Date(time).toISOString().slice(0, 16).replace(':', '');
  if (kind === 'geojson') downloadText(`${name}-events.geojson`, eventsToGeoJson(story), 'application/geo+json');
  else if (kind === 'csv') downloadText(`${name}-events.csv`, eventsToCsv(story), 'text/csv');
  else if (kind === 'kml') downloadText(`${name}.kml`, eventsToKml(story), 'application/vnd.google-earth.kml+xml');
  else if (kind === 'control') downloadText(`${name}-control-${stamp}Z.geojson`, controlAtToGeoJson(story, time), 'application/geo+json');
  else if (kind === 'story') downloadText(`${name}.json`, JSON.stringify(story), 'application/json');
  else {
    const map = currentMap();
    if (!map) return;
    const [day, clock] = formatTime(time, { withDate: true }).split(', ');
    // An outlet with a page a day is credited once, with its first page's address.
    const urls = model.outlets.map(({ publisher, sources: [first] }) => (first.url ? `${publisher} (${first.url})` : publisher));
    const blob = await viewToPng(map, {
      title: story.title,
      time: pngStrings.timeLine(`${day} ${new Date(time).getUTCFullYear()}, ${clock} UTC`),
      legendTitle: pngStrings.legendTitle,
      legend: pngLegend(story, inView(model.control.at(time), map)),
      sources: pngStrings.sources(urls.join(', ')),
      credits: pngStrings.credits,
    });
    downloadBlob(`${name}-${stamp}Z.png`, blob);
  }
}
