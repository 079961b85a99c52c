import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the app (vite) and the unit/property tests (vitest).
// `vite build --mode single` builds the offline single file: every asset (KaTeX fonts included) inlined,
// then scripts/inline-html.mjs folds the script and stylesheet into dist-single/gradflow.html.
// Browser tests live in tests/e2e and are run by Playwright, not vitest.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  base: './',
  build:
    mode === 'single'
      ? {
          target: 'es2022',
          outDir: 'dist-single',
          assetsInlineLimit: 100_000_000,
          cssCodeSplit: false,
          modulePreload: false,
        }
      : { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/property/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
}));
