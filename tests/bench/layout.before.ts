import type { Graph, GraphNode } from '../../src/core';
// The layout as it was before the layered rewrite (commit a993bfa), kept for the bench's before/after rows.

/** Where each node sits, by node id, plus the drawing's extent. Pure: no DOM, no D3 selection. */
export interface Layout {
  x: Float64Array;
  y: Float64Array;
  layer: Int32Array;
  /** For each edge id, the bend points where it crosses intermediate layers (empty for short edges). */
  bends: [number, number][][];
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Horizontal distance between layers and vertical distance between neighbours in a layer. */
  dx: number;
  dy: number;
  /** Previous layout's y by node key: a hint that keeps unchanged nodes in their order. */
  previous?: ReadonlyMap<string, number>;
  /** This graph's node keys (`nodeKeys`), to look nodes up in `previous`. */
  keys?: readonly string[];
}

const SWEEPS = 8;
const STRAIGHTEN = 12;

/**
 * Layered left-to-right layout, the Sugiyama recipe in four short steps:
 * 1. layers: inputs at 0, each gate one right of its furthest input; constants just left of their gate;
 *    an edge that spans several layers gets a virtual node in each layer it crosses;
 * 2. order within layers: barycenter sweeps, alternately towards inputs and towards consumers;
 * 3. y: start from the order, then pull each node toward the mean of its neighbours, keeping the order
 *    and a minimum gap (fewer bends, straight chains);
 * 4. x from the layer.
 * O(sweeps · edges): a few milliseconds at 500 nodes.
 */
export function layoutGraph(graph: Graph, opts: LayoutOptions): Layout {
  const { nodes } = graph;
  const n = nodes.length;
  const layer = new Int32Array(n);
  for (const node of nodes) {
    if (node.op === 'input' || node.op === 'const') continue;
    let l = 0;
    for (const i of node.inputs) if (nodes[i]?.op !== 'const') l = Math.max(l, (layer[i] as number) + 1);
    layer[node.id] = Math.max(l, 1);
  }
  // Pull every gate and constant right, to one layer before its nearest consumer: a term of a long sum
  // then sits beside the + that uses it instead of far left (short edges, fewer virtual nodes).
  for (let id = n - 1; id >= 0; id--) {
    const node = nodes[id] as GraphNode;
    const out = graph.outEdges[id] ?? [];
    if (node.op === 'input' || out.length === 0) continue;
    let nearest = Number.POSITIVE_INFINITY;
    for (const e of out) nearest = Math.min(nearest, layer[graph.edges[e]?.target as number] as number);
    layer[id] = Math.max(node.op === 'const' ? 0 : 1, nearest - 1);
  }

  const depth = n === 0 ? 0 : Math.max(...layer) + 1;
  // Virtual nodes (ids n, n+1, ...) chain each long edge through the layers it crosses.
  const preds: number[][] = nodes.map(() => []);
  const succs: number[][] = nodes.map(() => []);
  const layerOf: number[] = Array.from(layer);
  const origin: number[] = nodes.map((_, id) => id); // a virtual node stands for its edge's source
  // Beyond a budget of virtual nodes (huge, deep graphs) remaining long edges are drawn direct.
  let budget = 4 * n + 200;
  const chains: number[][] = graph.edges.map((e) => {
    const chain: number[] = [];
    let prev = e.source;
    const span = (layer[e.target] as number) - (layer[e.source] as number) - 1;
    if (span > budget) {
      (preds[e.target] as number[]).push(e.source);
      (succs[e.source] as number[]).push(e.target);
      return chain;
    }
    budget -= Math.max(0, span);
    for (let l = (layer[e.source] as number) + 1; l < (layer[e.target] as number); l++) {
      const v = layerOf.length;
      layerOf.push(l);
      origin.push(e.source);
      preds.push([prev]);
      succs.push([]);
      (succs[prev] as number[]).push(v);
      chain.push(v);
      prev = v;
    }
    (preds[e.target] as number[]).push(prev);
    (succs[prev] as number[]).push(e.target);
    return chain;
  });
  const total = layerOf.length;
  const layers: number[][] = Array.from({ length: depth }, () => []);
  for (let id = 0; id < total; id++) (layers[layerOf[id] as number] as number[]).push(id);
  // Half-heights: real nodes need room for their labels; virtual ones only for a line.
  const half = (id: number) => (id < n ? opts.dy / 2 : opts.dy / 5);

  const rank = new Float64Array(total); // relative position within the layer, 0..1
  const hint = opts.previous;
  // A virtual node was "where its edge's source was".
  const was = (id: number) => hint?.get(opts.keys?.[origin[id] as number] ?? '');
  for (const ids of layers) {
    if (hint) ids.sort((a, b) => (was(a) ?? a) - (was(b) ?? b));
    ids.forEach((id, k) => {
      rank[id] = (k + 0.5) / ids.length;
    });
  }
  // A node that was on screen before is pulled toward its old place, so edits move only what they must.
  const anchor = new Float64Array(total).fill(Number.NaN);
  if (hint) for (let id = 0; id < total; id++) if (was(id) !== undefined) anchor[id] = rank[id] as number;
  const bary = new Float64Array(total);
  const sweep = (ids: number[], neighbours: number[][]) => {
    for (const id of ids) {
      const ns = neighbours[id] as number[];
      let sum = 0;
      for (const m of ns) sum += rank[m] as number;
      bary[id] = ns.length ? sum / ns.length : (rank[id] as number);
      const a = anchor[id] as number;
      if (!Number.isNaN(a)) bary[id] = ((bary[id] as number) + a) / 2;
    }
    ids.sort((a, b) => (bary[a] as number) - (bary[b] as number)); // stable: ties keep their order
    ids.forEach((id, k) => {
      rank[id] = (k + 0.5) / ids.length;
    });
  };
  for (let s = 0; s < SWEEPS; s++) {
    if (s % 2 === 0) for (let l = 1; l < depth; l++) sweep(layers[l] as number[], preds);
    else for (let l = depth - 2; l >= 0; l--) sweep(layers[l] as number[], succs);
  }

  // Initial y: each layer stacked and centred; then straighten.
  const y = new Float64Array(total);
  for (const ids of layers) {
    let acc = 0;
    ids.forEach((id, k) => {
      acc += k === 0 ? 0 : half(ids[k - 1] as number) + half(id);
      y[id] = acc;
    });
    for (const id of ids) y[id] = (y[id] as number) - acc / 2;
  }
  for (let it = 0; it < STRAIGHTEN; it++) {
    for (const ids of it % 2 === 0 ? layers : [...layers].reverse()) {
      const want = ids.map((id) => {
        const ps = preds[id] as number[];
        const ss = succs[id] as number[];
        let sum = 0;
        for (const m of ps) sum += y[m] as number;
        for (const m of ss) sum += y[m] as number;
        const count = ps.length + ss.length;
        return count ? sum / count : (y[id] as number);
      });
      place(ids, want, half, y);
    }
  }

  const x = new Float64Array(n);
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let id = 0; id < total; id++) {
    minY = Math.min(minY, y[id] as number);
    maxY = Math.max(maxY, y[id] as number);
  }
  if (total === 0) minY = maxY = 0;
  for (let id = 0; id < n; id++) x[id] = (layer[id] as number) * opts.dx;
  const yOut = new Float64Array(n);
  for (let id = 0; id < n; id++) yOut[id] = (y[id] as number) - minY;
  const bends = chains.map((chain) =>
    chain.map((v): [number, number] => [(layerOf[v] as number) * opts.dx, (y[v] as number) - minY]),
  );
  return { x, y: yOut, layer, bends, width: Math.max(0, depth - 1) * opts.dx, height: maxY - minY };
}

/**
 * Puts the ordered `ids` as close to `want` as possible while keeping their order and the gap their
 * half-heights need: push down from the top, push up from the bottom, and average the two (cheap, stable).
 */
function place(ids: number[], want: number[], half: (id: number) => number, y: Float64Array): void {
  const m = ids.length;
  const gap = (k: number) => half(ids[k - 1] as number) + half(ids[k] as number);
  const down = new Float64Array(m);
  const up = new Float64Array(m);
  for (let k = 0; k < m; k++)
    down[k] = k === 0 ? (want[k] as number) : Math.max(want[k] as number, (down[k - 1] as number) + gap(k));
  for (let k = m - 1; k >= 0; k--)
    up[k] =
      k === m - 1 ? (want[k] as number) : Math.min(want[k] as number, (up[k + 1] as number) - gap(k + 1));
  for (let k = 0; k < m; k++) {
    let v = ((down[k] as number) + (up[k] as number)) / 2;
    if (k > 0) v = Math.max(v, (y[ids[k - 1] as number] as number) + gap(k));
    y[ids[k] as number] = v;
  }
}
