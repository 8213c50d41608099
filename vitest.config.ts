import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    benchmark: { include: ['src/**/*.bench.ts', 'test/**/*.bench.ts'] },
    server: { deps: { inline: ['zustand'] } },
    testTimeout: 20000,
  },
});
