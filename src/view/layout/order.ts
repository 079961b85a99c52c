import { bilayerCrossings } from './crossings';
import type { Proper } from './proper';

/** Most layer sweeps (fewer on huge layered graphs); the search stops sooner when a few rounds bring no gain. */
const MAX_SWEEPS = 24;
const SWEEP_WORK = 60_000;
const PATIENCE = 6;
const TRANSPOSE_PASSES = 4;
/** Every this many sweeps, one that looks at both neighbouring layers (it escapes one-sided optima). */
const BOTH_SIDES = 4;
/** Above this many (real + virtual) nodes, transpositions run only on the best ordering, once. */
const TRANSPOSE_EVERY_SWEEP = 2000;

/**
 * Orders each layer to reduce crossings, in place (`p.layers`): a depth-first order from the output
 * (a tree comes out planar), then barycenter sweeps alternately from the inputs and from the output,
 * each followed by adjacent transpositions; the ordering with the fewest crossings seen is kept.
 * `anchor[id]` (0..1, or NaN) is where the previous layout had the node: its barycenter is pulled there.
 */
export function orderLayers(p: Proper, anchor: Float64Array | null): number {
  // Two starts: arguments in argument order (a lecture circuit reads x, y, z from the top), and by
  // source; the fewer crossings wins, a tie goes to argument order. Big graphs get the first only.
  const start = p.layers.map((ids) => ids.slice());
  const first = orderFrom(p, anchor, p.args);
  if (first === 0 || p.total > TRANSPOSE_EVERY_SWEEP) return first;
  const kept = p.layers.map((ids) => ids.slice());
  for (let l = 0; l < start.length; l++) p.layers[l] = (start[l] as number[]).slice();
  const second = orderFrom(p, anchor, p.preds);
  if (second < first) return second;
  for (let l = 0; l < kept.length; l++) p.layers[l] = kept[l] as number[];
  return first;
}

function orderFrom(p: Proper, anchor: Float64Array | null, dfs: number[][]): number {
  const { layers, preds, predW, succs, succW, layerOf } = p;
  const pos = new Int32Array(p.total);
  const reindex = (ids: number[]) => {
    for (let k = 0; k < ids.length; k++) pos[ids[k] as number] = k;
  };
  initialOrder(p, anchor, dfs);
  for (const ids of layers) reindex(ids);
  const count = () => {
    let c = 0;
    for (let l = 0; l + 1 < layers.length; l++)
      c += bilayerCrossings(layers[l] as number[], succs, succW, pos, layers[l + 1] as number[], layerOf);
    return c;
  };
  let best = count();
  let bestLayers = layers.map((ids) => ids.slice());
  const bary = new Float64Array(p.total);
  const sizeOf = (l: number) => (layers[l] as number[] | undefined)?.length ?? 1;
  // Barycenter of a node's neighbours on one side, or on both (`both`), by relative position (0..1).
  const sweep = (l: number, neighbours: number[][], weights: number[][], both: boolean) => {
    const ids = layers[l] as number[];
    const m = ids.length;
    for (const id of ids) {
      let sum = 0;
      let k = 0;
      for (let side = 0; side < (both ? 2 : 1); side++) {
        const ns = (side === 0 ? neighbours : neighbours === preds ? succs : preds)[id] as number[];
        const ws = (side === 0 ? weights : weights === predW ? succW : predW)[id] as number[];
        for (let j = 0; j < ns.length; j++) {
          const v = ns[j] as number;
          if (Math.abs((layerOf[v] as number) - l) !== 1) continue;
          sum += (ws[j] as number) * (((pos[v] as number) + 0.5) / sizeOf(layerOf[v] as number));
          k += ws[j] as number;
        }
      }
      let b = k ? sum / k : ((pos[id] as number) + 0.5) / m;
      const a = anchor ? (anchor[id] as number) : Number.NaN;
      if (!Number.isNaN(a)) b = (b + a) / 2;
      bary[id] = b;
    }
    ids.sort((a, b) => (bary[a] as number) - (bary[b] as number) || (pos[a] as number) - (pos[b] as number));
    reindex(ids);
  };
  let stale = 0;
  const sweeps = Math.max(4, Math.min(MAX_SWEEPS, Math.floor(SWEEP_WORK / Math.max(1, p.total))));
  for (let s = 0; s < sweeps && best > 0 && stale < PATIENCE; s++) {
    const both = s % BOTH_SIDES === BOTH_SIDES - 1;
    if (s % 2 === 0) for (let l = 1; l < layers.length; l++) sweep(l, preds, predW, both);
    else for (let l = layers.length - 2; l >= 0; l--) sweep(l, succs, succW, both);
    if (p.total <= TRANSPOSE_EVERY_SWEEP) transpose(p, pos);
    const c = count();
    if (c < best) {
      best = c;
      bestLayers = layers.map((ids) => ids.slice());
      stale = 0;
    } else stale++;
  }
  for (let l = 0; l < layers.length; l++) layers[l] = bestLayers[l] as number[];
  if (p.total > TRANSPOSE_EVERY_SWEEP && best > 0) {
    for (const ids of layers) reindex(ids);
    transpose(p, pos);
    best = Math.min(best, count()); // transpositions never add crossings
  }
  return best;
}

/** Depth-first from the sinks through arguments in slot order; a hinted layer keeps its hinted order. */
function initialOrder(p: Proper, anchor: Float64Array | null, dfs: number[][]): void {
  const key = new Int32Array(p.total).fill(-1);
  let next = 0;
  const stack: number[] = [];
  for (let root = p.total - 1; root >= 0; root--) {
    if (key[root] !== -1 || (p.succs[root] as number[]).length > 0) continue;
    stack.push(root);
    while (stack.length) {
      const id = stack.pop() as number;
      if (key[id] !== -1) continue;
      key[id] = next++;
      const ps = dfs[id] as number[];
      for (let k = ps.length - 1; k >= 0; k--) if (key[ps[k] as number] === -1) stack.push(ps[k] as number);
    }
  }
  for (const ids of p.layers) {
    ids.sort((a, b) => (key[a] as number) - (key[b] as number));
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

/** Crossings among the edges of u and v on one side when u is above v. */
function pairCrossings(
  us: number[],
  uw: number[],
  vs: number[],
  vw: number[],
  pos: Int32Array,
  layerOf: number[],
  l: number,
): number {
  let c = 0;
  for (let i = 0; i < us.length; i++) {
    const a = us[i] as number;
    if (Math.abs((layerOf[a] as number) - l) !== 1) continue;
    for (let j = 0; j < vs.length; j++) {
      const b = vs[j] as number;
      if (Math.abs((layerOf[b] as number) - l) === 1 && (pos[a] as number) > (pos[b] as number))
        c += (uw[i] as number) * (vw[j] as number);
    }
  }
  return c;
}

/** Swaps neighbours in a layer while that removes crossings with both adjacent layers. */
function transpose(p: Proper, pos: Int32Array): void {
  const { layers, preds, predW, succs, succW, layerOf } = p;
  const cross = (a: number, b: number, l: number) =>
    pairCrossings(
      preds[a] as number[],
      predW[a] as number[],
      preds[b] as number[],
      predW[b] as number[],
      pos,
      layerOf,
      l,
    ) +
    pairCrossings(
      succs[a] as number[],
      succW[a] as number[],
      succs[b] as number[],
      succW[b] as number[],
      pos,
      layerOf,
      l,
    );
  for (let pass = 0; pass < TRANSPOSE_PASSES; pass++) {
    let improved = false;
    for (let l = 0; l < layers.length; l++) {
      const ids = layers[l] as number[];
      for (let k = 0; k + 1 < ids.length; k++) {
        const u = ids[k] as number;
        const v = ids[k + 1] as number;
        if (cross(v, u, l) < cross(u, v, l)) {
          ids[k] = v;
          ids[k + 1] = u;
          pos[v] = k;
          pos[u] = k + 1;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}
