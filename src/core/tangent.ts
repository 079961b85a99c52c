import { gather } from './forward';
import type { Graph } from './graph';
import { BATCHED, gateLocals } from './locals';
import { ALL_OPS } from './ops/table';
import type { OpSpec } from './ops/types';

/**
 * Forward mode: the tangent ṅ = ∂n/∂seed of every node, pushed forward in topological order with
 * ṅ = Σ_i (∂n/∂x_i)·ẋ_i and the seed's tangent set to 1. Its output tangent must equal the reverse-mode
 * gradient for that input; the tests hold the two against each other.
 */
export function tangent(graph: Graph, values: Float64Array, seedNode: number): Float64Array {
  const dot = new Float64Array(graph.size);
  dot[seedNode] = 1;
  const scratch: number[][] = [];
  const locals: number[] = [];
  for (let id = 0; id < graph.size; id++) {
    const first = graph.firstEdge[id] as number;
    const arity = (graph.firstEdge[id + 1] as number) - first;
    if (arity === 0) continue;
    const spec = ALL_OPS[graph.op[id] as number] as OpSpec;
    const xs = gather(graph, id, values, scratch);
    const out = values[id] as number;
    // max/min: every local derivative in one pass (one winner per gate, not one per argument).
    const all = BATCHED[graph.op[id] as number] ? gateLocals(graph, id, spec, xs, out, locals) : null;
    let sum = 0;
    for (let slot = 0; slot < arity; slot++) {
      const t = dot[graph.edgeSource[first + slot] as number] as number;
      if (t !== 0) sum += (all === null ? spec.partial(xs, out, slot) : (all[slot] as number)) * t;
    }
    dot[id] = sum;
  }
  return dot;
}
