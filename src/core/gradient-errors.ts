import type { GradflowError } from './errors';
import { formatNumber as f } from './format';
import { gather, snippet } from './forward';
import type { Graph } from './graph';
import { LARGEST } from './limits';
import { gateLocals } from './locals';
import { ALL_OPS } from './ops/table';
import type { OpSpec } from './ops/types';
import { nodeNames } from './symbols';

/*
 * Why the backward pass stopped at an edge: ∂f/∂s = (running sum so far) + upstream × local, and one of
 * the three was not a number. Built only when that happens, so the pass itself tests one number per edge.
 */

/** A number after × or +, parenthesized when negative: 3 × (−4). */
const factor = (v: number) => (v < 0 ? `(${f(v)})` : f(v));
const past = (v: number) => (v < 0 ? `below −${LARGEST}` : `larger than ${LARGEST}`);

/** How a node is named in a message: its name, or its text in parentheses. */
function called(graph: Graph, source: string, n: number): string {
  const label = graph.label[n];
  if (label !== undefined) return label;
  const text = snippet(source, graph, n);
  return text ? `(${text})` : `(${(ALL_OPS[graph.op[n] as number] as OpSpec).symbol})`;
}

export interface GradientFailure {
  node: number;
  error: GradflowError;
}

/**
 * The error for edge `edge`, where adding upstream × local to the running sum at its source was not
 * finite: the local derivative is not finite (a vertical slope), or the product overflows (reported on
 * the gate), or the sum where branches meet overflows (reported on the node receiving it).
 */
export function gradientFailure(
  graph: Graph,
  values: Float64Array,
  grads: Float64Array,
  edge: number,
  source: string,
): GradientFailure {
  const id = graph.edgeTarget[edge] as number;
  const src = graph.edgeSource[edge] as number;
  const slot = edge - (graph.firstEdge[id] as number);
  const spec = ALL_OPS[graph.op[id] as number] as OpSpec;
  const xs = gather(graph, id, values);
  const local = gateLocals(graph, id, spec, xs, values[id] as number)[slot] as number;
  const upstream = grads[id] as number;
  const contribution = upstream * local;
  const gate = snippet(source, graph, id) || spec.symbol;
  const at = (n: number, message: string, hint: string): GradientFailure => ({
    node: n,
    error: { message, start: graph.start[n] as number, end: graph.end[n] as number, phase: 'domain', hint },
  });
  if (!Number.isFinite(local)) {
    return at(
      id,
      `${gate} has no finite derivative here (input ${f(xs[slot] as number)})`,
      'Its slope is vertical or undefined at this point; move the input a little.',
    );
  }
  const d = `∂${nodeNames(graph)[graph.output]}/∂${called(graph, source, src)}`;
  if (!Number.isFinite(contribution)) {
    return at(
      id,
      `The gradient overflows: ${d} through ${gate} is ${f(upstream)} × ${factor(local)}, ${past(contribution)}`,
      'Each factor is a number, but their product is too large to compute with; try smaller values.',
    );
  }
  const before = grads[src] as number;
  return at(
    src,
    `The gradient overflows where branches meet: ${d} = ${f(before)} + ${factor(contribution)} is ${past(before + contribution)}`,
    'Each branch is a number, but their sum is too large to compute with; try smaller values.',
  );
}
