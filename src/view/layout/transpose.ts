import type { Csr } from './csr';
import type { Proper } from './proper';

const TRANSPOSE_PASSES = 4;

/** Crossings among the arcs of u and v on one side (lists in `nb`) when u is above v. */
function pairCrossings(nb: Csr, u: number, v: number, pos: Int32Array): number {
  const { start, list, weight } = nb;
  let c = 0;
  const vb = start[v] as number;
  const ve = start[v + 1] as number;
  for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
    const pa = pos[list[i] as number] as number;
    const wa = weight[i] as number;
    for (let j = vb; j < ve; j++)
      if (pa > (pos[list[j] as number] as number)) c += wa * (weight[j] as number);
  }
  return c;
}

/** Swaps neighbours in a layer while that removes crossings with both adjacent layers. */
export function transpose(p: Proper, pos: Int32Array): void {
  const { order, layerStart, up, down } = p;
  const cross = (a: number, b: number) => pairCrossings(up, a, b, pos) + pairCrossings(down, a, b, pos);
  for (let pass = 0; pass < TRANSPOSE_PASSES; pass++) {
    let improved = false;
    for (let l = 0; l + 1 < layerStart.length; l++) {
      const end = layerStart[l + 1] as number;
      for (let i = layerStart[l] as number; i + 1 < end; i++) {
        const u = order[i] as number;
        const v = order[i + 1] as number;
        if (cross(v, u) < cross(u, v)) {
          order[i] = v;
          order[i + 1] = u;
          const k = pos[u] as number;
          pos[v] = k;
          pos[u] = k + 1;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}
