import type { Graph } from '../../core';

/** Up to this many nodes (CS231n's sigmoid neuron has 15) a graph is a lecture circuit: inputs on the left. */
export const SMALL_CIRCUIT = 16;
/** Rounds of local improvement after the first layering (each is O(edges); they stop when nothing moves). */
const ROUNDS = 16;

/**
 * Layers, left to right (every edge goes at least one layer right):
 * 1. longest path from the sources (each gate one right of its furthest argument);
 * 2. every node, from the output back, pulled right to just before its nearest consumer, so a weight
 *    or a term of a long sum sits beside the gate it feeds, not far left;
 * 3. coordinate descent on the total edge span (what network simplex minimises): a node with more
 *    arguments than consumers moves as far left as its arguments allow, one with more consumers as far right.
 * Small circuits keep the lecture convention instead: inputs in layer 0.
 */
export function rankNodes(graph: Pick<Graph, 'nodes' | 'edges' | 'outEdges'>): Int32Array {
  const { nodes, edges, outEdges } = graph;
  const n = nodes.length;
  const layer = new Int32Array(n);
  const isSource = (id: number) => (nodes[id]?.inputs.length ?? 0) === 0;
  for (const node of nodes) {
    let l = 0;
    for (const i of node.inputs) l = Math.max(l, (layer[i] as number) + 1);
    layer[node.id] = l;
  }
  const small = n <= SMALL_CIRCUIT;
  const pinned = (id: number) => small && nodes[id]?.op === 'input';
  const nearest = (id: number) => {
    let m = Number.POSITIVE_INFINITY;
    for (const e of outEdges[id] ?? []) m = Math.min(m, layer[edges[e]?.target as number] as number);
    return m;
  };
  for (let id = n - 1; id >= 0; id--) {
    if (pinned(id) || (outEdges[id]?.length ?? 0) === 0) continue;
    layer[id] = nearest(id) - 1;
  }
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (let pass = 0; pass < 2; pass++)
      for (let k = 0; k < n; k++) {
        const id = pass === 0 ? k : n - 1 - k;
        const node = nodes[id];
        if (!node || pinned(id) || isSource(id)) continue;
        const outs = outEdges[id] ?? [];
        if (outs.length === 0) continue;
        // Arguments that are sources follow this node wherever it goes: they neither bound nor pull it.
        let lo = Number.NEGATIVE_INFINITY;
        let args = 0;
        for (const i of node.inputs)
          if (!isSource(i) || pinned(i)) {
            lo = Math.max(lo, (layer[i] as number) + 1);
            args++;
          }
        const hi = nearest(id) - 1;
        const want = args > outs.length ? lo : args < outs.length ? hi : (layer[id] as number);
        if (want !== layer[id]) {
          layer[id] = want;
          moved = true;
        }
      }
    // Sources follow their consumers (a source has no arguments, so "right" is always best).
    for (let id = 0; id < n; id++)
      if (isSource(id) && !pinned(id) && (outEdges[id]?.length ?? 0) > 0) {
        const want = nearest(id) - 1;
        if (want !== layer[id]) {
          layer[id] = want;
          moved = true;
        }
      }
    if (!moved) break;
  }
  // Normalise: the leftmost layer is 0.
  let min = Number.POSITIVE_INFINITY;
  for (let id = 0; id < n; id++) min = Math.min(min, layer[id] as number);
  if (n > 0 && min !== 0) for (let id = 0; id < n; id++) layer[id] = (layer[id] as number) - min;
  return layer;
}
