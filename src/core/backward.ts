import type { GradflowError } from './errors';
import { formatNumber } from './format';
import { gather, snippet } from './forward';
import type { Graph } from './graph';
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
  const { size, output, firstEdge, edgeSource } = graph;
  const grads = new Float64Array(size);
  const live = reachesOutput(graph, output);
  const needsGrad = dependsOnInput(graph);

  // How many contributions each node will receive, so each step can say "term k of m".
  const terms = new Int32Array(size);
  for (let id = 0; id < size; id++) {
    if (!live[id]) continue;
    for (let e = firstEdge[id] as number; e < (firstEdge[id + 1] as number); e++) {
      const i = edgeSource[e] as number;
      if (needsGrad[i]) terms[i] = (terms[i] as number) + 1;
    }
  }

  const seen = new Int32Array(size);
  const steps = new Steps(graph.edgeCount);
  let k = 0;
  const scratch: number[][] = [];
  grads[output] = 1;
  for (let id = output; id >= 0; id--) {
    const first = firstEdge[id] as number;
    const arity = (firstEdge[id + 1] as number) - first;
    if (!live[id] || arity === 0) continue;
    const spec = ALL_OPS[graph.op[id] as number] as OpSpec;
    const xs = gather(graph, id, values, scratch);
    const upstream = grads[id] as number;
    const out = values[id] as number;
    for (let slot = 0; slot < arity; slot++) {
      const src = edgeSource[first + slot] as number;
      if (!needsGrad[src]) continue;
      const local = spec.partial(xs, out, slot);
      if (!Number.isFinite(local)) {
        const what = snippet(source, graph, id);
        return {
          ok: false,
          node: id,
          error: {
            message: `${what || spec.symbol} has no finite derivative here (input ${formatNumber(xs[slot] as number)})`,
            start: graph.start[id] as number,
            end: graph.end[id] as number,
            phase: 'domain',
            hint: 'Its slope is vertical or undefined at this point; move the input a little.',
          },
        };
      }
      const contribution = upstream * local;
      const before = grads[src] as number;
      const after = before + contribution;
      grads[src] = after;
      seen[src] = (seen[src] as number) + 1;
      steps.edge[k] = first + slot;
      steps.source[k] = src;
      steps.target[k] = id;
      steps.slot[k] = slot;
      steps.upstream[k] = upstream;
      steps.local[k] = local;
      steps.contribution[k] = contribution;
      steps.before[k] = before;
      steps.after[k] = after;
      steps.term[k] = seen[src] as number;
      steps.terms[k] = terms[src] as number;
      k++;
    }
  }
  steps.length = k;
  return { ok: true, grads, steps };
}
