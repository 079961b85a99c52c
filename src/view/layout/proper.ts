import type { Graph } from '../../core';
import { type Csr, csr } from './csr';

/**
 * The layered graph the later steps work on: the real nodes (ids 0..n−1) plus virtual nodes (ids n, n+1, …)
 * so that every edge joins neighbouring layers. The long edges out of one node share one chain of virtual
 * nodes (a bus that each edge leaves just before its consumer): a variable used all along a long sum
 * costs one chain, not one per use. Neighbour lists carry weights: how many graph edges an arc stands for.
 * Neighbour lists are packed (CSR, see csr.ts): node v's list is `list[start[v] .. start[v + 1])`.
 */
export interface Proper {
  /** Real nodes. */
  n: number;
  /** Real plus virtual nodes. */
  total: number;
  layerOf: Int32Array;
  /** Every arc, by target (predecessors, by source as built) and by source (successors). */
  preds: Csr;
  succs: Csr;
  /** Each node's predecessors in argument order (a gate's first argument first), same offsets as `preds`. */
  args: Int32Array;
  /** Only the arcs between neighbouring layers (what crossings and barycenters see), in the same order. */
  up: Csr;
  down: Csr;
  /** Each node's real node: itself, or for a virtual node its edges' source (for the `previous` hint). */
  origin: Int32Array;
  /** Each real node's bus: the virtual nodes its long edges share, left to right (often empty). */
  bus: number[][];
  /** For each edge id, how many of its source's bus nodes it runs through (0 for short or direct edges). */
  span: Int32Array;
  /** Node ids by layer: layer l is `order[layerStart[l] .. layerStart[l + 1])`, top to bottom. */
  order: Int32Array;
  layerStart: Int32Array;
}

export function properGraph(graph: Pick<Graph, 'nodes' | 'edges' | 'outEdges'>, layer: Int32Array): Proper {
  const { nodes, edges, outEdges } = graph;
  const n = nodes.length;
  const layerOf: number[] = Array.from(layer);
  const origin: number[] = nodes.map((_, id) => id);
  const bus: number[][] = [];
  const spans = new Int32Array(edges.length);
  // Arcs in the order they are made (which fixes every neighbour list's order); `lastOut[a]` is a's latest.
  const arcFrom: number[] = [];
  const arcTo: number[] = [];
  const arcW: number[] = [];
  // The argument slot an arc into a gate stands for (the least, for x*x), so that a gate's predecessors can
  // be listed in argument order (edges are built by source, so a long edge's bus would otherwise come first).
  const arcSlot: number[] = [];
  const lastOut: number[] = nodes.map(() => -1);
  const link = (a: number, b: number, w: number, slot: number) => {
    const last = lastOut[a] as number;
    if (last >= 0 && arcTo[last] === b) {
      // The same arc again (x*x): one arc, heavier.
      arcW[last] = (arcW[last] as number) + w;
      arcSlot[last] = Math.min(arcSlot[last] as number, slot);
      return;
    }
    lastOut[a] = arcFrom.length;
    arcFrom.push(a);
    arcTo.push(b);
    arcW.push(w);
    arcSlot.push(slot);
  };
  // Beyond a budget of virtual nodes (huge, deep graphs) remaining long edges are drawn direct.
  let budget = 8 * n + 200;
  const spanOf = (e: number) =>
    (layer[edges[e]?.target as number] as number) - (layer[edges[e]?.source as number] as number) - 1;
  for (let s = 0; s < n; s++) {
    const out = (outEdges[s] ?? []).slice();
    out.sort((a, b) => spanOf(a) - spanOf(b) || (edges[a]?.target as number) - (edges[b]?.target as number));
    // The bus: one virtual node per layer up to the furthest consumer within budget.
    let length = 0;
    for (const e of out) if (spanOf(e) - length <= budget) length = Math.max(length, spanOf(e));
    budget -= length;
    const chain: number[] = [];
    bus.push(chain);
    const l0 = layer[s] as number;
    for (let k = 0; k < length; k++) {
      chain.push(layerOf.length);
      layerOf.push(l0 + 1 + k);
      origin.push(s);
      lastOut.push(-1);
    }
    // Edges leave the bus in span order: the arc into chain[k] carries every edge that goes further.
    let through = 0;
    for (const e of out) if (spanOf(e) > 0 && spanOf(e) <= length) through++;
    let k = 0; // arcs s→chain[0] … chain[k−1]→chain[k] added so far
    for (const e of out) {
      const t = edges[e]?.target as number;
      const span = spanOf(e);
      const slot = edges[e]?.slot ?? 0;
      if (span > length) {
        link(s, t, 1, slot);
        continue;
      }
      while (k < span) {
        link(k === 0 ? s : (chain[k - 1] as number), chain[k] as number, through, 0);
        k++;
      }
      link(span === 0 ? s : (chain[span - 1] as number), t, 1, slot);
      if (span > 0) through--;
      spans[e] = span;
    }
  }
  const total = layerOf.length;
  const layers = Int32Array.from(layerOf);
  const from = Int32Array.from(arcFrom);
  const to = Int32Array.from(arcTo);
  const w = Int32Array.from(arcW);
  const all = () => true;
  const adjacent = (a: number) =>
    (layers[to[a] as number] as number) - (layers[from[a] as number] as number) === 1;
  const preds = csr(total, to, from, w, all);
  const succs = csr(total, from, to, w, all);
  const args = argumentOrder(preds, n, arcSlot);
  let depth = 0;
  for (let id = 0; id < total; id++) depth = Math.max(depth, (layers[id] as number) + 1);
  // Counting sort of the nodes by layer, by id within a layer.
  const layerStart = new Int32Array(depth + 1);
  for (let id = 0; id < total; id++) {
    const l = (layers[id] as number) + 1;
    layerStart[l] = (layerStart[l] as number) + 1;
  }
  for (let l = 0; l < depth; l++)
    layerStart[l + 1] = (layerStart[l + 1] as number) + (layerStart[l] as number);
  const fill = layerStart.slice(0, depth);
  const order = new Int32Array(total);
  for (let id = 0; id < total; id++) {
    const l = layers[id] as number;
    order[fill[l] as number] = id;
    fill[l] = (fill[l] as number) + 1;
  }
  return {
    n,
    total,
    layerOf: layers,
    preds,
    succs,
    args,
    up: csr(total, to, from, w, adjacent),
    down: csr(total, from, to, w, adjacent),
    origin: Int32Array.from(origin),
    bus,
    span: spans,
    order,
    layerStart,
  };
}

/** A gate's predecessors sorted by the argument slot of their arcs (stable: ties keep the source order). */
function argumentOrder(preds: Csr, n: number, arcSlot: number[]): Int32Array {
  const args = preds.list.slice();
  const slots: number[] = [];
  for (let t = 0; t < n; t++) {
    const a = preds.start[t] as number;
    const b = preds.start[t + 1] as number;
    if (b - a < 2) continue;
    const k = Array.from({ length: b - a }, (_, i) => a + i);
    for (const i of k) slots[i] = arcSlot[preds.arc[i] as number] as number;
    k.sort((i, j) => (slots[i] as number) - (slots[j] as number));
    k.forEach((i, j) => {
      args[a + j] = preds.list[i] as number;
    });
  }
  return args;
}
