import type { GradflowError } from './errors';
import { gather } from './forward';
import { gradientFailure } from './gradient-errors';
import type { Graph } from './graph';
import { BATCHED, gateLocals } from './locals';
import { ALL_OPS } from './ops/table';
import type { OpSpec } from './ops/types';
import { dependsOnInput, reachesOutput } from './reach';
import { Steps } from './steps';

export type { BackwardStep } from './steps';
export { Steps } from './steps';

export type BackwardResult =
  | { ok: true; grads: Float64Array; steps: Steps }
  | { ok: false; node: number; error: GradflowError };

/**
 * Reverse mode, the chain rule written once. Seed ∂out/∂out = 1, then visit gates from the output down
 * (reverse topological order, so a gate's gradient is complete before it is passed on) and, for each
 * argument, add upstream × local to that argument's gradient. Every addition is recorded as a step.
 * Only edges that matter get a step: from a node that depends on an input, into a gate the output uses.
 */
export function backward(graph: Graph, values: Float64Array, source = ''): BackwardResult {
  const live = reachesOutput(graph, graph.output);
  const needsGrad = dependsOnInput(graph);
  const grads = new Float64Array(graph.size);
  const steps = new Steps(graph, grads, countTerms(graph, live, needsGrad));
  grads[graph.output] = 1;
  const failed = propagate(graph, values, live, needsGrad, grads, steps, graph.output, 0);
  if (failed < 0) return { ok: true, grads, steps };
  return { ok: false, ...gradientFailure(graph, values, grads, failed, source) };
}

/** How many contributions each node will receive, so each step can say "term k of m". */
function countTerms(graph: Graph, live: Uint8Array, needsGrad: Uint8Array): Int32Array {
  const { size, firstEdge, edgeSource } = graph;
  const terms = new Int32Array(size);
  for (let id = 0; id < size; id++) {
    if (!live[id]) continue;
    for (let e = firstEdge[id] as number; e < (firstEdge[id + 1] as number); e++) {
      const i = edgeSource[e] as number;
      if (needsGrad[i]) terms[i] = (terms[i] as number) + 1;
    }
  }
  return terms;
}

/**
 * The backward loop itself: the chain rule, for gates `top` down to `bottom` (ids in reverse topological
 * order), from the gradients already seeded in `grads`. Fills `grads`, and `steps` when given (the inner
 * pass of a collapsed call records none). Returns -1, or the first edge where the gradient is not finite
 * (its local derivative, its contribution or the running sum it adds to). (Kept apart from the
 * result-building code around it: engines compile a long loop on its own, and code after it that has not
 * run yet would be compiled blind.)
 */
export function propagate(
  graph: Graph,
  values: Float64Array,
  live: Uint8Array | null,
  needsGrad: Uint8Array | null,
  grads: Float64Array,
  steps: Steps | null,
  top: number,
  bottom: number,
): number {
  const { firstEdge, edgeSource } = graph;
  const seen = new Int32Array(steps ? graph.size : 0);
  const scratch: number[][] = [];
  const locals1: number[] = [];
  // The step columns, read once: the loop below writes to them 100,000 times.
  const record = steps !== null;
  const empty = new Int32Array(0);
  const edges = steps?.edges ?? empty;
  const termIndex = steps?.termIndex ?? empty;
  const locals = steps?.locals ?? new Float64Array(0);
  const befores = steps?.befores ?? new Float64Array(0);
  let k = 0;
  for (let id = top; id >= bottom; id--) {
    const first = firstEdge[id] as number;
    const arity = (firstEdge[id + 1] as number) - first;
    if ((live !== null && !live[id]) || arity === 0) continue;
    const spec = ALL_OPS[graph.op[id] as number] as OpSpec;
    const xs = gather(graph, id, values, scratch);
    const upstream = grads[id] as number;
    const out = values[id] as number;
    // max/min: every local derivative in one pass (one winner per gate, not one per argument).
    const all = BATCHED[graph.op[id] as number] ? gateLocals(graph, id, spec, xs, out, locals1) : null;
    for (let slot = 0; slot < arity; slot++) {
      const src = edgeSource[first + slot] as number;
      if (needsGrad !== null && !needsGrad[src]) continue;
      const local = all === null ? spec.partial(xs, out, slot) : (all[slot] as number);
      const before = grads[src] as number;
      const after = before + upstream * local;
      // One test per edge covers the three ways a gradient stops being a number: a local derivative
      // that is not finite, a product upstream × local past ±1.8e308, a running sum past it.
      if (!Number.isFinite(after)) return first + slot;
      grads[src] = after;
      if (!record) continue;
      seen[src] = (seen[src] as number) + 1;
      edges[k] = first + slot;
      termIndex[k] = seen[src] as number;
      locals[k] = local;
      befores[k] = before;
      k++;
    }
  }
  if (steps) steps.length = k;
  return -1;
}
