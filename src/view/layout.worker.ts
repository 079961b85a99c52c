/// <reference lib="webworker" />
import type { Graph } from '../core';
import type { LayoutOptions } from './layout';
import { packLayout } from './layout/pack';
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
  const { packed, transfer } = packLayout(layout);
  self.postMessage({ id: e.data.id, layout: packed, ms: performance.now() - t0 }, transfer);
};
