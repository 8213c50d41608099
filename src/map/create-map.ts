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
import { basemapStyle, loadBasemap } from './basemap.ts';
import { bindMapToStore } from './bind-map.ts';
import { isMappedTown } from './story-data.ts';
import { addStoryLayers, storyStyle } from './story-layers.ts';

maplibregl.setWorkerUrl(workerUrl);

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
  // Leave room for the legend (top left) on wide screens and the card (top right) when open.
  const wide = container.clientWidth >= 700;
  const padding = wide ? { top: 50, bottom: 50, left: 250, right: 80 } : { top: 40, bottom: 90, left: 30, right: 40 };
  // Labels start with who holds what at the opening time, so the first frame needs no rebuild.
  const opening = store.getState();
  const story = storyStyle(model, model.control.at(opening.time));
  const style = options.styleUrl ?? basemapStyle(base, story);
  const map = new maplibregl.Map({
    container,
    style,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    ...(camera ? { center: camera.center, zoom: camera.zoom } : bounds ? { bounds, fitBoundsOptions: { padding, maxZoom: 8 } } : { center: [0, 20], zoom: 1.5 }),
    dragRotate: false,
    pitchWithRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    fadeDuration: 0,
    locale: strings.mapUi,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  const clip = base.countries.features.filter((f) => f.properties.focus);
  let unbind = () => {};
  const whole = !options.styleUrl && base.nearby.features.length < base.countries.features.length;
  try {
    await new Promise<void>((resolve, reject) => {
      // Bound as soon as the style is read, before tiles arrive: the first frame has the colours.
      // MapLibre swallows what a 'style.load' listener throws, so it is passed on here.
      map.once('style.load', () => {
        try {
          if (options.styleUrl) addStoryLayers(map, story);
          unbind = bindMapToStore(map, store, model, clip, { labelsAt: opening.time });
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
    destroy: () => {
      unbind();
      map.remove();
    },
  };
}
