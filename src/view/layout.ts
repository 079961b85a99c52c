import { type LayoutGraph, type LayoutGroup, placeLevel } from './layout/compound';
import { orderLayers } from './layout/order';
import { positionNodes } from './layout/position';
import { properGraph } from './layout/proper';
import { rankNodes } from './layout/rank';

/** Where each node sits, by node id, plus the drawing's extent. Pure: no DOM, no D3 selection. */
export interface Layout {
  x: Float64Array;
  y: Float64Array;
  layer: Int32Array;
  /** For each edge id, the bend points where it crosses intermediate layers (empty for short edges). */
  bends: [number, number][][];
  width: number;
  height: number;
}

/** The layout of nothing: a graph too big to draw, or one drawn at tensor level instead. */
export const EMPTY_LAYOUT: Layout = {
  x: new Float64Array(0),
  y: new Float64Array(0),
  layer: new Int32Array(0),
  bends: [],
  width: 0,
  height: 0,
};

export interface LayoutOptions {
  /** Horizontal distance between layers and vertical distance between neighbours in a layer. */
  dx: number;
  dy: number;
  /** Previous layout's y by node key: a hint that keeps unchanged nodes in their order. */
  previous?: ReadonlyMap<string, number>;
  /** This graph's node keys (`nodeKeys`), to look nodes up in `previous`. */
  keys?: readonly string[];
  /** Expanded calls, each laid out as a compound node (see layout/compound.ts). */
  groups?: readonly LayoutGroup[];
  /**
   * Wrap a long drawing into bands to come close to this aspect ratio (width / height): the screen's.
   * (Big graphs only, laid out in the worker by `layoutFor`: a lecture circuit reads left to right.)
   */
  wrap?: number;
  /**
   * Layers given, not ranked here: the bench orders another engine's layering with this one's ordering
   * steps, to compare the two orderings on equal terms. (Every edge must go at least one layer right.)
   */
  layers?: Int32Array;
}

/**
 * Layered left-to-right layout, the Sugiyama recipe (one module per step, under ./layout/):
 * 1. rank: layers, each node just before its nearest consumer (a weight beside its multiply), edge spans
 *    kept short; small circuits keep their inputs on the left;
 * 2. proper: a long edge becomes a chain of virtual nodes, one per layer it crosses;
 * 3. order: depth-first start, barycenter sweeps and transpositions, the fewest crossings kept
 *    (counted in O(E log V) per pair of layers); then whole buses (each bus node within a few slots of
 *    its own) and single nodes sifted to their least-crossing slots (exact, never adding crossings), and
 *    transpositions again;
 * 4. position: y by straightening under order and gap constraints; x from the layer;
 * 5. wrap (big graphs, layout/wrap.ts `layoutFor`): a drawing far wider than the screen is cut into bands.
 * Roughly linear in edges + virtual nodes times a bounded number of sweeps.
 */
export function layoutGraph(graph: LayoutGraph, opts: LayoutOptions): Layout {
  if (opts.groups && opts.groups.length > 0) return layoutCompound(graph, opts.groups, opts);
  const n = graph.nodes.length;
  const layer = opts.layers ?? rankNodes(graph);
  const p = properGraph(graph, layer);
  // A node that was on screen before is pulled toward its old place (relative, 0..1 in its layer), so
  // edits move only what they must; a virtual node was "where its edge's source was".
  let anchor: Float64Array | null = null;
  const hint = opts.previous;
  if (hint && opts.keys) {
    anchor = new Float64Array(p.total).fill(Number.NaN);
    const was = new Float64Array(p.total).fill(Number.NaN);
    for (let id = 0; id < p.total; id++)
      was[id] = hint.get(opts.keys[p.origin[id] as number] ?? '') ?? Number.NaN;
    for (let l = 0; l + 1 < p.layerStart.length; l++) {
      const ids = Array.from(p.order.subarray(p.layerStart[l] as number, p.layerStart[l + 1] as number));
      const known = ids.filter((id) => !Number.isNaN(was[id] as number));
      known.sort((a, b) => (was[a] as number) - (was[b] as number));
      known.forEach((id, k) => {
        (anchor as Float64Array)[id] = (k + 0.5) / known.length;
      });
    }
  }
  orderLayers(p, anchor);
  // Half-heights: real nodes need room for their labels; virtual ones only for a line.
  const half = (id: number) => (id < n ? opts.dy / 2 : opts.dy / 5);
  const { y, height } = positionNodes(p, half);
  const x = new Float64Array(n);
  for (let id = 0; id < n; id++) x[id] = (layer[id] as number) * opts.dx;
  const depth = p.layerStart.length - 1;
  // One point per bus node, shared by the edges that run along the bus (each edge's bends: a prefix).
  const points = p.bus.map((chain) =>
    chain.map((v): [number, number] => [(p.layerOf[v] as number) * opts.dx, y[v] as number]),
  );
  const bends = graph.edges.map((e) => (points[e.source] as [number, number][]).slice(0, p.span[e.id]));
  return { x, y: y.slice(0, n), layer, bends, width: Math.max(0, depth - 1) * opts.dx, height };
}

/** The layout with expanded calls as compound nodes: each level laid out flat, then stretched to fit. */
function layoutCompound(graph: LayoutGraph, groups: readonly LayoutGroup[], opts: LayoutOptions): Layout {
  const n = graph.nodes.length;
  const all = Array.from({ length: n }, (_, id) => id);
  const top = groups.map((g, i) => (g.parent < 0 ? i : -1)).filter((i) => i >= 0);
  // Each level is hinted by the previous drawing, so opening a call leaves the rest where it was.
  const flat = (g: LayoutGraph, keys: string[]) => {
    const o: LayoutOptions = { dx: opts.dx, dy: opts.dy, keys };
    if (opts.previous) o.previous = opts.previous;
    return layoutGraph(g, o);
  };
  const placed = placeLevel(graph, groups, all, top, opts.dx, flat, (id) => opts.keys?.[id] ?? String(id));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const layer = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    x[id] = placed.x.get(id) ?? 0;
    y[id] = placed.y.get(id) ?? 0;
    layer[id] = Math.round((x[id] as number) / opts.dx);
  }
  const bends = graph.edges.map((e) => placed.bends.get(e.id) ?? []);
  return { x, y, layer, bends, width: placed.width, height: placed.height };
}
