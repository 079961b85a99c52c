import type { GradflowError } from './errors';
import { formatNumber } from './format';
import type { Graph, GraphNode } from './graph';
import { OP } from './ops/table';

export type ForwardResult =
  | { ok: true; values: Float64Array }
  | { ok: false; values: Float64Array; node: number; error: GradflowError };

/** The inputs' values of node n, gathered into a reused array (no allocation per node). */
export function gather(node: GraphNode, values: Float64Array, into: number[]): number[] {
  into.length = node.inputs.length;
  for (let k = 0; k < node.inputs.length; k++) into[k] = values[node.inputs[k] as number] as number;
  return into;
}

/** Text of a node's source for messages, shortened. */
export function snippet(source: string, node: GraphNode): string {
  const s = source.slice(node.start, node.end).replace(/\s+/g, ' ');
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/**
 * Computes every node's value in topological (= id) order. `inputValues[k]` is the value of the k-th
 * input of `graph.inputs`. A value outside an op's domain, or one that overflows, stops the pass with an
 * error on that node, never a silent NaN.
 */
export function forward(graph: Graph, inputValues: ArrayLike<number>, source = ''): ForwardResult {
  const values = new Float64Array(graph.nodes.length).fill(Number.NaN);
  graph.inputs.forEach((inp, k) => {
    values[inp.node] = inputValues[k] as number;
  });
  const xs: number[] = [];
  for (const node of graph.nodes) {
    if (node.op === 'input') continue;
    if (node.op === 'const') {
      values[node.id] = node.constant as number;
      continue;
    }
    const spec = OP[node.op];
    gather(node, values, xs);
    const reason = spec.domain?.(xs) ?? null;
    const out = reason === null ? spec.forward(xs) : Number.NaN;
    if (reason === null && Number.isFinite(out)) {
      values[node.id] = out;
      continue;
    }
    const what = snippet(source, node);
    const message =
      reason !== null
        ? reason
        : Number.isNaN(out)
          ? `${spec.symbol} gives no number here (inputs ${xs.map((v) => formatNumber(v)).join(', ')})`
          : `The value overflows: ${what || spec.symbol} is ${formatNumber(out)}, too large to compute with`;
    return {
      ok: false,
      values,
      node: node.id,
      error: {
        message,
        start: node.start,
        end: node.end,
        phase: 'domain',
        hint: what ? `While computing ${what} with the current values.` : 'With the current values.',
      },
    };
  }
  return { ok: true, values };
}
