import type { Csr } from './csr';

/**
 * Crossings between two neighbouring layers in O(E log V) (Barth, Jünger & Mutzel's accumulator tree):
 * edges sorted by their upper end's position, then by their lower end's; each edge crosses every earlier
 * one whose lower end lies strictly below its own. Arcs carry weights (a bus of k edges crosses as k).
 * The upper layer is `order[from .. to)`; `down` holds only arcs into the next layer, of `lowerSize` nodes.
 */
let scratch = new Float64Array(64);
let ends = new Int32Array(16);

export function bilayerCrossings(
  order: ArrayLike<number>,
  from: number,
  to: number,
  lowerSize: number,
  down: Csr,
  pos: Int32Array,
): number {
  const { start, list, weight } = down;
  let first = 1;
  while (first < lowerSize) first *= 2;
  if (scratch.length < 2 * first) scratch = new Float64Array(4 * first);
  const tree = scratch;
  tree.fill(0, 0, 2 * first);
  let crossings = 0;
  for (let i = from; i < to; i++) {
    const u = order[i] as number;
    const a = start[u] as number;
    const m = (start[u + 1] as number) - a;
    if (m > ends.length) ends = new Int32Array(2 * m);
    // Insertion sort of u's arcs by their lower end's position (stable): a node has a handful of arcs.
    for (let k = 0; k < m; k++) {
      const key = pos[list[a + k] as number] as number;
      let j = k - 1;
      while (j >= 0 && (pos[list[a + (ends[j] as number)] as number] as number) > key) {
        ends[j + 1] = ends[j] as number;
        j--;
      }
      ends[j + 1] = k;
    }
    for (let j = 0; j < m; j++) {
      const e = a + (ends[j] as number);
      const w = weight[e] as number;
      let index = (pos[list[e] as number] as number) + first;
      tree[index] = (tree[index] as number) + w;
      while (index > 1) {
        if (index % 2 === 0) crossings += w * (tree[index + 1] as number); // right sibling: ends further down
        index >>= 1;
        tree[index] = (tree[index] as number) + w;
      }
    }
  }
  return crossings;
}
