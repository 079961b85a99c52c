import { formatNumber } from './format';
import { forward, gather, listNumbers } from './forward';
import type { Graph, GraphNode } from './graph';
import { ALL_OPS } from './ops/table';
import type { OpSpec } from './ops/types';
import { reachesOutput } from './reach';
import { tangent } from './tangent';

/** Backprop against central differences for one input. */
export interface GradientCheck {
  name: string;
  /** Reverse-mode gradient. */
  analytic: number;
  /** (f(x+h) − f(x−h)) / 2h, or NaN when x±h leaves the domain or something overflows. */
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|, 1e-6). */
  relError: number;
  h: number;
  /** True when the two agree within `TOLERANCE`. */
  agrees: boolean;
  /** Why they disagree, when we can tell: a corner of relu/abs/max/min, or a domain edge. */
  reason?: string;
}

export const TOLERANCE = 1e-4;

/** The relative error used throughout, floored so that two near-zero gradients count as agreeing. */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-6);
}

/**
 * Central differences per input, h = 1e-5·max(1, |x|): truncation error O(h²) and round-off
 * O(ε/h) are both near 1e-10 there.
 */
export function gradientCheck(
  graph: Graph,
  inputValues: readonly number[],
  values: Float64Array,
  grads: Float64Array,
): GradientCheck[] {
  return graph.inputs.map((inp, k) => {
    const x = inputValues[k] as number;
    const h = 1e-5 * Math.max(1, Math.abs(x));
    const at = (dx: number) => {
      const shifted = inputValues.slice();
      shifted[k] = x + dx;
      const r = forward(graph, shifted);
      return r.ok ? (r.values[graph.output] as number) : Number.NaN;
    };
    const [up, down] = [at(h), at(-h)];
    const difference = (up - down) / (2 * h);
    // No estimate when x ± h leaves a domain or overflows (NaN), or the difference itself overflows: the
    // table then shows no number rather than ∞.
    const numeric = Number.isFinite(difference) ? difference : Number.NaN;
    const analytic = grads[inp.node] as number;
    const relError = Number.isNaN(numeric) ? Number.POSITIVE_INFINITY : relativeError(analytic, numeric);
    const agrees = relError <= TOLERANCE;
    const check: GradientCheck = { name: inp.name, analytic, numeric, relError, h, agrees };
    if (!agrees) {
      check.reason = Number.isNaN(numeric)
        ? Number.isNaN(up) || Number.isNaN(down)
          ? `${inp.name} ± ${formatNumber(h)} leaves the domain of an operation (a domain edge), or a value overflows there, so no central difference exists.`
          : `The central difference at ${inp.name} ± ${formatNumber(h)} is larger than the largest number, so there is no estimate.`
        : (cornerNear(graph, values, inp.node, h) ??
          'The function bends sharply within ±h here; the central difference is not a good estimate.');
    }
    return check;
  });
}

/**
 * The relu/abs/max/min node whose corner lies within reach when `seed` moves by ±h: its distance to the
 * corner is at most 2·h·(how fast its inputs move, from forward mode). Central differences are not
 * valid across a corner.
 */
export function cornerWithin(
  graph: Graph,
  values: Float64Array,
  seed: number,
  h: number,
): GraphNode | undefined {
  const dot = tangent(graph, values, seed);
  // Only corners the output passes through bend it: a line the output does not use cannot.
  const live = reachesOutput(graph, graph.output);
  const scratch: number[][] = [];
  for (let id = 0; id < graph.size; id++) {
    const kink = (ALL_OPS[graph.op[id] as number] as OpSpec).kink;
    if (!kink || !live[id]) continue;
    let speed = 0;
    for (let e = graph.firstEdge[id] as number; e < (graph.firstEdge[id + 1] as number); e++) {
      speed = Math.max(speed, Math.abs(dot[graph.edgeSource[e] as number] as number));
    }
    if (speed > 0 && kink(gather(graph, id, values, scratch)) <= 2 * h * speed) return graph.node(id);
  }
  return undefined;
}

function cornerNear(graph: Graph, values: Float64Array, seed: number, h: number): string | undefined {
  const node = cornerWithin(graph, values, seed, h);
  return node && cornerReason(node, gather(graph, node.id, values));
}

function cornerReason(node: GraphNode, xs: number[]): string {
  if (node.op === 'max' || node.op === 'min') {
    return `${node.op} has a tie here (${listNumbers(xs)}): a corner, where the one-sided slopes differ and backprop uses the first winner's.`;
  }
  return `${node.fn ?? node.op} is at its corner (input ${formatNumber(xs[0] as number)}): the slopes left and right differ, and backprop uses ${node.op}'(0) = 0.`;
}
