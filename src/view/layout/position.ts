import type { Proper } from './proper';

/** Rounds of straightening (each places every layer once, alternately left to right and back); fewer on huge graphs. */
const STRAIGHTEN = 12;
const STRAIGHTEN_WORK = 100_000;

/**
 * y for every node of the ordered layered graph: each layer stacked and centred, then pulled toward
 * the mean of each node's neighbours, keeping the order and the gap that the nodes' half-heights need
 * (fewer bends, straight chains). Returns y with the top at 0 and the drawing's height.
 */
export function positionNodes(p: Proper, half: (id: number) => number): { y: Float64Array; height: number } {
  const { order, layerStart, preds, succs, total } = p;
  const depth = layerStart.length - 1;
  const h = new Float64Array(total);
  for (let id = 0; id < total; id++) h[id] = half(id);
  const y = new Float64Array(total);
  for (let l = 0; l < depth; l++) {
    const a = layerStart[l] as number;
    const b = layerStart[l + 1] as number;
    let acc = 0;
    for (let i = a; i < b; i++) {
      acc += i === a ? 0 : (h[order[i - 1] as number] as number) + (h[order[i] as number] as number);
      y[order[i] as number] = acc;
    }
    for (let i = a; i < b; i++) y[order[i] as number] = (y[order[i] as number] as number) - acc / 2;
  }
  // Scratch for `place`, sized for the widest layer.
  let widest = 0;
  for (let l = 0; l < depth; l++)
    widest = Math.max(widest, (layerStart[l + 1] as number) - (layerStart[l] as number));
  const want = new Float64Array(widest);
  const down = new Float64Array(widest);
  const up = new Float64Array(widest);
  const rounds = Math.max(4, Math.min(STRAIGHTEN, Math.floor(STRAIGHTEN_WORK / Math.max(1, total))));
  for (let it = 0; it < rounds; it++) {
    for (let k = 0; k < depth; k++) {
      const l = it % 2 === 0 ? k : depth - 1 - k;
      const a = layerStart[l] as number;
      const b = layerStart[l + 1] as number;
      for (let i = a; i < b; i++) {
        const id = order[i] as number;
        // The weighted mean of the neighbours' y (predecessors first, then successors).
        let sum = 0;
        let count = 0;
        for (let j = preds.start[id] as number; j < (preds.start[id + 1] as number); j++) {
          sum += (preds.weight[j] as number) * (y[preds.list[j] as number] as number);
          count += preds.weight[j] as number;
        }
        for (let j = succs.start[id] as number; j < (succs.start[id + 1] as number); j++) {
          sum += (succs.weight[j] as number) * (y[succs.list[j] as number] as number);
          count += succs.weight[j] as number;
        }
        want[i - a] = count ? sum / count : (y[id] as number);
      }
      place(order, a, b, want, down, up, h, y);
    }
  }
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let id = 0; id < total; id++) {
    minY = Math.min(minY, y[id] as number);
    maxY = Math.max(maxY, y[id] as number);
  }
  if (total === 0) minY = maxY = 0;
  for (let id = 0; id < total; id++) y[id] = (y[id] as number) - minY;
  return { y, height: maxY - minY };
}

/**
 * Puts the ordered nodes `order[a .. b)` as close to `want` as possible while keeping their order and the
 * gap their half-heights `h` need: push down from the top, push up from the bottom, and average the two
 * (cheap, stable).
 */
function place(
  order: Int32Array,
  a: number,
  b: number,
  want: Float64Array,
  down: Float64Array,
  up: Float64Array,
  h: Float64Array,
  y: Float64Array,
): void {
  const m = b - a;
  const gap = (k: number) =>
    (h[order[a + k - 1] as number] as number) + (h[order[a + k] as number] as number);
  for (let k = 0; k < m; k++)
    down[k] = k === 0 ? (want[k] as number) : Math.max(want[k] as number, (down[k - 1] as number) + gap(k));
  for (let k = m - 1; k >= 0; k--)
    up[k] =
      k === m - 1 ? (want[k] as number) : Math.min(want[k] as number, (up[k + 1] as number) - gap(k + 1));
  for (let k = 0; k < m; k++) {
    let v = ((down[k] as number) + (up[k] as number)) / 2;
    if (k > 0) v = Math.max(v, (y[order[a + k - 1] as number] as number) + gap(k));
    y[order[a + k] as number] = v;
  }
}
