/*
 * The tensor operations: what the lectures write with vectors and matrices. They are not gates of their
 * own: each is lowered onto the scalar gates (see tensor/lower.ts), so that there is one engine and one
 * chain rule, and the graph remembers which scalar nodes each tensor operation made (Graph.tensors).
 */

export type TensorOpName =
  | 'list' // [a, b, c] and [[…], […]]: a literal
  | 'matmul' // A @ B
  | 'transpose' // W.T
  | 'index' // v[i], W[i, j]
  | 'sum'
  | 'mean'
  | 'max' // max(v): one tensor argument reduces
  | 'min'
  | 'softmax'
  | 'logsumexp'
  | 'elementwise'; // a scalar op applied with broadcasting

export const TENSOR_OPS: readonly TensorOpName[] = [
  'list',
  'matmul',
  'transpose',
  'index',
  'sum',
  'mean',
  'max',
  'min',
  'softmax',
  'logsumexp',
  'elementwise',
];

export const TENSOR_CODE: Readonly<Record<TensorOpName, number>> = Object.fromEntries(
  TENSOR_OPS.map((o, k) => [o, k]),
) as Record<TensorOpName, number>;

/** The tensor functions a student calls by name, each with one tensor argument. */
export const TENSOR_FUNCTIONS: ReadonlyMap<string, TensorOpName> = new Map([
  ['sum', 'sum'],
  ['mean', 'mean'],
  ['softmax', 'softmax'],
  ['logsumexp', 'logsumexp'],
]);
