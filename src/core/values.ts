/*
 * What a row of the program computes while the graph is built: one scalar node, or a vector or matrix of
 * them (see tensor/lower.ts, which lowers tensor operations onto scalar gates).
 */

/** A vector or matrix: its shape and its elements' nodes, row-major. */
export interface Tensor {
  shape: number[];
  nodes: number[];
}

/** A value while building: a scalar node id, or a tensor. */
export type Value = number | Tensor;

export const isTensor = (v: Value): v is Tensor => typeof v !== 'number';

/** `2×3`, `3` (a vector of 3), `a number`. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 0 ? 'a number' : shape.join('×');
}
