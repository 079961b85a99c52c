import { gather } from './forward';
import type { Graph } from './graph';
import { BATCHED, gateLocals } from './locals';
import { ALL_OPS } from './ops/table';
import type { OpSpec } from './ops/types';
import { reachesOutput } from './reach';
import type { EdgeStep } from './steps';

/**
 * One edge of a forward-mode pass: what the animation replays when the tangent of the seed input flows
 * forward. Write dn/dx for node n's tangent (x the seed). Along the edge s → t the target gains
 *   ∂t/∂s · ds/dx   (the chain rule read from the input side),
 * and the target's tangent is the sum of what its edges bring: tangents add where branches meet.
 */
export interface TangentStep extends EdgeStep {
  /** d source/d seed: the tangent travelling along the edge (the target receives local × incoming). */
  incoming: number;
}

/** A forward-mode pass seeded on one input, as steps to replay. */
export interface TangentPass {
  /** The seed: the input whose tangent is 1 (every other input's is 0). */
  seed: number;
  steps: TangentStep[];
  /** ∂n/∂seed for every node at the end of the pass (0 for nodes that do not depend on the seed). */
  dots: Float64Array;
  /** 1 for the nodes that depend on the seed: only they carry a tangent that is not 0. */
  cone: Uint8Array;
}

/**
 * Forward mode seeded on `seed`: the gates in topological order, each gathering local × tangent from the
 * arguments that depend on the seed. Only edges that matter get a step: from a node in the seed's cone
 * into a gate the output uses (an argument that does not depend on the seed brings 0). Its output tangent
 * equals the reverse-mode gradient ∂out/∂seed, and `tangent` (tangent.ts) computes the same numbers.
 */
export function tangentPass(graph: Graph, values: Float64Array, seed: number, record = true): TangentPass {
  // Every output the tangent reaches: for a vector output, a pass fills a whole column of the Jacobian.
  const live = record ? reachesOutput(graph, graph.allOutputs) : null;
  const cone = new Uint8Array(graph.size);
  const dots = new Float64Array(graph.size);
  cone[seed] = 1;
  dots[seed] = 1;
  const steps: TangentStep[] = [];
  const scratch: number[][] = [];
  const locals: number[] = [];
  for (let id = seed + 1; id < graph.size; id++) {
    const first = graph.firstEdge[id] as number;
    const arity = (graph.firstEdge[id + 1] as number) - first;
    const slots: number[] = [];
    for (let slot = 0; slot < arity; slot++)
      if (cone[graph.edgeSource[first + slot] as number]) slots.push(slot);
    if (slots.length === 0) continue;
    cone[id] = 1;
    const spec = ALL_OPS[graph.op[id] as number] as OpSpec;
    const xs = gather(graph, id, values, scratch);
    const out = values[id] as number;
    // max/min: every local derivative in one pass (one winner per gate, not one per argument).
    const all = BATCHED[graph.op[id] as number] ? gateLocals(graph, id, spec, xs, out, locals) : null;
    let sum = 0;
    slots.forEach((slot, k) => {
      const source = graph.edgeSource[first + slot] as number;
      const incoming = dots[source] as number;
      const local = all === null ? spec.partial(xs, out, slot) : (all[slot] as number);
      // A tangent of 0 brings 0, even across a local derivative that is not a number.
      const contribution = incoming === 0 ? 0 : local * incoming;
      const before = sum;
      sum += contribution;
      if (live?.[id])
        steps.push({
          edge: first + slot,
          source,
          target: id,
          slot,
          incoming,
          local,
          contribution,
          before,
          after: sum,
          term: k + 1,
          terms: slots.length,
        });
    });
    dots[id] = sum;
  }
  return { seed, steps, dots, cone };
}

/**
 * Forward mode: the tangent dn/dx of every node (x the seed), pushed forward in topological order with
 * dn/dx = Σ_i (∂n/∂a_i)·da_i/dx over its arguments a_i, and the seed's tangent set to 1 (no steps recorded). Its output tangent must
 * equal the reverse-mode gradient for that input; the tests hold the two against each other.
 */
export const tangent = (graph: Graph, values: Float64Array, seed: number): Float64Array =>
  tangentPass(graph, values, seed, false).dots;
