/** Whether the reader asked for less motion (no pulses, no smooth scrolling, no autoplay). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
