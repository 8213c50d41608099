/**
 * A polite live region that tells screen-reader users which towns changed hands while the story
 * plays. It listens to the store directly (no re-render per frame) and speaks at most every
 * couple of seconds, gathering the changes in between.
 */
import { useEffect, useRef } from 'preact/hooks';
import { changesBetween, describeChanges } from '../state/describe-time.ts';
import { store } from '../state/store.ts';
import type { ControlChange } from '../state/story-model.ts';

const QUIET_MS = 2_000;

export function ChangeAnnouncer() {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let pending: ControlChange[] = [];
    let lastSaid = 0;
    let timer = 0;
    const say = () => {
      timer = 0;
      const model = store.getState().model;
      if (!region.current || !model || !pending.length) return;
      region.current.textContent = describeChanges(model, pending);
      pending = [];
      lastSaid = performance.now();
    };
    const unsubscribe = store.subscribe((s, p) => {
      if (!s.playing || !s.model || s.model !== p.model || s.time <= p.time) return;
      const changes = changesBetween(s.model, p.time, s.time);
      if (!changes.length) return;
      pending.push(...changes);
      if (!timer) timer = window.setTimeout(say, Math.max(0, lastSaid + QUIET_MS - performance.now()));
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return <div ref={region} class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer" />;
}
