/**
 * Creates the MapLibre map for a story: offline basemap (or a deployer's style URL), story
 * layers, and the store binding. The caller owns the container and calls `destroy`.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { strings } from '../app/strings.ts';
import type { AppStore } from '../state/store.ts';
import type { StoryModel } from '../state/story-model.ts';
import { addCountryLabels, basemapStyle, countryLabels, loadBasemap } from './basemap.ts';
import { bindMapToStore } from './bind-map.ts';
import { isMappedTown } from './story-data.ts';
import { addClearanceImage, addStoryLayers, AFTER_FIRST_IDLE_LAYERS, storyStyle } from './story-layers.ts';

maplibregl.setWorkerUrl(workerUrl);

/** Performance mark set at the first `idle` of the page's first map (read by the bench). */
export const FIRST_IDLE_MARK = 'map-first-idle';

/**
 * Starts MapLibre's workers (loading and compiling their script) before the first map needs
 * them, so that happens while the story loads.
 * @example prewarmMap()
 */
export function prewarmMap(): void {
  maplibregl.prewarm();
}

export interface StoryMap {
  map: maplibregl.Map;
  /** Shows a newer version of the same story on this map: the view stays, what changed ripples. */
  update: (model: StoryModel) => void;
  destroy: () => void;
}

let webgl: boolean | undefined;

/** Whether this browser can draw a MapLibre map at all (asked once: each probe costs a context). */
export function hasWebgl(): boolean {
  if (webgl !== undefined) return webgl;
  try {
    const canvas = document.createElement('canvas');
    webgl = !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    webgl = false;
  }
  return webgl;
}

/** Bounds of the story's theatre towns, for the initial view. */
export function theatreBounds(model: StoryModel): [number, number, number, number] | null {
  const coords = model.story.places.features.filter(isMappedTown).map((f) => f.geometry.coordinates);
  if (!coords.length) return null;
  const lngs = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/**
 * Bounds for the opening view: the towns where the story's own reports put changes of control,
 * clashes and strikes (events timed within its span), so the places the story is about get the
 * room; the theatre's bounds when there are none.
 * @example openingBounds(model) // [43.68, 33.75, 45.17, 35.47] for a story about Diyala and Kirkuk
 */
export function openingBounds(model: StoryModel): [number, number, number, number] | null {
  const ids = new Set<string>();
  for (const f of model.story.events?.features ?? []) {
    const t = Date.parse(f.properties.time);
    if (t >= model.start && t <= model.end) ids.add(f.properties.placeId);
  }
  const coords = [...ids]
    .map((id) => model.placeById.get(id))
    .filter((f) => f && isMappedTown(f))
    .map((f) => f!.geometry.coordinates);
  if (!coords.length) return theatreBounds(model);
  const lngs = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/**
 * Padding of the opening view: room for the legend (top left) and the card (right) on wide
 * screens; on narrow ones for the legend's closed summary only (the embed has no legend).
 */
function openingPadding(container: HTMLElement, embed: boolean) {
  if (container.clientWidth >= 700) return { top: 50, bottom: 50, left: 250, right: 80 };
  const side = Math.round(Math.min(40, container.clientWidth * 0.08));
  return { top: embed ? side : 48, bottom: side, left: side, right: side };
}

/**
 * @param options.styleUrl - a hosted style to use instead of the offline basemap
 */
export async function createStoryMap(
  container: HTMLElement,
  store: AppStore,
  model: StoryModel,
  options: { styleUrl?: string } = {},
): Promise<StoryMap> {
  const theatre = model.story.places.features.filter(isMappedTown).map((f) => f.geometry.coordinates as [number, number]);
  const bounds = theatreBounds(model);
  const camera = store.getState().camera;
  // A camera from the URL may look anywhere: then the whole world is drawn from the start.
  const base = await loadBasemap(theatre, camera ? null : bounds);
  const padding = openingPadding(container, store.getState().mode === 'embed');
  const opening = openingBounds(model);
  // Labels start with who holds what at the opening time, so the first frame needs no rebuild.
  const openingTime = store.getState().time;
  const story = storyStyle(model, model.control.at(openingTime));
  // Country names join at the first idle (`addCountryLabels`): the first frames are for the
  // story's towns (docs/performance.md).
  const style = options.styleUrl ?? basemapStyle(base, story);
  const map = new maplibregl.Map({
    container,
    style,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    ...(camera ? { center: camera.center, zoom: camera.zoom } : opening ? { bounds: opening, fitBoundsOptions: { padding, maxZoom: 8 } } : { center: [0, 20], zoom: 1.5 }),
    dragRotate: false,
    pitchWithRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    fadeDuration: 0,
    locale: strings.mapUi,
  });
  map.once('idle', () => {
    // For `npm run bench` (bench/startup.ts): the page's first map idle, as a performance mark.
    if (!performance.getEntriesByName(FIRST_IDLE_MARK).length) performance.mark(FIRST_IDLE_MARK);
    if (!store.getState().mapSettled) store.getState().setView({ mapSettled: true });
    for (const id of AFTER_FIRST_IDLE_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible');
    if (!options.styleUrl) addCountryLabels(map, countryLabels(base.countries), story.layers[0]?.id);
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  const clip = base.countries.features.filter((f) => f.properties.focus);
  let unbind = () => {};
  const drawn = new Map<string, string>();
  const whole = !options.styleUrl && base.nearby.features.length < base.countries.features.length;
  try {
    await new Promise<void>((resolve, reject) => {
      // Bound as soon as the style is read, before tiles arrive: the first frame has the colours.
      // MapLibre swallows what a 'style.load' listener throws, so it is passed on here.
      map.once('style.load', () => {
        try {
          addClearanceImage(map);
          if (options.styleUrl) addStoryLayers(map, story);
          unbind = bindMapToStore(map, store, model, clip, { labelsAt: openingTime, drawn });
        } catch (err) {
          reject(err);
        }
      });
      map.once('load', () => {
        // 'load' and the first 'idle' can come in the same frame: listen before returning.
        if (whole) map.once('idle', () => (map.getSource('countries') as maplibregl.GeoJSONSource | undefined)?.setData(base.countries));
        resolve();
      });
      map.once('error', (e) => reject(e.error ?? new Error('map error')));
    });
  } catch (err) {
    unbind();
    map.remove();
    throw err;
  }
  return {
    map,
    update: (next) => {
      unbind();
      unbind = bindMapToStore(map, store, next, clip, { drawn });
    },
    destroy: () => {
      unbind();
      map.remove();
    },
  };
}
