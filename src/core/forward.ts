import type { GradflowError } from './errors';
import { formatNumber } from './format';
import type { Graph } from './graph';
import { ALL_OPS, CONST_CODE, INPUT_CODE } from './ops/table';
import type { OpSpec } from './ops/types';

export type ForwardResult =
  | { ok: true; values: Float64Array }
  | { ok: false; values: Float64Array; node: number; error: GradflowError };

/**
 * The inputs' values of node n, in argument order. Written into `scratch[arity]`, an array reused for
 * every node of that arity, so a pass over 100,000 nodes allocates nothing per node.
 */
export function gather(graph: Graph, n: number, values: Float64Array, scratch: number[][] = []): number[] {
  const first = graph.firstEdge[n] as number;
  const count = (graph.firstEdge[n + 1] as number) - first;
  let into = scratch[count];
  if (into === undefined) {
    into = new Array<number>(count).fill(0);
    scratch[count] = into;
  }
  for (let k = 0; k < count; k++) into[k] = values[graph.edgeSource[first + k] as number] as number;
  return into;
}

/** Text of a node's source for messages, shortened. */
export function snippet(source: string, graph: Graph, n: number): string {
  const s = source.slice(graph.start[n], graph.end[n]).replace(/\s+/g, ' ');
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/**
 * Computes every node's value in topological (= id) order. `inputValues[k]` is the value of the k-th
 * input of `graph.inputs`. A value outside an op's domain, or one that overflows, stops the pass with an
 * error on that node, never a silent NaN.
 */
export function forward(graph: Graph, inputValues: ArrayLike<number>, source = ''): ForwardResult {
  const values = new Float64Array(graph.size).fill(Number.NaN);
  graph.inputs.forEach((inp, k) => {
    values[inp.node] = inputValues[k] as number;
  });
  const scratch: number[][] = [];
  for (let id = 0; id < graph.size; id++) {
    const code = graph.op[id] as number;
    if (code === INPUT_CODE) continue;
    if (code === CONST_CODE) {
      values[id] = graph.constant[id] as number;
      continue;
    }
    const spec = ALL_OPS[code] as OpSpec;
    const xs = gather(graph, id, values, scratch);
    const reason = spec.domain?.(xs) ?? null;
    const out = reason === null ? spec.forward(xs) : Number.NaN;
    if (reason === null && Number.isFinite(out)) {
      values[id] = out;
      continue;
    }
    const what = snippet(source, graph, id);
    const message =
      reason !== null
        ? reason
        : Number.isNaN(out)
          ? `${spec.symbol} gives no number here (inputs ${xs.map((v) => formatNumber(v)).join(', ')})`
          : `The value overflows: ${what || spec.symbol} is ${formatNumber(out)}, too large to compute with`;
    return {
      ok: false,
      values,
      node: id,
      error: {
        message,
        start: graph.start[id] as number,
        end: graph.end[id] as number,
        phase: 'domain',
        hint: what ? `While computing ${what} with the current values.` : 'With the current values.',
      },
    };
  }
  return { ok: true, values };
}
