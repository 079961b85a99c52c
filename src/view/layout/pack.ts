import type { Layout } from '../layout';

/**
 * A layout as the worker sends it: typed arrays only, moved rather than copied. Thousands of little
 * [x, y] arrays (every edge's bends) cost the main thread tens of milliseconds to receive one by one.
 */
export interface PackedLayout extends Omit<Layout, 'bends'> {
  /** Edge e's bends are points start[e] … start[e + 1] − 1 of `points` (x, y pairs). */
  start: Int32Array;
  points: Float64Array;
}

export function packLayout(l: Layout): { packed: PackedLayout; transfer: ArrayBuffer[] } {
  const start = new Int32Array(l.bends.length + 1);
  for (let e = 0; e < l.bends.length; e++)
    start[e + 1] = (start[e] as number) + (l.bends[e] as unknown[]).length;
  const points = new Float64Array(2 * (start[l.bends.length] as number));
  let k = 0;
  for (const bend of l.bends)
    for (const [x, y] of bend) {
      points[k++] = x;
      points[k++] = y;
    }
  const { bends: _, ...rest } = l;
  const packed = { ...rest, start, points };
  return {
    packed,
    transfer: [start.buffer, points.buffer, l.x.buffer, l.y.buffer, l.layer.buffer] as ArrayBuffer[],
  };
}

export function unpackLayout(p: PackedLayout): Layout {
  const { start, points, ...rest } = p;
  const bends: [number, number][][] = [];
  for (let e = 0; e + 1 < start.length; e++) {
    const bend: [number, number][] = [];
    for (let i = start[e] as number; i < (start[e + 1] as number); i++)
      bend.push([points[2 * i] as number, points[2 * i + 1] as number]);
    bends.push(bend);
  }
  return { ...rest, bends };
}
