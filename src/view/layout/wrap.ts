/**
 * Wrapping a long layered drawing into bands, like a paragraph into lines: a deep graph (a long program,
 * a sum of hundreds of terms) drawn left to right is dozens of times wider than it is tall, so that its
 * overview on a screen is a thin line. Its layers are cut into b runs of consecutive layers, each drawn
 * as a band below the last, with b chosen so that the whole comes closest to the screen's aspect ratio
 * (the idea of ELK's "graph wrapping"). Each cut is placed near its ideal layer where the fewest edges
 * cross it. An edge that crosses a cut leaves its band on the right, runs back along the corridor
 * between the bands in its source's lane (a source's edges run together, as along its bus), and comes
 * in again on the left of the next band.
 */
import type { Point } from '../labels/curve';
import { type Layout, type LayoutOptions, layoutGraph } from '../layout';

export interface Wrappable {
  x: Float64Array;
  y: Float64Array;
  layer: Int32Array;
  bends: Point[][];
  width: number;
  height: number;
}

export interface WrapOptions {
  /** Distance between layer centres. */
  dx: number;
  /** The aspect ratio (width / height) to come close to: the screen's. */
  aspect: number;
  /** Empty room between two bands, where the edges that cross a cut run back. */
  gap: number;
}

/** How many bands bring a w × h drawing closest to the aspect ratio (1: leave it as it is). */
export function bandCount(width: number, height: number, opts: WrapOptions, layers: number): number {
  if (width <= 0 || layers < 8) return 1;
  // b bands: about (w / b) wide and b (h + gap) - gap tall.
  const ratio = (b: number) => width / b / (b * (height + opts.gap) - opts.gap);
  let best = 1;
  for (let b = 2; b <= Math.floor(layers / 4); b++)
    if (Math.abs(Math.log(ratio(b) / opts.aspect)) < Math.abs(Math.log(ratio(best) / opts.aspect))) best = b;
    else if (b > best + 1) break;
  return best;
}

/**
 * The layout wrapped into bands (or the same layout, when one band is closest to the aspect ratio).
 * `edges[e]` gives edge e's source and target; `bends[e]` has one point per layer the edge crosses.
 */
export function wrapLayout(
  layout: Wrappable,
  edges: readonly { source: number; target: number }[],
  opts: WrapOptions,
): Wrappable {
  const { layer, bends } = layout;
  const depth = layer.reduce((m, l) => Math.max(m, l), 0) + 1;
  const b = bandCount(layout.width, layout.height, opts, depth);
  if (b < 2) return layout;
  // crossing[l]: how many edges cross the boundary between layers l and l + 1.
  const crossing = new Int32Array(depth + 1);
  for (const e of edges) {
    const [s, t] = [layer[e.source] as number, layer[e.target] as number];
    crossing[Math.min(s, t)] = (crossing[Math.min(s, t)] as number) + 1;
    crossing[Math.max(s, t)] = (crossing[Math.max(s, t)] as number) - 1;
  }
  for (let l = 1; l <= depth; l++) crossing[l] = (crossing[l] as number) + (crossing[l - 1] as number);
  // starts[c]: the first layer of band c. Each cut goes where the fewest edges cross, near its ideal place.
  const starts = [0];
  const slack = Math.max(1, Math.floor(depth / b / 6));
  for (let c = 1; c < b; c++) {
    const ideal = Math.round((c * depth) / b);
    let at = ideal;
    for (
      let l = Math.max((starts[c - 1] as number) + 2, ideal - slack);
      l <= Math.min(depth - 2, ideal + slack);
      l++
    )
      if ((crossing[l - 1] as number) < (crossing[at - 1] as number)) at = l;
    starts.push(at);
  }
  starts.push(depth);
  const bandOf = new Int32Array(depth);
  for (let c = 0; c < b; c++)
    for (let l = starts[c] as number; l < (starts[c + 1] as number); l++) bandOf[l] = c;
  const band = layout.height + opts.gap;
  const place = (l: number, y: number): Point => [
    (l - (starts[bandOf[l] as number] as number)) * opts.dx,
    y + (bandOf[l] as number) * band,
  ];
  const x = new Float64Array(layout.x.length);
  const y = new Float64Array(layout.y.length);
  for (let id = 0; id < x.length; id++) {
    const l = layer[id] as number;
    [x[id], y[id]] = place(l, layout.y[id] as number);
  }
  // Lanes in each corridor, one per source whose edges cross its cut (they run back together, as they
  // ran together along their source's bus), spread over the middle half of the gap.
  const lanes = new Int32Array(b);
  const laneAt = new Map<number, number>(); // source · b + corridor → lane
  const laneOf = (source: number, c: number) => {
    const key = source * b + c;
    let k = laneAt.get(key);
    if (k === undefined) {
      k = lanes[c] as number;
      lanes[c] = k + 1;
      laneAt.set(key, k);
    }
    return k;
  };
  for (const e of edges)
    for (let l = (layer[e.source] as number) + 1; l <= (layer[e.target] as number); l++)
      if (bandOf[l] !== bandOf[l - 1]) laneOf(e.source, bandOf[l - 1] as number);
  const widest = Math.max(...starts.slice(1).map((s, c) => s - (starts[c] as number))) - 1;
  // An edge leaves a band just past its own last layer (not the widest band's), and enters the next
  // just before its first.
  const rightOf = (c: number) =>
    ((starts[c + 1] as number) - (starts[c] as number) - 1) * opts.dx + opts.dx / 2;
  const right = widest * opts.dx + opts.dx / 2;
  const left = -opts.dx / 2;
  // Out on the right of band `from` at height y, back along its corridor, in on the left of the next
  // band at height y2 (heights as in the flat layout).
  const detour = (source: number, from: number, y: number, y2: number): Point[] => {
    const n = lanes[from] as number;
    const lane = n > 1 ? laneOf(source, from) / (n - 1) - 0.5 : 0;
    const corridor = (from + 1) * band - opts.gap / 2 + lane * (opts.gap / 2);
    const exit = rightOf(from);
    return [
      [exit, y + from * band],
      [exit, corridor],
      [left, corridor],
      [left, y2 + (from + 1) * band],
    ];
  };
  // The route of an edge through its layers s+1 … t, at `ys(l)` in layer l < t: every layer's point,
  // with a detour where it crosses a cut. `index[k]` (when given): the route's length up to layer s+1+k.
  const route = (
    source: number,
    s: number,
    t: number,
    ys: (l: number) => number,
    yt: number,
    index?: number[],
  ) => {
    const out: Point[] = [];
    let prev = layout.y[source] as number;
    for (let l = s + 1; l <= t; l++) {
      const y = l === t ? yt : ys(l);
      if (bandOf[l] !== bandOf[l - 1]) out.push(...detour(source, bandOf[l - 1] as number, prev, y));
      if (l < t) {
        out.push(place(l, y));
        index?.push(out.length);
      }
      prev = y;
    }
    return out;
  };
  // The edges that run along their source's bus (layoutGraph's bends: prefixes of one shared list of
  // points) share its wrapped route too: a prefix of it, and their own last step. Any other edge (drawn
  // direct, or from another layout) is routed alone.
  const longest: Point[][] = [];
  edges.forEach((e, id) => {
    const own = bends[id] ?? [];
    const was = longest[e.source];
    if (!was || own.length > was.length) longest[e.source] = own;
  });
  const shared: { points: Point[]; index: number[] }[] = [];
  const wrapped = edges.map((e, id) => {
    const s = layer[e.source] as number;
    const t = layer[e.target] as number;
    const own = bends[id] ?? [];
    const yt = layout.y[e.target] as number;
    const bus = longest[e.source] as Point[];
    const k = own.length;
    const prefix = k === t - s - 1 && own.every((pt, i) => pt === bus[i]);
    if (!prefix) return route(e.source, s, t, (l) => (own[l - s - 1] ?? [0, yt])[1], yt);
    let sh = shared[e.source];
    if (!sh) {
      const index: number[] = [];
      const ys = (l: number) => (bus[l - s - 1] as Point)[1];
      const points = route(e.source, s, s + bus.length + 1, ys, yt, index);
      sh = { points, index };
      shared[e.source] = sh;
    }
    const upTo = k === 0 ? 0 : (sh.index[k - 1] as number);
    const out = sh.points.slice(0, upTo);
    // The last step, bus to target (or source to target): across a cut, a detour of its own.
    const l = s + k + 1;
    if (bandOf[l] !== bandOf[l - 1]) {
      const y = k === 0 ? (layout.y[e.source] as number) : (own[k - 1] as Point)[1];
      out.push(...detour(e.source, bandOf[l - 1] as number, y, yt));
    }
    return out;
  });
  return { x, y, layer, bends: wrapped, width: right + opts.dx / 2, height: b * band - opts.gap };
}

/**
 * The layout a big graph is drawn with: layered, then wrapped when `opts.wrap` asks (the layout worker
 * runs this; a compound layout, with opened calls, stays on one line).
 */
export function layoutFor(graph: Parameters<typeof layoutGraph>[0], opts: LayoutOptions): Layout {
  const flat = layoutGraph(graph, opts);
  if (!opts.wrap || (opts.groups?.length ?? 0) > 0) return flat;
  return wrapLayout(flat, graph.edges, { dx: opts.dx, aspect: opts.wrap, gap: 2.5 * opts.dy }) as Layout;
}
