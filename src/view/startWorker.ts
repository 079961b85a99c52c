// The layout worker as a file of its own, fetched only when a large graph needs it. The single-file
// build swaps this module for ./startWorker.single.ts (see vite.config.ts), which inlines the worker.
export function startLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
}
