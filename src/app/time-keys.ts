/** Keyboard control of time, shared by the slider thumb and the page. */
import { store } from '../state/store.ts';

const MINUTE = 60_000;
const STEP = 10 * MINUTE;
const HOUR = 60 * MINUTE;

/** Handles arrows, shift+arrows, Page Up/Down, space, Home and End anywhere but in form fields. */
export function handleTimeKey(e: KeyboardEvent): boolean {
  const s = store.getState();
  if (!s.model) return false;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowUp':
      s.stepBy(e.shiftKey ? HOUR : STEP);
      return true;
    case 'ArrowLeft':
    case 'ArrowDown':
      s.stepBy(e.shiftKey ? -HOUR : -STEP);
      return true;
    // Bigger steps, as the ARIA slider pattern asks: the next or previous change of control
    // (the "earlier" segment can reach back months). Only on the slider: elsewhere they scroll.
    case 'PageUp':
    case 'PageDown':
      if (!(e.target instanceof Element) || !e.target.closest('[role="slider"]')) return false;
      s.jumpToChange(e.key === 'PageUp' ? 1 : -1);
      return true;
    case 'Home':
      s.home();
      return true;
    case 'End':
      s.end();
      return true;
    case ' ':
      s.togglePlay();
      return true;
    default:
      return false;
  }
}

