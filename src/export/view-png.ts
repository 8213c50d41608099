/**
 * The current view as a PNG: the map canvas with a caption strip below it (title, time, sources,
 * map credits), so the image says what it shows when it travels on its own.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

export interface ViewCaption {
  title: string;
  time: string;
  credit: string;
}

/**
 * @example const blob = await viewToPng(map, { title, time: 'Fri 13 Jun, 18:00 UTC', credit: 'Sources: BBC News' })
 */
export async function viewToPng(map: MaplibreMap, caption: ViewCaption): Promise<Blob> {
  const source = map.getCanvas();
  await new Promise<void>((resolve) => {
    map.once('render', () => resolve());
    map.triggerRepaint();
  });
  const ratio = source.width / (source.clientWidth || source.width);
  const strip = Math.round(64 * ratio);
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height + strip;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(source, 0, 0);
  const pad = 12 * ratio;
  ctx.fillStyle = '#1d1d1b';
  ctx.font = `bold ${15 * ratio}px Georgia, 'DejaVu Serif', serif`;
  ctx.fillText(caption.title, pad, source.height + 24 * ratio, out.width - 2 * pad);
  ctx.fillStyle = '#6b675f';
  ctx.font = `${12 * ratio}px 'Noto Sans', 'DejaVu Sans', Arial, sans-serif`;
  ctx.fillText(`${caption.time} · ${caption.credit}`, pad, source.height + 46 * ratio, out.width - 2 * pad);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
