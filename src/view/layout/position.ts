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
  const { layers, preds, predW, succs, succW, total } = p;
  const y = new Float64Array(total);
  for (const ids of layers) {
    let acc = 0;
    ids.forEach((id, k) => {
      acc += k === 0 ? 0 : half(ids[k - 1] as number) + half(id);
      y[id] = acc;
    });
    for (const id of ids) y[id] = (y[id] as number) - acc / 2;
  }
  const want: number[] = [];
  const rounds = Math.max(4, Math.min(STRAIGHTEN, Math.floor(STRAIGHTEN_WORK / Math.max(1, total))));
  for (let it = 0; it < rounds; it++) {
    for (let k = 0; k < layers.length; k++) {
      const ids = layers[it % 2 === 0 ? k : layers.length - 1 - k] as number[];
      want.length = 0;
      for (const id of ids) {
        const ps = preds[id] as number[];
        const ss = succs[id] as number[];
        const pw = predW[id] as number[];
        const sw = succW[id] as number[];
        let sum = 0;
        let count = 0;
        for (let j = 0; j < ps.length; j++) {
          sum += (pw[j] as number) * (y[ps[j] as number] as number);
          count += pw[j] as number;
        }
        for (let j = 0; j < ss.length; j++) {
          sum += (sw[j] as number) * (y[ss[j] as number] as number);
          count += sw[j] as number;
        }
        want.push(count ? sum / count : (y[id] as number));
      }
      place(ids, want, half, y);
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
 * Puts the ordered `ids` as close to `want` as possible while keeping their order and the gap their
 * half-heights need: push down from the top, push up from the bottom, and average the two (cheap, stable).
 */
function place(ids: number[], want: number[], half: (id: number) => number, y: Float64Array): void {
  const m = ids.length;
  const gap = (k: number) => half(ids[k - 1] as number) + half(ids[k] as number);
  const down = new Float64Array(m);
  const up = new Float64Array(m);
  for (let k = 0; k < m; k++)
    down[k] = k === 0 ? (want[k] as number) : Math.max(want[k] as number, (down[k - 1] as number) + gap(k));
  for (let k = m - 1; k >= 0; k--)
    up[k] =
      k === m - 1 ? (want[k] as number) : Math.min(want[k] as number, (up[k + 1] as number) - gap(k + 1));
  for (let k = 0; k < m; k++) {
    let v = ((down[k] as number) + (up[k] as number)) / 2;
    if (k > 0) v = Math.max(v, (y[ids[k - 1] as number] as number) + gap(k));
    y[ids[k] as number] = v;
  }
}
