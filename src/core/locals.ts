import { gather } from './forward';
import type { Graph } from './graph';
import { ALL_OPS, CALL_CODE } from './ops/table';
import type { OpSpec } from './ops/types';

/**
 * By op code: 1 for the ops whose local derivatives the passes take all at once (see `gateLocals`): the
 * ops with `partials`, and collapsed calls. The passes read this flag rather than the op's property:
 * one byte per gate instead of a property lookup on op objects of many shapes.
 */
export const BATCHED: Uint8Array = Uint8Array.from(ALL_OPS, (o) => (o.partials === undefined ? 0 : 1));
BATCHED[CALL_CODE] = 1;

/**
 * Every local derivative ∂out/∂x_i of one gate, into `into` (returned): from the op's `partials` when it
 * has one (max/min: one pass for all arguments), else one `partial` per argument.
 */
export function localsOf(spec: OpSpec, xs: readonly number[], out: number, into: number[] = []): number[] {
  into.length = xs.length;
  if (spec.partials) spec.partials(xs, out, into);
  else for (let i = 0; i < xs.length; i++) into[i] = spec.partial(xs, out, i);
  return into;
}

/**
 * Every local derivative of gate `id` (inputs `xs`, output `out`), into `into`: a collapsed call's come
 * with the graph (the chain rule through its inside, see collapse.ts); every other op's from the op.
 */
export function gateLocals(
  graph: Graph,
  id: number,
  spec: OpSpec,
  xs: readonly number[],
  out: number,
  into: number[] = [],
): number[] {
  if (graph.op[id] !== CALL_CODE) return localsOf(spec, xs, out, into);
  const first = graph.firstEdge[id] as number;
  into.length = xs.length;
  for (let i = 0; i < xs.length; i++)
    into[i] = graph.callLocal ? (graph.callLocal[first + i] as number) : Number.NaN;
  return into;
}

/** The local derivatives of node id with respect to each of its arguments, in argument order. O(arity). */
export function localDerivatives(graph: Graph, values: Float64Array, id: number): number[] {
  const spec = ALL_OPS[graph.op[id] as number] as OpSpec;
  return gateLocals(graph, id, spec, gather(graph, id, values), values[id] as number);
}
