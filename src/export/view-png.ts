/**
 * The current view as a PNG sized for an article: 1200–1600 CSS px wide at twice the pixels, with
 * a title and time above the map and the legend, sources and credits below it, so the image says
 * what it shows when it travels on its own. The map is drawn again, off screen, at that size from
 * the live map's style, view and feature state; the page's own map is not touched.
 */
import * as maplibregl from 'maplibre-gl';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { theme } from '../theme.ts';
import { PNG_SCALE, pngLayout, pngMapSize, type Box, type PngLayout, type ViewCaption } from './png-layout.ts';

export type { LegendItem, ViewCaption } from './png-layout.ts';

const SANS = `'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif`;
const SERIF = `Georgia, 'DejaVu Serif', 'Noto Serif', serif`;

/** Draws the caption, legend and credits around an already drawn map. */
function drawChrome(ctx: CanvasRenderingContext2D, layout: PngLayout, caption: ViewCaption): void {
  const text = (s: string, box: Box, font: string, color: string) => {
    ctx.font = font;
    ctx.fillStyle = color;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(s, box.x, box.y + box.height * 0.78, box.width);
  };
  text(caption.title, layout.title, `bold 28px ${SERIF}`, theme.ink);
  text(caption.time, layout.time, `17px ${SANS}`, theme.ink);
  ctx.fillStyle = theme.border;
  ctx.fillRect(0, layout.map.y + layout.map.height, layout.width, 1);
  text(caption.legendTitle, layout.legendTitle, `bold 15px ${SANS}`, theme.ink);
  caption.legend.forEach((item, i) => {
    const { swatch, label } = layout.legend[i];
    const r = swatch.width / 2;
    ctx.beginPath();
    ctx.arc(swatch.x + r, swatch.y + r, r, 0, 2 * Math.PI);
    ctx.fillStyle = item.color;
    ctx.globalAlpha = item.fillOpacity ?? 1;
    ctx.fill();
    ctx.globalAlpha = 1;
    if (item.ring) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = item.ring;
      ctx.stroke();
    }
    text(item.label, label, `15px ${SANS}`, theme.ink);
  });
  text(caption.sources, layout.sources, `15px ${SANS}`, theme.ink);
  text(caption.credits, layout.credits, `13px ${SANS}`, theme.muted);
}

/**
 * Draws the live map again off screen at `width` × `height` CSS px and PNG_SCALE pixels per CSS
 * pixel: same style (with the sources' current data), the live view's bounds fitted, and the
 * feature state (who holds each town, which events are on show) copied over.
 */
async function renderMap(live: MaplibreMap, width: number, height: number): Promise<HTMLCanvasElement> {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.style.cssText = `position:fixed;left:${-width - 100}px;top:0;width:${width}px;height:${height}px;pointer-events:none`;
  document.body.append(container);
  const style = live.getStyle();
  // What the pointer happens to hover is not part of the view.
  const transient = new Set(['hover']);
  const map = new maplibregl.Map({
    container,
    style,
    bounds: live.getBounds(),
    fitBoundsOptions: { padding: 0 },
    pixelRatio: PNG_SCALE,
    interactive: false,
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    fadeDuration: 0,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      map.once('load', () => {
        for (const [id, source] of Object.entries(style.sources)) {
          const key = 'promoteId' in source && typeof source.promoteId === 'string' ? source.promoteId : undefined;
          const data = source.type === 'geojson' && typeof source.data === 'object' && 'features' in source.data ? source.data.features : [];
          for (const f of data) {
            const fid = key ? f.properties?.[key] : f.id;
            if (fid === undefined || fid === null) continue;
            const state = Object.fromEntries(Object.entries(live.getFeatureState({ source: id, id: fid })).filter(([k]) => !transient.has(k)));
            if (Object.keys(state).length) map.setFeatureState({ source: id, id: fid }, state);
          }
        }
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
      map.once('error', (e) => reject(e.error ?? new Error('map error')));
    });
    const copy = document.createElement('canvas');
    const canvas = map.getCanvas();
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')!.drawImage(canvas, 0, 0);
    return copy;
  } finally {
    map.remove();
    container.remove();
  }
}

/**
 * @example const blob = await viewToPng(map, { title, time: 'Who controls what, Fri 13 Jun, 18:00 UTC', legendTitle: 'Held by', legend, sources: 'Sources: BBC News', credits })
 */
export async function viewToPng(live: MaplibreMap, caption: ViewCaption): Promise<Blob> {
  const source = live.getCanvas();
  const size = pngMapSize(source.clientWidth || source.width, source.clientHeight || source.height);
  const layout = pngLayout(size.width, size.height, caption.legend.length);
  const mapImage = await renderMap(live, size.width, size.height);
  const out = document.createElement('canvas');
  out.width = layout.width * PNG_SCALE;
  out.height = layout.height * PNG_SCALE;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(mapImage, 0, layout.map.y * PNG_SCALE, layout.map.width * PNG_SCALE, layout.map.height * PNG_SCALE);
  ctx.scale(PNG_SCALE, PNG_SCALE);
  drawChrome(ctx, layout, caption);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
