import type { TensorOp } from '../graph';
import { TENSOR_OPS, type TensorOpName } from '../ops/tensor';
import type { GraphWriter } from '../writer';
import {
  index,
  isTensor,
  list,
  matmul,
  reduce,
  type Site,
  type Tensor,
  transpose,
  type Value,
} from './lower';

/**
 * One tensor row of the AST (`E_TENSOR`), lowered: `args` are its operands' values, `at` an index's
 * positions. Records the operation (which scalar nodes it made, its shape) in `ops`.
 */
export function lowerRow(
  w: GraphWriter,
  ops: TensorOp[],
  code: number,
  args: Value[],
  at: number[],
  site: Site,
): Value {
  const op = TENSOR_OPS[code] as TensorOpName;
  const first = w.size;
  let v: Value;
  if (op === 'list') v = list(w, args, site);
  else if (op === 'matmul') v = matmul(w, args[0] as Value, args[1] as Value, site);
  else if (op === 'transpose') v = transpose(w, args[0] as Value, site);
  else if (op === 'index') v = index(w, args[0] as Value, at, site);
  else v = reduce(w, op, args[0] as Value, site);
  record(ops, op, v, args, first, w.size - 1, site);
  return v;
}

/** Notes a tensor operation's nodes and shapes in `ops` (see TensorOp). */
export function record(
  ops: TensorOp[],
  op: TensorOpName,
  v: Value,
  args: readonly Value[],
  first: number,
  last: number,
  site: Site,
  scalar?: TensorOp['scalar'],
): void {
  const t: TensorOp = {
    op,
    shape: isTensor(v) ? v.shape : [],
    first,
    last,
    outputs: isTensor(v) ? v.nodes : [v],
    operands: args.map((a) => (isTensor(a) ? a : { shape: [], nodes: [a] })),
    start: site.start,
    end: site.end,
  };
  if (scalar) t.scalar = scalar;
  ops.push(t);
}

/** `W[0,1]`, `v[2]`: the name of one element of a named tensor. */
export function elementName(name: string, t: Tensor, k: number): string {
  if (t.shape.length === 1) return `${name}[${k}]`;
  const cols = t.shape[1] as number;
  return `${name}[${Math.floor(k / cols)},${k % cols}]`;
}
