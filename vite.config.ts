import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the app (vite) and the unit/property tests (vitest).
// `vite build --mode single` builds the offline single file: every asset (KaTeX fonts included) inlined,
// the lazily loaded parts (KaTeX, the side tools, the export code) and the layout worker folded into the
// one script, then scripts/inline-html.mjs folds the script and stylesheet into dist-single/gradflow.html.
// Browser tests live in tests/e2e and are run by Playwright, not vitest.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  base: './',
  resolve:
    mode === 'single'
      ? {
          alias: [
            {
              find: /^\.\/startWorker$/,
              replacement: fileURLToPath(new URL('./src/view/startWorker.single.ts', import.meta.url)),
            },
          ],
        }
      : {},
  build:
    mode === 'single'
      ? {
          target: 'es2022',
          outDir: 'dist-single',
          assetsInlineLimit: 100_000_000,
          cssCodeSplit: false,
          modulePreload: false,
          rolldownOptions: { output: { codeSplitting: false } },
        }
      : {
          target: 'es2022',
          sourcemap: true,
          chunkSizeWarningLimit: 800,
          // The libraries in one chunk of their own (left to itself, rolldown splits the modules the lazy
          // parts share with the first load into several small chunks, which compress worse).
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: 'vendor',
                    test: /node_modules[\\/](react|react-dom|scheduler|zustand|d3-[a-z]+)[\\/]/,
                  },
                ],
              },
            },
          },
        },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/property/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
}));
