/**
 * Where each part of the view PNG goes (title, time, map, legend, sources, credits), in CSS
 * pixels. Pure, so tests can read a downloaded PNG region by region.
 */

/** Pixels per CSS pixel of the PNG. */
export const PNG_SCALE = 2;
/** Width range of the PNG in CSS pixels (article columns and full-width images). */
export const PNG_WIDTH: readonly [number, number] = [1200, 1600];

/** One legend row: a colour swatch (with a ring for contested and for holders at the start) and its label. */
export interface LegendItem {
  label: string;
  color: string;
  ring?: string;
  /** Opacity of the swatch's fill (the map's pale fill of a holder at the start); 1 when absent. */
  fillOpacity?: number;
}

export interface ViewCaption {
  title: string;
  /** The time shown, already formatted ("Who controls what, Fri 13 Jun, 18:00 UTC"). */
  time: string;
  legendTitle: string;
  legend: LegendItem[];
  /** "Sources: BBC News, …" */
  sources: string;
  /** Map data and tool credits. */
  credits: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each part of the PNG goes, in CSS pixels. */
export interface PngLayout {
  width: number;
  height: number;
  title: Box;
  time: Box;
  map: Box;
  legendTitle: Box;
  /** One box per legend item: the swatch's square, then the label's box. */
  legend: { swatch: Box; label: Box }[];
  sources: Box;
  credits: Box;
}

const PAD = 24;
const HEADER = 92;
const LEGEND_HEAD = 40;
const LEGEND_ROW = 28;
const LEGEND_COLUMNS = 4;
const FOOTER = 64;

/** Height in CSS px of everything but the map, for a PNG with `legendCount` legend items. */
export function pngChromeHeight(legendCount: number): number {
  return HEADER + LEGEND_HEAD + Math.ceil(legendCount / LEGEND_COLUMNS) * LEGEND_ROW + 8 + FOOTER;
}

/**
 * The PNG's layout for a map `mapHeight` CSS px high (pure: the browser test reads the image with it).
 * @example pngLayout(1400, 875, 6).legend[0].swatch // { x: 24, y: …, width: 16, height: 16 }
 */
export function pngLayout(width: number, mapHeight: number, legendCount: number): PngLayout {
  const inner = width - 2 * PAD;
  const mapY = HEADER;
  const legendY = mapY + mapHeight;
  const column = inner / LEGEND_COLUMNS;
  const rows = Math.ceil(legendCount / LEGEND_COLUMNS);
  const legend = Array.from({ length: legendCount }, (_, i) => {
    const x = PAD + (i % LEGEND_COLUMNS) * column;
    const y = legendY + LEGEND_HEAD + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
    return { swatch: { x, y: y + 2, width: 16, height: 16 }, label: { x: x + 26, y, width: column - 34, height: 20 } };
  });
  const footerY = legendY + LEGEND_HEAD + rows * LEGEND_ROW + 8;
  return {
    width,
    height: footerY + FOOTER,
    title: { x: PAD, y: 16, width: inner, height: 34 },
    time: { x: PAD, y: 56, width: inner, height: 24 },
    map: { x: 0, y: mapY, width, height: mapHeight },
    legendTitle: { x: PAD, y: legendY + 12, width: inner, height: 20 },
    legend,
    sources: { x: PAD, y: footerY + 6, width: inner, height: 20 },
    credits: { x: PAD, y: footerY + 32, width: inner, height: 18 },
  };
}

/** The PNG's CSS size for a live map `liveWidth` × `liveHeight`: as wide as allowed, same shape within 2:1–4:3. */
export function pngMapSize(liveWidth: number, liveHeight: number): { width: number; height: number } {
  const width = Math.round(Math.min(PNG_WIDTH[1], Math.max(PNG_WIDTH[0], liveWidth)));
  const aspect = Math.min(0.75, Math.max(0.5, liveHeight / Math.max(1, liveWidth)));
  return { width, height: Math.round(width * aspect) };
}
