/**
 * Crossings between two neighbouring layers in O(E log V) (Barth, Jünger & Mutzel's accumulator tree):
 * edges sorted by their upper end's position, then by their lower end's; each edge crosses every earlier
 * one whose lower end lies strictly below its own. Arcs carry weights (a bus of k edges crosses as k).
 */
let scratch = new Float64Array(64);
const ends: number[] = [];
const weight: number[] = [];

export function bilayerCrossings(
  upper: readonly number[],
  succs: readonly (readonly number[])[],
  succW: readonly (readonly number[])[],
  pos: Int32Array,
  lower: readonly number[],
  layerOf: readonly number[],
): number {
  const lowerSize = lower.length;
  const below = layerOf[lower[0] as number];
  let first = 1;
  while (first < lowerSize) first *= 2;
  if (scratch.length < 2 * first) scratch = new Float64Array(4 * first);
  const tree = scratch;
  tree.fill(0, 0, 2 * first);
  let crossings = 0;
  for (const u of upper) {
    ends.length = 0;
    const vs = succs[u] as number[];
    const ws = succW[u] as number[];
    for (let k = 0; k < vs.length; k++) if (layerOf[vs[k] as number] === below) ends.push(k);
    // Insertion sort by position: a node has a handful of arcs.
    for (let i = 1; i < ends.length; i++) {
      const e = ends[i] as number;
      const key = pos[vs[e] as number] as number;
      let j = i - 1;
      while (j >= 0 && (pos[vs[ends[j] as number] as number] as number) > key) {
        ends[j + 1] = ends[j] as number;
        j--;
      }
      ends[j + 1] = e;
    }
    weight.length = 0;
    for (const k of ends) weight.push(ws[k] as number);
    for (let j = 0; j < ends.length; j++) {
      const w = weight[j] as number;
      let index = (pos[vs[ends[j] as number] as number] as number) + first;
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
