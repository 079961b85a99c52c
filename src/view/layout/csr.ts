/**
 * Packed neighbour lists (compressed sparse rows): node v's neighbours are `list[start[v] .. start[v + 1])`,
 * with `weight` (how many graph edges the arc stands for) and `arc` (the arc's index as built) alongside.
 * One typed array per field instead of an array per node: fewer allocations, and loops the JIT keeps tight.
 */
export interface Csr {
  start: Int32Array;
  list: Int32Array;
  weight: Int32Array;
  arc: Int32Array;
}

/**
 * The arcs `key[a] → value[a]` (those that `keep`), grouped by key; within a node's list, in arc order
 * (a stable counting sort), so each list reads as the arcs were made.
 */
export function csr(
  total: number,
  key: Int32Array,
  value: Int32Array,
  w: Int32Array,
  keep: (a: number) => boolean,
): Csr {
  const start = new Int32Array(total + 1);
  let m = 0;
  for (let a = 0; a < key.length; a++)
    if (keep(a)) {
      const k = (key[a] as number) + 1;
      start[k] = (start[k] as number) + 1;
      m++;
    }
  for (let v = 0; v < total; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, total);
  const list = new Int32Array(m);
  const weight = new Int32Array(m);
  const arc = new Int32Array(m);
  for (let a = 0; a < key.length; a++) {
    if (!keep(a)) continue;
    const v = key[a] as number;
    const i = fill[v] as number;
    fill[v] = i + 1;
    list[i] = value[a] as number;
    weight[i] = w[a] as number;
    arc[i] = a;
  }
  return { start, list, weight, arc };
}
