/**
 * The ripple a town makes when it changes hands. Ripples are elements over the map, animated by
 * CSS (`transform` and `opacity`, which the compositor runs without the main thread): animating them
 * in the map's style would redraw the whole map every frame while any town ripples, and a dense
 * story played fast always has one rippling. Placed by `left`/`top`, so the animation owns
 * `transform`.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface Ripple {
  id: string;
  lngLat: [number, number];
  /** The new holder's colour. */
  color: string;
}

export interface Pulses {
  /** Starts (or restarts) these ripples. */
  add: (ripples: Ripple[]) => void;
  /** Ends every ripple and removes the overlay. */
  stop: () => void;
}

/**
 * @param options.max ripples on show at once; the oldest give way (a dense story played fast
 *   changes more towns a second than anyone can follow).
 * @example const pulses = createPulses(map); pulses.add([{ id: 'robotyne', lngLat: [35.84, 47.45], color: '#d55e00' }]);
 */
export function createPulses(map: MapLibreMap, options: { durationMs?: number; max?: number } = {}): Pulses {
  const durationMs = options.durationMs ?? 1600;
  const max = options.max ?? 24;
  const layer = document.createElement('div');
  layer.className = 'pulses';
  layer.setAttribute('aria-hidden', 'true');
  map.getCanvasContainer().appendChild(layer);
  const live = new Map<string, { el: HTMLElement; lngLat: [number, number] }>();

  const place = (r: { el: HTMLElement; lngLat: [number, number] }) => {
    const p = map.project(r.lngLat);
    r.el.style.left = `${p.x}px`;
    r.el.style.top = `${p.y}px`;
  };
  const onMove = () => live.forEach(place);
  const end = (id: string) => {
    live.get(id)?.el.remove();
    live.delete(id);
  };
  map.on('move', onMove);

  return {
    add: (ripples) => {
      for (const { id, lngLat, color } of ripples) {
        end(id);
        while (live.size >= max) end(live.keys().next().value!);
        const el = document.createElement('span');
        el.className = 'pulse';
        el.style.background = color;
        el.style.animationDuration = `${durationMs}ms`;
        const ripple = { el, lngLat };
        el.addEventListener('animationend', () => live.get(id) === ripple && end(id));
        place(ripple);
        layer.appendChild(el);
        live.set(id, ripple);
      }
    },
    stop: () => {
      map.off('move', onMove);
      live.clear();
      layer.remove();
    },
  };
}
