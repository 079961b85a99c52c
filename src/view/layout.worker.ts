/// <reference lib="webworker" />
import type { Graph } from '../core';
import type { LayoutOptions } from './layout';
import { layoutFor } from './layout/wrap';

/** Lays large graphs out off the main thread, so typing never waits for it. */
export interface LayoutRequest {
  id: number;
  graph: Pick<Graph, 'nodes' | 'edges' | 'outEdges' | 'output'>;
  opts: LayoutOptions;
}

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const t0 = performance.now();
  const layout = layoutFor(e.data.graph as Graph, e.data.opts);
  self.postMessage({ id: e.data.id, layout, ms: performance.now() - t0 });
};
