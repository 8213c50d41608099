/** Small inline SVG icons for the playback controls (no icon font, no request). */
const PATHS = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  prev: 'M3 2.5h2v11H3zM14 2.5v11L6 8z',
  next: 'M11 2.5h2v11h-2zM2 2.5v11L10 8z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
