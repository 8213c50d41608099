/** Builds the app into dist/ once before the browser tests (skip with BROWSER_TEST_SKIP_BUILD=1). */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  if (process.env.BROWSER_TEST_SKIP_BUILD === '1') return;
  await build({ logLevel: 'warn' });
}
