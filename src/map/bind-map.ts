/**
 * Drives the map from the store: feature state for colours, highlights and which clashes and
 * strikes are on show; `setData` only when labels or estimated areas actually change.
 * While the story plays, the map follows the clock in steps (`cadence.ts`) rather than every
 * frame, and town labels drop their second line (who holds it), which would need the places
 * source rebuilt at every step. Pausing, stepping and scrubbing apply at once.
 * @returns a function removing every subscription and listener it added.
 */
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PlaceControl } from '../state/control-state.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { Camera } from '../state/view-slice.ts';
import type { StoryModel } from '../state/story-model.ts';
import { actorColor, theme } from '../theme.ts';
import { estimateAreas } from './areas.ts';
import { prefersReducedMotion } from '../state/reduced-motion.ts';
import { createCadence, measureNextFrame } from './cadence.ts';
import { createPulses, type Ripple } from './pulse.ts';
import { placePoints, transientEvents, uncertaintyRings } from './story-data.ts';
import { PLACE_LAYERS, placeLabelText } from './story-layers.ts';

const PULSE_WINDOW = 3 * 3_600_000;
/** The narrow layout's place card covers at most this share of the window's height (`app.css`: 36vh). */
const SHEET_SHARE = 0.36;
/** A tap within this many px of a dot's centre selects it (targets of 24 px, WCAG 2.5.8). */
const TAP_RADIUS = 12;
/** Layers a tap can select a town on: dots and their labels. */
const TAP_LAYERS = [...PLACE_LAYERS, 'place-labels'];

function controlKey(c: PlaceControl): string {
  return `${c.actor}|${c.contested}|${c.claimants.join(',')}|${c.basis ?? ''}`;
}

export function bindMapToStore(
  map: MapLibreMap,
  store: AppStore,
  model: StoryModel,
  clip: Feature<Polygon | MultiPolygon>[],
  options: { labelsAt?: number; drawn?: Map<string, string> } = {},
): () => void {
  const actors = model.story.actors ?? [];
  const cancels: (() => void)[] = [];
  const pulses = createPulses(map);
  cancels.push(pulses.stop);
  const cadence = createCadence();
  // Who holds each place as drawn, shared with the binding that follows this one on the same map
  // (a newer version of a live story), so that one recolours and ripples only what changed.
  const keys = options.drawn ?? new Map<string, string>();
  // Until its first drawing, a binding that follows another ripples every place whose holder changed.
  let rebound = keys.size > 0;
  let lastTime = NaN;
  // The places source already has the labels for this time (built into the map's first style).
  const labelsAt = options.labelsAt ?? NaN;
  let control = new Map<string, PlaceControl>();
  // Labels name the holder; while playing they are not rebuilt, so they may fall behind.
  let labelsBehind = false;
  // Clashes and strikes, each with the window in which it is on show and whether it is now.
  const transient = transientEvents(model).features.map((f) => ({ id: f.properties.id, t0: f.properties.t0, t1: f.properties.t1, on: false }));
  let pending = 0;

  const applyTime = (s: AppState) => {
    control = model.control.at(s.time);
    const changed: Ripple[] = [];
    const next = new Map<string, string>();
    for (const [id, c] of control) {
      const key = controlKey(c);
      next.set(id, key);
      if (keys.get(id) === key) continue;
      // Contested: the fill shows one side, the ring the other (two colours plus a ring).
      const fillActor = c.actor === 'contested' ? c.claimants[0] : c.actor;
      const ring = c.claimants.find((a) => a !== fillActor);
      const color = fillActor ? actorColor(actors, fillActor) : theme.unknown;
      // A holder at the start (stated, implied, file, assumed) is drawn pale with a ring, not solid.
      map.setFeatureState({ source: 'places', id }, { color, ring: ring ? actorColor(actors, ring) : theme.accent, contested: c.contested, baseline: c.basis !== null });
      const place = model.placeById.get(id);
      if ((keys.has(id) || rebound) && place) changed.push({ id, lngLat: place.geometry.coordinates as [number, number], color });
    }
    const first = keys.size === 0;
    keys.clear();
    for (const [id, key] of next) keys.set(id, key);
    if (changed.length) labelsBehind = true;
    if ((first && s.time !== labelsAt) || (labelsBehind && !s.playing)) updateLabels();
    if (changed.length && s.showAreas) updateAreas();
    // Ripple only when time moves forward a little (playing or stepping), not on jumps; and when a
    // newer version of a live story changes what is on show.
    const forward = s.time > lastTime && s.time - lastTime < PULSE_WINDOW;
    if (changed.length && (forward || rebound) && !prefersReducedMotion()) {
      pulses.add(changed);
    }
    lastTime = s.time;
    rebound = false;
    let markers = false;
    for (const e of transient) {
      const on = e.t0 <= s.time && e.t1 >= s.time;
      if (on === e.on) continue;
      e.on = on;
      markers = true;
      map.setFeatureState({ source: 'events', id: e.id }, { on });
    }
    if (s.playing && (changed.length || markers)) measureNextFrame(cadence.record);
  };

  const updateLabels = () => {
    (map.getSource('places') as GeoJSONSource).setData(placePoints(model, control));
    labelsBehind = false;
  };

  const followClock = (s: AppState, was: AppState) => {
    // A step, a scrub or a link while playing shows at once too; only playback's own moves wait.
    if (!s.playing || s.moved === 'seek') {
      clearTimeout(pending);
      pending = 0;
      if (s.time !== lastTime) applyTime(s);
    } else if (!pending) {
      pending = window.setTimeout(() => {
        pending = 0;
        applyTime(store.getState());
      }, cadence.stepMs());
    }
    if (s.playing !== was.playing) {
      if (!s.playing && labelsBehind) updateLabels();
      map.setLayoutProperty('place-labels', 'text-field', placeLabelText(!s.playing));
    }
  };
  cancels.push(() => clearTimeout(pending));

  const updateAreas = () => {
    (map.getSource('areas') as GeoJSONSource).setData(estimateAreas(model, control, clip));
  };

  const applyAreas = (show: boolean) => {
    for (const id of ['areas-fill', 'areas-line']) map.setLayoutProperty(id, 'visibility', show ? 'visible' : 'none');
    if (show) updateAreas();
  };

  const setFlag = (ids: string[], key: string, value: boolean) => {
    for (const id of ids) if (model.placeById.has(id)) map.setFeatureState({ source: 'places', id }, { [key]: value });
  };

  /**
   * Keeps the selected place in view and clear of the card: on wide screens the card covers the
   * map's right side; on narrow ones it is a sheet over the map's lower part (`app.css`), at most
   * SHEET_SHARE of the window's height. The embed's card follows the map instead.
   */
  const revealPlace = (placeId: string | null) => {
    const f = placeId ? model.placeById.get(placeId) : undefined;
    if (!f) return;
    const lngLat = f.geometry.coordinates as [number, number];
    const canvas = map.getCanvas();
    const [width, height] = [canvas.clientWidth, canvas.clientHeight];
    const p = map.project(lngLat);
    const duration = prefersReducedMotion() ? 0 : 500;
    if (window.innerWidth >= 900) {
      if (p.x > 250 && p.x < width - 380 && p.y > 0 && p.y < height) return;
      map.easeTo({ center: lngLat, padding: { left: 250, right: 380, top: 0, bottom: 0 }, duration });
      return;
    }
    const sheet = store.getState().mode === 'app' ? Math.min(window.innerHeight * SHEET_SHARE, height * 0.6) : 0;
    const margin = 24;
    if (p.x > margin && p.x < width - margin && p.y > margin && p.y < height - sheet - margin) return;
    map.easeTo({ center: lngLat, padding: { left: 0, right: 0, top: 0, bottom: sheet }, duration });
  };

  const focusEntry = (entryId: string | null) => {
    const entry = model.story.entries.find((e) => e.id === entryId);
    if (!entry) return;
    const coords = [...new Set(entry.mentions.map((m) => m.placeId))]
      .map((id) => model.placeById.get(id))
      .filter((f) => f && f.properties.kind !== 'country' && f.properties.role === 'theatre')
      .map((f) => f!.geometry.coordinates as [number, number]);
    if (!coords.length) return;
    const bounds = map.getBounds();
    if (coords.every((c) => bounds.contains(c))) return;
    const lngs = coords.map((c) => c[0]);
    const lats = coords.map((c) => c[1]);
    const box: LngLatBoundsLike = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
    map.fitBounds(box, { padding: 80, maxZoom: 7.5, duration: 600 });
  };

  /** A view set from outside the map (Back/Forward to a link's `view`) moves it; its own moves match already. */
  const followCamera = (camera: Camera) => {
    const c = map.getCenter();
    const [lng, lat] = camera.center;
    if (Math.abs(c.lng - lng) < 1e-4 && Math.abs(c.lat - lat) < 1e-4 && Math.abs(map.getZoom() - camera.zoom) < 0.01) return;
    map.jumpTo({ center: camera.center, zoom: camera.zoom });
  };

  const initial = store.getState();
  if (rebound) {
    // The sources still hold the earlier version: labels, rings and clashes come from this one.
    control = model.control.at(initial.time);
    updateLabels();
    (map.getSource('place-rings') as GeoJSONSource).setData(uncertaintyRings(model));
    (map.getSource('events') as GeoJSONSource).setData(transientEvents(model));
    for (const e of transient) map.setFeatureState({ source: 'events', id: e.id }, { on: false });
  }
  applyTime(initial);
  if (initial.playing) map.setLayoutProperty('place-labels', 'text-field', placeLabelText(false));
  applyAreas(initial.showAreas);
  setFlag(initial.placeId ? [initial.placeId] : [], 'selected', true);
  if (!initial.camera) revealPlace(initial.placeId);
  else followCamera(initial.camera);

  cancels.push(
    store.subscribe((s, p) => {
      if (s.time !== p.time || s.playing !== p.playing) followClock(s, p);
      if (s.showAreas !== p.showAreas) applyAreas(s.showAreas);
      if (s.placeId !== p.placeId) {
        setFlag(p.placeId ? [p.placeId] : [], 'selected', false);
        setFlag(s.placeId ? [s.placeId] : [], 'selected', true);
        revealPlace(s.placeId);
      }
      if (s.hoverPlaceIds !== p.hoverPlaceIds) {
        setFlag(p.hoverPlaceIds, 'hover', false);
        setFlag(s.hoverPlaceIds, 'hover', true);
      }
      if (s.focusRequest !== p.focusRequest) focusEntry(s.entryId);
      if (s.camera !== p.camera && s.camera) followCamera(s.camera);
    }),
  );

  /** The view as the store holds it, so a link copied now reopens it. */
  const recordCamera = () => {
    const c = map.getCenter();
    store.getState().setCamera({ center: [c.lng, c.lat], zoom: map.getZoom() });
  };

  const onClick = (e: MapMouseEvent) => {
    const { x, y } = e.point;
    const near = map.queryRenderedFeatures(
      [
        [x - TAP_RADIUS, y - TAP_RADIUS],
        [x + TAP_RADIUS, y + TAP_RADIUS],
      ],
      { layers: TAP_LAYERS.filter((id) => map.getLayer(id)) },
    );
    // A dot under the finger first, then a label under it, then the nearest dot within reach
    // (markers of nearby towns overlap at low zoom).
    let dot: string | undefined;
    let best = Infinity;
    for (const f of near) {
      if (f.layer.id === 'place-labels' || f.geometry.type !== 'Point') continue;
      const p = map.project(f.geometry.coordinates as [number, number]);
      const d = Math.hypot(p.x - x, p.y - y);
      if (d < best) [dot, best] = [f.properties?.id as string, d];
    }
    const label = best > 8 ? map.queryRenderedFeatures(e.point, { layers: ['place-labels'] })[0] : undefined;
    const id = (label?.properties?.id as string | undefined) ?? (best <= TAP_RADIUS ? dot : undefined);
    if (!id) return;
    if (!store.getState().camera) recordCamera();
    store.getState().selectPlace(id);
    store.getState().setFilters({ place: id });
  };
  const onEnter = () => (map.getCanvas().style.cursor = 'pointer');
  const onLeave = () => (map.getCanvas().style.cursor = '');
  // Every move ends in the store (a drag, a zoom, the map bringing a place or an entry into view).
  const onMoveEnd = () => recordCamera();
  map.on('click', onClick);
  for (const layer of TAP_LAYERS) {
    map.on('mouseenter', layer, onEnter);
    map.on('mouseleave', layer, onLeave);
  }
  map.on('moveend', onMoveEnd);

  return () => {
    for (const cancel of cancels) cancel();
    map.off('click', onClick);
    for (const layer of TAP_LAYERS) {
      map.off('mouseenter', layer, onEnter);
      map.off('mouseleave', layer, onLeave);
    }
    map.off('moveend', onMoveEnd);
  };
}
