/**
 * The live MapLibre map of the page (MapView publishes it on `window.__storyMap`), for the
 * pieces that act on the drawn map outside the store binding: presentation camera, PNG, handout.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

/** The map when one is drawn. */
export function currentMap(): MaplibreMap | undefined {
  return window.__storyMap;
}

/**
 * The map canvas as a PNG data URL, taken right after a fresh render (the map is created with
 * `preserveDrawingBuffer`, so this also works between renders).
 */
export function mapSnapshot(map: MaplibreMap): Promise<string> {
  return new Promise((resolve) => {
    map.once('render', () => resolve(map.getCanvas().toDataURL('image/png')));
    map.triggerRepaint();
  });
}
