import type { GradflowError } from './errors';
import { formatNumber } from './format';
import { gather, snippet } from './forward';
import type { Graph, GraphNode } from './graph';
import { OP } from './ops/table';
import { dependsOnInput, reachesOutput } from './reach';

/** One edge of the backward pass: what the animation replays and the step panel explains. */
export interface BackwardStep {
  edge: number;
  /** The node receiving gradient (the edge's input end). */
  source: number;
  /** The gate sending it back (the edge's consumer). */
  target: number;
  /** Which argument of the gate `source` is. */
  slot: number;
  /** ∂output/∂target: the gradient arriving at the gate from above. */
  upstream: number;
  /** ∂target/∂source: the gate's local derivative for this argument. */
  local: number;
  /** upstream × local: what this edge adds to ∂output/∂source. */
  contribution: number;
  /** Running sum at `source` before and after this step: gradients add where branches meet. */
  before: number;
  after: number;
  /** This is contribution number `term` (1-based) of `terms` that `source` receives. */
  term: number;
  terms: number;
}

export type BackwardResult =
  | { ok: true; grads: Float64Array; steps: BackwardStep[] }
  | { ok: false; node: number; error: GradflowError };

/**
 * Reverse mode, the chain rule written once. Seed ∂out/∂out = 1, then visit gates from the output down
 * (reverse topological order, so a gate's gradient is complete before it is passed on) and, for each
 * argument, add upstream × local to that argument's gradient. Every addition is recorded as a step.
 * Only edges that matter get a step: from a node that depends on an input, into a gate the output uses.
 */
export function backward(graph: Graph, values: Float64Array, source = ''): BackwardResult {
  const { nodes, output } = graph;
  const n = nodes.length;
  const grads = new Float64Array(n);
  const live = reachesOutput(nodes, output);
  const needsGrad = dependsOnInput(nodes);

  // How many contributions each node will receive, so each step can say "term k of m".
  const terms = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    if (!live[id]) continue;
    for (const i of (nodes[id] as GraphNode).inputs) if (needsGrad[i]) terms[i] = (terms[i] as number) + 1;
  }

  const seen = new Int32Array(n);
  const steps: BackwardStep[] = [];
  const xs: number[] = [];
  grads[output] = 1;
  for (let id = output; id >= 0; id--) {
    const node = nodes[id] as GraphNode;
    if (!live[id] || node.inputs.length === 0) continue;
    const spec = OP[node.op];
    gather(node, values, xs);
    const upstream = grads[id] as number;
    const out = values[id] as number;
    for (let slot = 0; slot < node.inputs.length; slot++) {
      const src = node.inputs[slot] as number;
      if (!needsGrad[src]) continue;
      const local = spec.partial(xs, out, slot);
      if (!Number.isFinite(local)) {
        const what = snippet(source, node);
        return {
          ok: false,
          node: id,
          error: {
            message: `${what || spec.symbol} has no finite derivative here (input ${formatNumber(xs[slot] as number)})`,
            start: node.start,
            end: node.end,
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
      steps.push({
        edge: (graph.firstEdge[id] as number) + slot,
        source: src,
        target: id,
        slot,
        upstream,
        local,
        contribution,
        before,
        after,
        term: seen[src] as number,
        terms: terms[src] as number,
      });
    }
  }
  return { ok: true, grads, steps };
}
