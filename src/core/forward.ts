import type { GradflowError } from './errors';
import { formatNumber } from './format';
import type { Graph } from './graph';
import { beyond, LARGEST } from './limits';
import { ALL_OPS, CONST_CODE, INPUT_CODE } from './ops/table';
import type { OpSpec } from './ops/types';
import { reachesOutput } from './reach';

export type ForwardResult =
  /**
   * `warnings`: nodes the output does not use whose value could not be computed (a domain error or an
   * overflow). Their values, and those of the nodes built on them, are NaN; nothing the output uses is.
   */
  | { ok: true; values: Float64Array; warnings: GradflowError[] }
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

/** A few numbers for a message: `1, 2, 3` (a max of 100,000 arguments lists the first six, then …). */
export function listNumbers(xs: readonly number[], most = 6): string {
  const shown = xs.slice(0, most).map((v) => formatNumber(v));
  return xs.length > most ? `${shown.join(', ')}, … (${xs.length} in all)` : shown.join(', ');
}

/**
 * Computes every node's value in topological (= id) order. `inputValues[k]` is the value of the k-th
 * input of `graph.inputs`. A value outside an op's domain, or one that overflows (beyond ±1.8e308), stops
 * the pass with an error on that node, never a silent ∞ or NaN, when the output uses that node; when it
 * does not, the node's value is left NaN with a warning, and the pass goes on.
 */
export function forward(graph: Graph, inputValues: ArrayLike<number>, source = ''): ForwardResult {
  const values = new Float64Array(graph.size).fill(Number.NaN);
  for (let k = 0; k < graph.inputs.length; k++) {
    const inp = graph.inputs[k] as Graph['inputs'][number];
    const v = inputValues[k] as number;
    if (!Number.isFinite(v)) return { ok: false, values, node: inp.node, error: inputError(inp, v) };
    values[inp.node] = v;
  }
  const warnings: GradflowError[] = [];
  const scratch: number[][] = [];
  // Which nodes the output uses: only needed once something fails, which is rare.
  let live: Uint8Array | null = null;
  for (
    let id = compute(graph, values, 0, scratch, live);
    id >= 0;
    id = compute(graph, values, id + 1, scratch, live)
  ) {
    live ??= reachesOutput(graph, graph.output);
    const error = valueError(graph, values, id, source);
    if (live[id]) return { ok: false, values, node: id, error };
    values[id] = Number.NaN;
    // One warning, where the trouble starts: a NaN argument comes from a node already warned about.
    if (!gather(graph, id, values, scratch).some(Number.isNaN))
      warnings.push(leftOut(graph, id, error, source));
  }
  return { ok: true, values, warnings };
}

/**
 * The forward loop itself, from node `from` on: returns -1 when every value is computed, or the first
 * node whose value is outside its op's domain or not finite. With `live` (after a failure), a node the
 * output does not use that has a NaN argument is skipped and stays NaN: max(NaN, 3) must not read 3.
 */
function compute(
  graph: Graph,
  values: Float64Array,
  from: number,
  scratch: number[][],
  live: Uint8Array | null,
): number {
  for (let id = from; id < graph.size; id++) {
    const code = graph.op[id] as number;
    if (code === INPUT_CODE) continue;
    if (code === CONST_CODE) {
      values[id] = graph.constant[id] as number;
      continue;
    }
    const spec = ALL_OPS[code] as OpSpec;
    const xs = gather(graph, id, values, scratch);
    if (live !== null && !live[id] && xs.some(Number.isNaN)) continue;
    const reason = spec.domain?.(xs) ?? null;
    const out = reason === null ? spec.forward(xs) : Number.NaN;
    if (reason === null && Number.isFinite(out)) {
      values[id] = out;
      continue;
    }
    return id;
  }
  return -1;
}

/** Why node id has no value: its op's domain, an overflow, or no number at all. */
function valueError(graph: Graph, values: Float64Array, id: number, source: string): GradflowError {
  const spec = ALL_OPS[graph.op[id] as number] as OpSpec;
  const xs = gather(graph, id, values);
  const reason = spec.domain?.(xs) ?? null;
  const out = reason === null ? spec.forward(xs) : Number.NaN;
  const what = snippet(source, graph, id);
  const message =
    reason !== null
      ? reason
      : Number.isNaN(out)
        ? `${spec.symbol} gives no number here (inputs ${listNumbers(xs)})`
        : `The value overflows: ${what || spec.symbol} is ${beyond(out)}`;
  return {
    message,
    start: graph.start[id] as number,
    end: graph.end[id] as number,
    phase: 'domain',
    hint: what ? `While computing ${what} with the current values.` : 'With the current values.',
  };
}

/** The warning for a node the output does not use whose value could not be computed. */
function leftOut(graph: Graph, id: number, error: GradflowError, source: string): GradflowError {
  const what = snippet(source, graph, id) || (ALL_OPS[graph.op[id] as number] as OpSpec).symbol;
  const why = error.message.startsWith('The value overflows')
    ? `the value overflows (${error.message.includes('below') ? `below −${LARGEST}` : `larger than ${LARGEST}`})`
    : error.message;
  return {
    message: `${what} is left out: ${why}, and the output does not use it`,
    start: error.start,
    end: error.end,
    phase: 'domain',
    hint: 'Its value is not shown. Use it in the output, or delete the line.',
  };
}

/** An input given ∞ or NaN: refused on that input, like a value no op could compute. */
function inputError(inp: Graph['inputs'][number], v: number): GradflowError {
  const message = Number.isNaN(v)
    ? `${inp.name} is not a number (NaN)`
    : v > 0
      ? `${inp.name} is ∞, larger than the largest number (${LARGEST})`
      : `${inp.name} is −∞, below the most negative number (−${LARGEST})`;
  return {
    message,
    start: inp.start,
    end: inp.end,
    phase: 'domain',
    hint: `Give ${inp.name} a value between −${LARGEST} and ${LARGEST}.`,
  };
}
