import type { Graph } from '../../core';

/**
 * The layered graph the later steps work on: the real nodes (ids 0..n−1) plus virtual nodes (ids n, n+1, …)
 * so that every edge joins neighbouring layers. The long edges out of one node share one chain of virtual
 * nodes (a bus that each edge leaves just before its consumer): a variable used all along a long sum
 * costs one chain, not one per use. Neighbour lists carry weights: how many graph edges an arc stands for.
 */
export interface Proper {
  /** Real nodes. */
  n: number;
  /** Real plus virtual nodes. */
  total: number;
  layerOf: number[];
  preds: number[][];
  /** Each node's predecessors in argument order (a gate's first argument first); `preds` is by source. */
  args: number[][];
  predW: number[][];
  succs: number[][];
  succW: number[][];
  /** Each node's real node: itself, or for a virtual node its edges' source (for the `previous` hint). */
  origin: number[];
  /** Each real node's bus: the virtual nodes its long edges share, left to right (often empty). */
  bus: number[][];
  /** For each edge id, how many of its source's bus nodes it runs through (0 for short or direct edges). */
  span: Int32Array;
  /** Node ids by layer. */
  layers: number[][];
}

export function properGraph(graph: Pick<Graph, 'nodes' | 'edges' | 'outEdges'>, layer: Int32Array): Proper {
  const { nodes, edges, outEdges } = graph;
  const n = nodes.length;
  const preds: number[][] = nodes.map(() => []);
  const predW: number[][] = nodes.map(() => []);
  const succs: number[][] = nodes.map(() => []);
  const succW: number[][] = nodes.map(() => []);
  const layerOf: number[] = Array.from(layer);
  const origin: number[] = nodes.map((_, id) => id);
  const bus: number[][] = [];
  const spans = new Int32Array(edges.length);
  const link = (a: number, b: number, w: number) => {
    const s = succs[a] as number[];
    if (s[s.length - 1] === b) {
      // The same arc again (x*x): one arc, heavier.
      const k = s.length - 1;
      (succW[a] as number[])[k] = ((succW[a] as number[])[k] as number) + w;
      const p = preds[b] as number[];
      const j = p.lastIndexOf(a);
      (predW[b] as number[])[j] = ((predW[b] as number[])[j] as number) + w;
      return;
    }
    s.push(b);
    (succW[a] as number[]).push(w);
    (preds[b] as number[]).push(a);
    (predW[b] as number[]).push(w);
  };
  // The argument slot each arc into a gate stands for, so that a gate's predecessors can be listed in
  // argument order (edges are built by source, so a long edge's bus would otherwise come first).
  const slotOfArc = new Map<string, number>();
  const noteSlot = (a: number, b: number, slot: number) => {
    const key = `${a}>${b}`;
    slotOfArc.set(key, Math.min(slot, slotOfArc.get(key) ?? slot));
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
      preds.push([]);
      predW.push([]);
      succs.push([]);
      succW.push([]);
    }
    // Edges leave the bus in span order: the arc into chain[k] carries every edge that goes further.
    let through = 0;
    for (const e of out) if (spanOf(e) > 0 && spanOf(e) <= length) through++;
    let k = 0; // arcs s→chain[0] … chain[k−1]→chain[k] added so far
    for (const e of out) {
      const t = edges[e]?.target as number;
      const span = spanOf(e);
      if (span > length) {
        link(s, t, 1);
        noteSlot(s, t, edges[e]?.slot ?? 0);
        continue;
      }
      while (k < span) {
        link(k === 0 ? s : (chain[k - 1] as number), chain[k] as number, through);
        k++;
      }
      const from = span === 0 ? s : (chain[span - 1] as number);
      link(from, t, 1);
      noteSlot(from, t, edges[e]?.slot ?? 0);
      if (span > 0) through--;
      spans[e] = span;
    }
  }
  const args = preds.map((ps, t) =>
    t < n && ps.length > 1
      ? [...ps].sort((a, b) => (slotOfArc.get(`${a}>${t}`) ?? 0) - (slotOfArc.get(`${b}>${t}`) ?? 0))
      : ps,
  );
  const total = layerOf.length;
  let depth = 0;
  for (const l of layerOf) depth = Math.max(depth, l + 1);
  const layers: number[][] = Array.from({ length: depth }, () => []);
  for (let id = 0; id < total; id++) (layers[layerOf[id] as number] as number[]).push(id);
  return { n, total, layerOf, preds, predW, succs, succW, args, origin, bus, span: spans, layers };
}
