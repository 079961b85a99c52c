import type { Graph } from '../core';
import { type Layout, type LayoutOptions, layoutGraph } from './layout';
import { type PackedLayout, unpackLayout } from './layout/pack';
import type { LayoutRequest } from './layout.worker';
import { startLayoutWorker } from './startWorker';

/** Lays a graph out; `async` when it runs elsewhere. Reports how long the layout itself took. */
export type LayoutFn = (
  graph: Graph,
  opts: LayoutOptions,
) => { layout: Layout; ms: number } | Promise<{ layout: Layout; ms: number }>;

/**
 * Above this many nodes the layout runs in a Web Worker (measured: ~20 ms at 500 nodes on the main
 * thread), where a long drawing is also wrapped into bands (layout/wrap.ts). Such a graph is painted on
 * a canvas (store/derive.ts CANVAS_NODES). Where no worker can run it is laid out here, unwrapped.
 */
export const WORKER_THRESHOLD = 301;

export function layoutNow(graph: Graph, opts: LayoutOptions): { layout: Layout; ms: number } {
  const t0 = performance.now();
  const layout = layoutGraph(graph, opts);
  return { layout, ms: performance.now() - t0 };
}

/**
 * Small graphs are laid out at once; large ones in a worker (one, reused; a newer request makes an
 * older answer irrelevant, which the store checks). Falls back to the main thread where there is no Worker.
 */
export function makeLayoutFn(): LayoutFn {
  if (typeof Worker === 'undefined') return layoutNow;
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, (r: { layout: Layout; ms: number }) => void>();
  const pending = new Map<number, { graph: Graph; opts: LayoutOptions }>();
  return (graph, opts) => {
    if (graph.size < WORKER_THRESHOLD) return layoutNow(graph, opts);
    if (!worker) {
      try {
        worker = startLayoutWorker();
      } catch {
        return layoutNow(graph, opts); // no workers here (some file:// setups): lay out in place
      }
      worker.onmessage = (e: MessageEvent<{ id: number; layout: PackedLayout; ms: number }>) => {
        // (An answer nobody waits for any more, a newer request having come, is not even unpacked.)
        waiting.get(e.data.id)?.({ layout: unpackLayout(e.data.layout), ms: e.data.ms });
        waiting.delete(e.data.id);
      };
      // If the worker cannot run, finish every waiting layout on the main thread rather than hang.
      worker.onerror = () => {
        for (const [id, resolve] of waiting) {
          const req = pending.get(id);
          if (req) resolve(layoutNow(req.graph, req.opts));
        }
        waiting.clear();
        worker = null;
      };
    }
    const id = ++next;
    const request: LayoutRequest = {
      id,
      graph: { nodes: graph.nodes, edges: graph.edges, outEdges: graph.outEdges, output: graph.output },
      opts,
    };
    pending.clear(); // only the newest request matters
    pending.set(id, { graph, opts });
    worker.postMessage(request);
    return new Promise((resolve) => waiting.set(id, resolve));
  };
}
