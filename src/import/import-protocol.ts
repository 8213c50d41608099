/** Messages between the page and the import worker (src/import/import-worker.ts). */
import type { Story, Warning } from '../pipeline/types.ts';

export interface ImportRequest {
  /** Absolute URL of `gazetteer/gazetteer.bin.gz` (the worker's own base is `assets/`). */
  gazetteerUrl: string;
  id: string;
  title: string;
  source: {
    id: string;
    publisher: string;
    date?: string;
    timezone?: string;
    text: string;
    format: 'text' | 'html' | 'auto';
  };
}

export type ImportReply =
  | { type: 'progress'; step: 'gazetteer' | 'pipeline' }
  | { type: 'done'; story: Story; warnings: Warning[]; ms: number }
  /** `input` errors are the user's to fix (InputError); others are bugs. */
  | { type: 'error'; kind: 'input' | 'internal'; message: string };
