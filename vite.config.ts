import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the app (vite) and the unit/property tests (vitest).
// Browser tests live in tests/e2e and are run by Playwright, not vitest.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/property/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
