/**
 * "3 new updates · Go to latest": shown when a live story gained entries while the reader was
 * looking at an earlier time (`newUpdates`); their time and scroll position stay where they were.
 */
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { strings } from './strings.ts';

export function LiveNotice() {
  const count = useStore((s) => s.newUpdates);
  return (
    <div class="live-notice" role="status" aria-live="polite">
      {count > 0 ? (
        <>
          <span>{strings.newUpdates(count)}</span>
          <button type="button" onClick={() => store.getState().goToLatest()}>
            {strings.goToLatest}
          </button>
        </>
      ) : null}
    </div>
  );
}
