import { gather } from './forward';
import type { Graph } from './graph';
import { OP } from './ops/table';

/**
 * Forward mode: the tangent ṅ = ∂n/∂seed of every node, pushed forward in topological order with
 * ṅ = Σ_i (∂n/∂x_i)·ẋ_i and the seed's tangent set to 1. Its output tangent must equal the reverse-mode
 * gradient for that input; the tests hold the two against each other.
 */
export function tangent(graph: Graph, values: Float64Array, seedNode: number): Float64Array {
  const dot = new Float64Array(graph.nodes.length);
  dot[seedNode] = 1;
  const xs: number[] = [];
  for (const node of graph.nodes) {
    if (node.inputs.length === 0) continue;
    const spec = OP[node.op];
    gather(node, values, xs);
    let sum = 0;
    for (let slot = 0; slot < node.inputs.length; slot++) {
      const t = dot[node.inputs[slot] as number] as number;
      if (t !== 0) sum += spec.partial(xs, values[node.id] as number, slot) * t;
    }
    dot[node.id] = sum;
  }
  return dot;
}
