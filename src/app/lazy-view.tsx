/**
 * A component loaded on first render (its code in its own chunk), without preact/compat.
 * Renders nothing until the chunk has arrived.
 * @example const PresentView = lazyView(() => import('./PresentView.tsx').then((m) => m.PresentView));
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyView(props: P) {
    const [, setReady] = useState(!!loaded);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load().then((c) => (loaded = c));
      pending.then(() => live && setReady(true), (error) => console.error(error));
      return () => {
        live = false;
      };
    }, []);
    const View = loaded;
    return View ? <View {...props} /> : null;
  };
}
