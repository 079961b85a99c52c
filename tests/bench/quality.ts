import type { Graph } from '../../src/core/index';
import type { Layout } from '../../src/view/layout';

/**
 * Layout quality measured the same way for every layout engine, from what it draws: node boxes (centre
 * and half sizes) and each edge's route (a polyline from its source's centre to its target's).
 *
 * Layers are recovered from the drawing: nodes whose x-extents overlap share a layer (a left-to-right
 * layered drawing keeps layers apart by the layer spacing). Each edge is sampled where it passes each
 * layer's centre line (its route interpolated there; its end nodes' centres at its own layers), and the
 * crossings between every pair of consecutive layers are counted with an O(E log E) inversion count
 * (Barth–Jünger–Mutzel's accumulator tree, here a Fenwick tree). Edges that meet at a node do not cross.
 */
export interface Drawing {
  /** Node centres and half sizes. */
  cx: ArrayLike<number>;
  cy: ArrayLike<number>;
  hw: ArrayLike<number>;
  hh: ArrayLike<number>;
  /** Edges: endpoints and the route between them (any number of points, left to right). */
  edges: { source: number; target: number; route: [number, number][] }[];
}

export interface Quality {
  crossings: number;
  width: number;
  height: number;
  area: number;
  aspect: number;
  layers: number;
}

/** Assigns layer indices by overlapping x-extents; returns per-node layer and each layer's centre x. */
export function layersOf(d: Drawing): { layer: Int32Array; centre: number[] } {
  const n = d.cx.length;
  const ids = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (d.cx[a] as number) - (d.hw[a] as number) - ((d.cx[b] as number) - (d.hw[b] as number)),
  );
  const layer = new Int32Array(n);
  const centre: number[] = [];
  let right = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  for (const id of ids) {
    const left = (d.cx[id] as number) - (d.hw[id] as number);
    if (left > right + 1e-6 && count > 0) {
      centre.push(sum / count);
      sum = 0;
      count = 0;
    }
    right =
      count === 0
        ? (d.cx[id] as number) + (d.hw[id] as number)
        : Math.max(right, (d.cx[id] as number) + (d.hw[id] as number));
    layer[id] = centre.length;
    sum += d.cx[id] as number;
    count++;
  }
  if (count > 0) centre.push(sum / count);
  return { layer, centre };
}

function yAt(route: [number, number][], x: number): number {
  for (let k = 1; k < route.length; k++) {
    const [x0, y0] = route[k - 1] as [number, number];
    const [x1, y1] = route[k] as [number, number];
    if ((x0 <= x && x <= x1) || (x1 <= x && x <= x0))
      return x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  // Outside the route (should not happen): the nearer end.
  const a = route[0] as [number, number];
  const b = route[route.length - 1] as [number, number];
  return Math.abs(a[0] - x) < Math.abs(b[0] - x) ? a[1] : b[1];
}

/** Crossings between two layers: segments as (upper y, lower y); O(m log m). */
export function bilayerCrossings(top: number[], bottom: number[]): number {
  const m = top.length;
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => (top[a] as number) - (top[b] as number) || (bottom[a] as number) - (bottom[b] as number),
  );
  const values = [...new Set(bottom)].sort((a, b) => a - b);
  const rank = new Map(values.map((v, i) => [v, i + 1]));
  const tree = new Int32Array(values.length + 1);
  let seen = 0;
  let crossings = 0;
  // Walk in upper order; a crossing is an earlier segment (strictly above at the top) that ends strictly
  // below this one. Ties at the top (a shared source) are ordered by bottom, so they never count.
  let k = 0;
  while (k < m) {
    let j = k;
    const t = top[order[k] as number] as number;
    while (j < m && top[order[j] as number] === t) j++;
    for (let q = k; q < j; q++) {
      const r = rank.get(bottom[order[q] as number] as number) as number;
      let atMost = 0;
      for (let i = r; i > 0; i -= i & -i) atMost += tree[i] as number;
      crossings += seen - atMost;
    }
    for (let q = k; q < j; q++) {
      const r = rank.get(bottom[order[q] as number] as number) as number;
      for (let i = r; i < tree.length; i += i & -i) tree[i] = (tree[i] as number) + 1;
      seen++;
    }
    k = j;
  }
  return crossings;
}

export function quality(d: Drawing): Quality {
  const { layer, centre } = layersOf(d);
  const L = centre.length;
  const top: number[][] = Array.from({ length: L }, () => []);
  const bottom: number[][] = Array.from({ length: L }, () => []);
  for (const e of d.edges) {
    let a = layer[e.source] as number;
    let b = layer[e.target] as number;
    if (a === b) continue; // not layered (no engine here does this)
    if (a > b) [a, b] = [b, a];
    let prev = d.cy[a === layer[e.source] ? e.source : e.target] as number;
    for (let l = a + 1; l <= b; l++) {
      const y =
        l === b
          ? (d.cy[b === layer[e.target] ? e.target : e.source] as number)
          : yAt(e.route, centre[l] as number);
      (top[l - 1] as number[]).push(prev);
      (bottom[l - 1] as number[]).push(y);
      prev = y;
    }
  }
  let crossings = 0;
  for (let l = 0; l + 1 < L; l++) crossings += bilayerCrossings(top[l] as number[], bottom[l] as number[]);
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < d.cx.length; i++) {
    x0 = Math.min(x0, (d.cx[i] as number) - (d.hw[i] as number));
    x1 = Math.max(x1, (d.cx[i] as number) + (d.hw[i] as number));
    y0 = Math.min(y0, (d.cy[i] as number) - (d.hh[i] as number));
    y1 = Math.max(y1, (d.cy[i] as number) + (d.hh[i] as number));
  }
  for (const e of d.edges)
    for (const [x, y] of e.route) {
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  const width = x1 - x0;
  const height = y1 - y0;
  return { crossings, width, height, area: width * height, aspect: width / height, layers: L };
}

/** What Gradflow's layout draws: its nodes at their places, each edge through its bends. */
export function layoutDrawing(graph: Graph, l: Layout, hw: number[], hh: number[]): Drawing {
  return {
    cx: l.x,
    cy: l.y,
    hw,
    hh,
    edges: graph.edges.map((e) => ({
      source: e.source,
      target: e.target,
      route: [
        [l.x[e.source] as number, l.y[e.source] as number],
        ...(l.bends[e.id] ?? []),
        [l.x[e.target] as number, l.y[e.target] as number],
      ],
    })),
  };
}
