/**
 * Page side of the import: starts the worker once and runs one import at a time.
 */
import type { ImportReply, ImportRequest } from './import-protocol.ts';

let worker: Worker | null = null;

/**
 * Builds a story from one live blog in the worker.
 * @param onProgress - called with the step the worker is on
 * @example const { story } = await runImport({ gazetteerUrl, id: 'blog', title: 'Blog', source })
 */
export function runImport(
  request: Omit<ImportRequest, 'gazetteerUrl'> & { gazetteerUrl?: string },
  onProgress: (step: 'gazetteer' | 'pipeline') => void = () => {},
): Promise<Extract<ImportReply, { type: 'done' }>> {
  worker ??= new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
  const w = worker;
  const gazetteerUrl = request.gazetteerUrl ?? new URL('gazetteer/gazetteer.bin.gz', document.baseURI).href;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<ImportReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') return onProgress(msg.step);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      if (msg.type === 'done') resolve(msg);
      else reject(Object.assign(new Error(msg.message), { kind: msg.kind }));
    };
    const onError = (e: ErrorEvent) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      worker = null;
      reject(new Error(e.message || 'the import worker failed to start'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ ...request, gazetteerUrl } satisfies ImportRequest);
  });
}

/** A source id from a file or publisher name, as the CLI makes it (`blog.txt` → `blog`). */
export function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'source';
}
