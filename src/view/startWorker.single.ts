// The single-file build's layout worker: inlined into the page's script (a few kB), so that the file
// needs no second one. Chosen instead of ./startWorker.ts by vite.config.ts in `--mode single`.
import LayoutWorker from './layout.worker?worker&inline';

export function startLayoutWorker(): Worker {
  return new LayoutWorker({ name: 'layout' });
}
