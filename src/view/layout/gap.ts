import type { Proper } from './proper';

/**
 * What sifting needs of one gap between neighbouring layers, with one node lifted out of each side (or
 * none: pass −1): the other arcs by slot, i.e. by index among the nodes that stay, so that a lifted node's
 * cost can be read off prefix sums for every slot it could take.
 */

/** Scratch for one sifting run, sized for the widest layer and the most arcs in a gap. */
export interface Scratch {
  // The other arcs of one gap: upper slot and weight, grouped by lower slot (colStart).
  sortedRow: Int32Array;
  sortedW: Float64Array;
  colStart: Int32Array;
  rowTot: Float64Array;
  colTot: Float64Array;
  below: Float64Array;
  // A min segment tree with additive tags (see suffixAdd).
  tree: Float64Array;
  tag: Float64Array;
  // The dynamic programme: costs by slot (this layer, next layer) and every step's argmins, end to end.
  cost: Float64Array;
  nextCost: Float64Array;
  choice: Int32Array;
}

export function scratchFor(p: Proper): Scratch {
  const { order, layerStart, down } = p;
  let w = 1;
  let m = 1;
  for (let l = 0; l + 1 < layerStart.length; l++) {
    const a = layerStart[l] as number;
    const b = layerStart[l + 1] as number;
    w = Math.max(w, b - a);
    let arcs = 0;
    for (let x = a; x < b; x++)
      arcs += (down.start[(order[x] as number) + 1] as number) - (down.start[order[x] as number] as number);
    m = Math.max(m, arcs);
  }
  let size = 1;
  while (size < w + 1) size *= 2;
  return {
    sortedRow: new Int32Array(m),
    sortedW: new Float64Array(m),
    colStart: new Int32Array(w + 3),
    rowTot: new Float64Array(w + 3),
    colTot: new Float64Array(w + 3),
    below: new Float64Array(w + 3),
    tree: new Float64Array(2 * size),
    tag: new Float64Array(2 * size),
    cost: new Float64Array(w + 1),
    nextCost: new Float64Array(w + 1),
    choice: new Int32Array(p.total + layerStart.length),
  };
}

/** S(i, c): the weight of the gap's other arcs with upper slot < i and lower slot < c. */
export function cornerSum(scratch: Scratch, i: number, c: number): number {
  const { sortedRow, sortedW, colStart } = scratch;
  let x = 0;
  for (let j = 0; j < (colStart[c] as number); j++)
    if ((sortedRow[j] as number) < i) x += sortedW[j] as number;
  return x;
}

/**
 * Collects the arcs of the gap below layer l other than u's (upper slots skip u, lower slots skip v),
 * bucketed by lower slot (`colStart`, `sortedRow`, `sortedW`), and the totals rowTot, colTot.
 */
export function gapArcs(
  p: Proper,
  pos: Int32Array,
  l: number,
  u: number,
  pu: number,
  v: number,
  w1: number,
  w2: number,
  scratch: Scratch,
): void {
  const { order, layerStart, up } = p;
  const { sortedRow, sortedW, colStart, rowTot, colTot } = scratch;
  // Read from the lower layer, slot by slot: its arcs come out grouped by lower slot already.
  const a = layerStart[l + 1] as number;
  const b = layerStart[l + 2] as number;
  rowTot.fill(0, 0, w1 + 2);
  colTot.fill(0, 0, w2 + 2);
  colStart[0] = 0;
  let m = 0;
  let r = 0;
  for (let y = a; y < b; y++) {
    const t = order[y] as number;
    if (t === v) continue;
    let sum = 0;
    for (let j = up.start[t] as number; j < (up.start[t + 1] as number); j++) {
      const x = up.list[j] as number;
      if (x === u) continue;
      const px = pos[x] as number;
      const i = px - (u >= 0 && px > pu ? 1 : 0);
      const w = up.weight[j] as number;
      sortedRow[m] = i;
      sortedW[m] = w;
      m++;
      rowTot[i + 1] = (rowTot[i + 1] as number) + w;
      sum += w;
    }
    r++;
    colStart[r] = m;
    colTot[r] = (colTot[r - 1] as number) + sum;
  }
  for (; r <= w2; r++) {
    colStart[r + 1] = m;
    colTot[r + 1] = colTot[r] as number;
  }
  for (let i = 1; i <= w1; i++) rowTot[i] = (rowTot[i] as number) + (rowTot[i - 1] as number);
}

/** Moves `id` within its layer to slot `to` among the layer's other nodes; re-indexes the layer. */
export function move(p: Proper, pos: Int32Array, id: number, to: number): void {
  const { order, layerStart, layerOf } = p;
  const a = layerStart[layerOf[id] as number] as number;
  const b = layerStart[(layerOf[id] as number) + 1] as number;
  const from = pos[id] as number;
  if (from === to) return;
  if (from < to) order.copyWithin(a + from, a + from + 1, a + to + 1);
  else order.copyWithin(a + to + 1, a + to, a + from);
  order[a + to] = id;
  for (let i = a + Math.min(from, to); i <= a + Math.max(from, to) && i < b; i++)
    pos[order[i] as number] = i - a;
}
