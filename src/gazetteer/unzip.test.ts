import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded } from './unzip.ts';

describe('gunzipIfNeeded', () => {
  const bytes = new TextEncoder().encode('LCMG compact gazetteer bytes');

  it('unzips gzip bytes', async () => {
    expect(await gunzipIfNeeded(new Uint8Array(gzipSync(bytes)))).toEqual(bytes);
  });

  it('gives bytes a server has already unzipped back as they are', async () => {
    expect(await gunzipIfNeeded(bytes)).toBe(bytes);
  });
});
