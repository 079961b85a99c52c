import { gapArcs, move, type Scratch, scratchFor } from './gap';
import type { Proper } from './proper';

/**
 * Node sifting: a real node lifted out of its layer and put back at the slot where its arcs on both
 * sides cross least, every other node fixed. For an arc into the node from upper slot c, with the node at
 * slot q, the other arcs it crosses run from above c to at or below q, or from below c to above q:
 *   rowTot(c) + colTot(q) − S(c, q) − S(c+1, q)          (S as in gap.ts: arcs above-left of a corner),
 * and an arc out of the node to lower slot c crosses rowTot(q) + colTot(c) − S(q, c) − S(q, c+1). Each is
 * one pass over the gap's arcs and one over the slots; a node moves only if that strictly lowers the crossings.
 */
export function siftNodes(p: Proper, pos: Int32Array, scratch: Scratch = scratchFor(p)): number {
  let gain = 0;
  for (let v = 0; v < p.n; v++) gain += siftNode(p, pos, v, scratch);
  return gain;
}

export function siftNode(p: Proper, pos: Int32Array, v: number, scratch: Scratch = scratchFor(p)): number {
  const { layerStart, layerOf, up, down } = p;
  const { sortedRow, sortedW, colStart, rowTot, colTot, below, cost } = scratch;
  const l = layerOf[v] as number;
  const depth = layerStart.length - 1;
  const width = (k: number) => (layerStart[k + 1] as number) - (layerStart[k] as number);
  const w = width(l) - 1; // slots 0..w among the layer's other nodes
  const pv = pos[v] as number;
  cost.fill(0, 0, w + 1);
  if (l > 0 && (up.start[v + 1] as number) > (up.start[v] as number)) {
    const rows = width(l - 1);
    gapArcs(p, pos, l - 1, -1, 0, v, rows, w, scratch);
    for (let j = up.start[v] as number; j < (up.start[v + 1] as number); j++) {
      const c = pos[up.list[j] as number] as number;
      const wt = up.weight[j] as number;
      // below[q] := S(c, q) + S(c+1, q), column by column.
      below.fill(0, 0, w + 2);
      for (let r = 0; r < w; r++) {
        let add = 0;
        for (let q = colStart[r] as number; q < (colStart[r + 1] as number); q++) {
          const row = sortedRow[q] as number;
          if (row <= c) add += (row < c ? 2 : 1) * (sortedW[q] as number);
        }
        below[r + 1] = (below[r] as number) + add;
      }
      for (let q = 0; q <= w; q++)
        cost[q] =
          (cost[q] as number) + wt * ((rowTot[c] as number) + (colTot[q] as number) - (below[q] as number));
    }
  }
  if (l + 1 < depth && (down.start[v + 1] as number) > (down.start[v] as number)) {
    const cols = width(l + 1);
    gapArcs(p, pos, l, v, pv, -1, w, cols, scratch);
    for (let j = down.start[v] as number; j < (down.start[v + 1] as number); j++) {
      const c = pos[down.list[j] as number] as number;
      const wt = down.weight[j] as number;
      // below[i] := S(i, c) + S(i, c+1), by one pass over the arcs with lower slot ≤ c.
      below.fill(0, 0, w + 2);
      for (let q = 0; q < (colStart[c + 1] as number); q++) {
        const row = sortedRow[q] as number;
        below[row + 1] =
          (below[row + 1] as number) + (q < (colStart[c] as number) ? 2 : 1) * (sortedW[q] as number);
      }
      for (let i = 1; i <= w; i++) below[i] = (below[i] as number) + (below[i - 1] as number);
      for (let q = 0; q <= w; q++)
        cost[q] =
          (cost[q] as number) + wt * ((rowTot[q] as number) + (colTot[c] as number) - (below[q] as number));
    }
  }
  let best = 0;
  for (let q = 1; q <= w; q++) if ((cost[q] as number) < (cost[best] as number)) best = q;
  const gain = (cost[pv] as number) - (cost[best] as number);
  if (!(gain > 0)) return 0;
  move(p, pos, v, best);
  return gain;
}
