import { defineConfig, loadEnv } from 'vite';
import preact from '@preact/preset-vite';
import { cspPlugin } from './scripts/csp.ts';

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [preact(), cspPlugin(loadEnv(mode, process.cwd()))],
  build: { target: 'es2022', sourcemap: false },
}));
