import type { Steps } from './backward';
import type { Graph } from './graph';

/** One path from the output down to an input, with the local derivative on each of its edges. */
export interface ChainPath {
  /** Edge ids, from the output's end down to the input. */
  edges: number[];
  /** Node ids along the path, output first, input last. */
  nodes: number[];
  /** Local derivative ∂target/∂source on each edge, in the same order. */
  locals: number[];
  /** The product of the locals: this path's share of ∂output/∂input. */
  product: number;
  /** True when that product is beyond ±1.8e308 (then `product` is ±∞: show it as too large, not as ∞). */
  overflows?: true;
}

export interface PathSum {
  paths: ChainPath[];
  /** How many paths there are in all (paths lists at most `limit`). */
  total: number;
  /** Σ over every path of its product: equals ∂output/∂input (reverse mode sums the same terms). */
  sum: number;
  /**
   * True when the count of paths, or a listed path's product, is beyond ±1.8e308. Paths can cancel, so
   * their products may overflow where ∂output/∂input does not: `sum` is then reverse mode's gradient.
   */
  overflows?: true;
}

/**
 * The total derivative as a sum over paths: ∂f/∂x = Σ_paths Π_edges ∂target/∂source. Counting is
 * exact (dynamic programming); listing stops at `limit`, because paths can multiply exponentially.
 */
export function pathsTo(graph: Graph, steps: Steps, input: number, limit = 50): PathSum {
  const local = new Float64Array(graph.edgeCount).fill(Number.NaN);
  for (let k = 0; k < steps.length; k++) local[steps.edge(k)] = steps.local(k);
  // count[n]: paths from n down to the input, through edges that carry a gradient.
  const count = new Float64Array(graph.size);
  // share[n]: Σ over those paths of the product of locals = ∂n/∂input.
  const share = new Float64Array(graph.size);
  count[input] = 1;
  share[input] = 1;
  for (let id = 0; id < graph.size; id++) {
    if (id === input) continue;
    for (let e = graph.firstEdge[id] as number; e < (graph.firstEdge[id + 1] as number); e++) {
      const src = graph.edgeSource[e] as number;
      const l = local[e] as number;
      if (Number.isNaN(l) || (count[src] as number) === 0) continue;
      count[id] = (count[id] as number) + (count[src] as number);
      share[id] = (share[id] as number) + l * (share[src] as number);
    }
  }
  // Depth-first from the output, with an explicit stack: a path in a long sum is thousands of edges deep.
  const paths: ChainPath[] = [];
  const edges: number[] = [];
  const nodes: number[] = [graph.output];
  const nextSlot: number[] = [0];
  if ((count[graph.output] as number) === 0) nodes.length = 0;
  while (nodes.length > 0 && paths.length < limit) {
    const n = nodes[nodes.length - 1] as number;
    if (n === input) {
      const locals = edges.map((e) => local[e] as number);
      const product = locals.reduce((a, b) => a * b, 1);
      const path: ChainPath = { edges: [...edges], nodes: [...nodes], locals, product };
      if (!Number.isFinite(product)) path.overflows = true;
      paths.push(path);
    }
    const slot = nextSlot[nextSlot.length - 1] as number;
    if (n === input || slot >= graph.arity(n)) {
      nodes.pop();
      nextSlot.pop();
      edges.pop();
      continue;
    }
    nextSlot[nextSlot.length - 1] = slot + 1;
    const e = (graph.firstEdge[n] as number) + slot;
    const src = graph.edgeSource[e] as number;
    if (Number.isNaN(local[e] as number) || (count[src] as number) === 0) continue;
    edges.push(e);
    nodes.push(src);
    nextSlot.push(0);
  }
  const total = count[graph.output] as number;
  let sum = share[graph.output] as number;
  const result: PathSum = { paths, total, sum };
  if (!Number.isFinite(sum)) {
    // The sum of the products overflowed on the way although their total did not: take reverse mode's.
    sum = 0;
    for (let k = 0; k < steps.length; k++) if (steps.source(k) === input) sum = steps.after(k);
    result.sum = sum;
  }
  if (
    !Number.isFinite(total) ||
    !Number.isFinite(share[graph.output] as number) ||
    paths.some((q) => q.overflows)
  )
    result.overflows = true;
  return result;
}
