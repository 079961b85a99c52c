import { bilayerCrossings } from './crossings';
import type { Csr } from './csr';
import type { Proper } from './proper';
import { siftBuses } from './sift';
import { siftNodes } from './siftnode';
import { transpose } from './transpose';

/** Most layer sweeps (fewer on huge layered graphs); the search stops sooner when a few rounds bring no gain. */
const MAX_SWEEPS = 24;
const SWEEP_WORK = 60_000;
const PATIENCE = 6;
/** Every this many sweeps, one that looks at both neighbouring layers (it escapes one-sided optima). */
const BOTH_SIDES = 4;
/** Above this many (real + virtual) nodes, transpositions run only on the best ordering, once. */
const TRANSPOSE_EVERY_SWEEP = 2000;
/** Most rounds of whole-bus sifting on the best ordering (each visits every bus once; within a work budget). */
const SIFT_ROUNDS = 3;

/**
 * Orders each layer to reduce crossings, in place (`p.order`): a depth-first order from the output
 * (a tree comes out planar), then barycenter sweeps alternately from the inputs and from the output,
 * each followed by adjacent transpositions; the ordering with the fewest crossings seen is kept, then
 * refined by bus sifting (sift.ts), node sifting (siftnode.ts) and transpositions. Returns its crossings.
 * `anchor[id]` (0..1, or NaN) is where the previous layout had the node: its barycenter is pulled there.
 */
export function orderLayers(p: Proper, anchor: Float64Array | null): number {
  // Two starts: arguments in argument order (a lecture circuit reads x, y, z from the top), and by
  // source; the fewer crossings wins, a tie goes to argument order. Big graphs get the first only.
  const start = p.order.slice();
  let best = orderFrom(p, anchor, p.args);
  if (best > 0 && p.total <= TRANSPOSE_EVERY_SWEEP) {
    const kept = p.order.slice();
    p.order.set(start);
    const second = orderFrom(p, anchor, p.preds.list);
    if (second < best) best = second;
    else p.order.set(kept);
  }
  if (best === 0) return 0;
  // Whole buses to their best places, then transpositions again; neither ever adds crossings.
  const pos = new Int32Array(p.total);
  reindex(p, pos);
  siftBuses(p, pos, SIFT_ROUNDS);
  siftNodes(p, pos);
  transpose(p, pos);
  return countCrossings(p, pos);
}

/** Total crossings of the current order (`pos[id]` is each node's index in its layer). */
export function countCrossings(p: Proper, pos: Int32Array): number {
  const { order, layerStart, down } = p;
  let c = 0;
  for (let l = 0; l + 2 < layerStart.length; l++)
    c += bilayerCrossings(
      order,
      layerStart[l] as number,
      layerStart[l + 1] as number,
      (layerStart[l + 2] as number) - (layerStart[l + 1] as number),
      down,
      pos,
    );
  return c;
}

/** `pos[id]` := each node's index in its layer. */
export function reindex(p: Proper, pos: Int32Array): void {
  const { order, layerStart } = p;
  for (let l = 0; l + 1 < layerStart.length; l++) {
    const a = layerStart[l] as number;
    const b = layerStart[l + 1] as number;
    for (let i = a; i < b; i++) pos[order[i] as number] = i - a;
  }
}

function orderFrom(p: Proper, anchor: Float64Array | null, dfs: Int32Array): number {
  const { order, layerStart, layerOf, up, down } = p;
  const depth = layerStart.length - 1;
  const pos = new Int32Array(p.total);
  initialOrder(p, anchor, dfs);
  reindex(p, pos);
  let best = countCrossings(p, pos);
  const bestOrder = order.slice();
  const bary = new Float64Array(p.total);
  const sizeOf = (l: number) => (layerStart[l + 1] as number) - (layerStart[l] as number);
  const byBary = (a: number, b: number) =>
    (bary[a] as number) - (bary[b] as number) || (pos[a] as number) - (pos[b] as number);
  // Barycenter of a node's neighbours on one side, or on both (`both`), by relative position (0..1).
  const side = (id: number, nb: Csr, acc: Float64Array) => {
    const { start, list, weight } = nb;
    for (let j = start[id] as number; j < (start[id + 1] as number); j++) {
      const v = list[j] as number;
      const w = weight[j] as number;
      acc[0] = (acc[0] as number) + w * (((pos[v] as number) + 0.5) / sizeOf(layerOf[v] as number));
      acc[1] = (acc[1] as number) + w;
    }
  };
  const acc = new Float64Array(2);
  const sweep = (l: number, nb: Csr, other: Csr, both: boolean) => {
    const a = layerStart[l] as number;
    const b = layerStart[l + 1] as number;
    const m = b - a;
    for (let i = a; i < b; i++) {
      const id = order[i] as number;
      acc[0] = 0;
      acc[1] = 0;
      side(id, nb, acc);
      if (both) side(id, other, acc);
      const k = acc[1] as number;
      let c = k ? (acc[0] as number) / k : ((pos[id] as number) + 0.5) / m;
      const h = anchor ? (anchor[id] as number) : Number.NaN;
      if (!Number.isNaN(h)) c = (c + h) / 2;
      bary[id] = c;
    }
    order.subarray(a, b).sort(byBary);
    for (let i = a; i < b; i++) pos[order[i] as number] = i - a;
  };
  let stale = 0;
  const sweeps = Math.max(4, Math.min(MAX_SWEEPS, Math.floor(SWEEP_WORK / Math.max(1, p.total))));
  for (let s = 0; s < sweeps && best > 0 && stale < PATIENCE; s++) {
    const both = s % BOTH_SIDES === BOTH_SIDES - 1;
    if (s % 2 === 0) for (let l = 1; l < depth; l++) sweep(l, up, down, both);
    else for (let l = depth - 2; l >= 0; l--) sweep(l, down, up, both);
    if (p.total <= TRANSPOSE_EVERY_SWEEP) transpose(p, pos);
    const c = countCrossings(p, pos);
    if (c < best) {
      best = c;
      bestOrder.set(order);
      stale = 0;
    } else stale++;
  }
  order.set(bestOrder);
  if (p.total > TRANSPOSE_EVERY_SWEEP && best > 0) {
    reindex(p, pos);
    transpose(p, pos);
    best = Math.min(best, countCrossings(p, pos)); // transpositions never add crossings
  }
  return best;
}

/** Depth-first from the sinks through arguments in slot order; a hinted layer keeps its hinted order. */
function initialOrder(p: Proper, anchor: Float64Array | null, dfs: Int32Array): void {
  const { order, layerStart, preds, succs } = p;
  const key = new Int32Array(p.total).fill(-1);
  let next = 0;
  const stack: number[] = [];
  for (let root = p.total - 1; root >= 0; root--) {
    if (key[root] !== -1 || (succs.start[root + 1] as number) > (succs.start[root] as number)) continue;
    stack.push(root);
    while (stack.length) {
      const id = stack.pop() as number;
      if (key[id] !== -1) continue;
      key[id] = next++;
      for (let k = (preds.start[id + 1] as number) - 1; k >= (preds.start[id] as number); k--)
        if (key[dfs[k] as number] === -1) stack.push(dfs[k] as number);
    }
  }
  const byKey = (a: number, b: number) => (key[a] as number) - (key[b] as number);
  for (let l = 0; l + 1 < layerStart.length; l++) {
    const ids = order.subarray(layerStart[l] as number, layerStart[l + 1] as number);
    ids.sort(byKey);
    if (!anchor) continue;
    // Hinted nodes take the hinted nodes' places, in the previous layout's order.
    const slots: number[] = [];
    const hinted: number[] = [];
    ids.forEach((id, k) => {
      if (!Number.isNaN(anchor[id] as number)) {
        slots.push(k);
        hinted.push(id);
      }
    });
    hinted.sort((a, b) => (anchor[a] as number) - (anchor[b] as number));
    slots.forEach((k, i) => {
      ids[k] = hinted[i] as number;
    });
  }
}
