/*
 * The engine keeps its per-node data in typed-array columns (struct of arrays) rather than one object per
 * token, AST node, graph node or step: a 100,000-node program then costs a few allocations instead of
 * hundreds of thousands of objects for the garbage collector to trace and copy.
 */

export type Column = Uint8Array | Int8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** A copy of `a` with room for `capacity` entries (the new entries are 0). */
export function grow<T extends Column>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}
