/**
 * Visual constants shared by the map and the page: basemap palette, neutral colours and fonts.
 * Actor colours are not here: they come from the story (`story.actors`).
 */
export const theme = {
  water: '#d9e4ea',
  land: '#f4f1ea',
  landFocus: '#fbfaf6',
  border: '#a9a294',
  coast: '#b9c9d2',
  countryLabel: '#8b8478',
  townLabel: '#1f1f1f',
  halo: 'rgba(255,255,255,0.92)',
  unknown: '#9a9a9a',
  incidental: '#b5b0a6',
  ink: '#1d1d1b',
  muted: '#6b675f',
  accent: '#b3261e',
  /** Fill opacity of a town whose holder is known only from the story's start (stated, implied, assumed): pale inside a ring of the holder's colour. */
  baselineFillOpacity: 0.3,
  /** Local font stacks: no glyph server, MapLibre draws labels with these. */
  fontSans: ['Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial', 'sans-serif'],
  fontSansBold: ['Noto Sans Bold', 'DejaVu Sans Bold', 'Liberation Sans Bold', 'Arial Bold', 'sans-serif'],
} as const;

/** A plain CSS colour (`#hex`, `rgb()`/`hsl()` of numbers, or a colour name): nothing that could load a URL. */
const SAFE_COLOR = /^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgb|hsl)a?\([\d\s.,%/+-]*\)|[a-z]{3,20})$/i;

/**
 * Colour for an actor id, falling back to neutral grey for `unknown`, actors without one, and a
 * story colour that is not a plain colour (a story file is data, never trusted as CSS).
 */
export function actorColor(actors: { id: string; color: string }[], id: string | undefined): string {
  if (!id || id === 'unknown') return theme.unknown;
  const color = actors.find((a) => a.id === id)?.color?.trim();
  return color && SAFE_COLOR.test(color) ? color : theme.unknown;
}
