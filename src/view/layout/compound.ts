import type { Graph, GraphEdge, GraphNode } from '../../core';

/*
 * A group (an expanded call) is the unit of layout: a compound node. Each level is laid out with every
 * expanded group in it contracted to one node, the "skeleton"; each group's inside is laid out the same
 * way, on its own; then the skeleton is stretched to make room: the layers after a group's layer move
 * right by the group's width, and everything below the group's row moves down by its height. The rest
 * of the drawing keeps its order and its shape, so expanding a call opens it in place.
 */

/** What the layered layout reads of a graph. */
export type LayoutGraph = Pick<Graph, 'nodes' | 'edges' | 'outEdges' | 'output'>;

/** A group to lay out as a compound node: its node id range and its parent (index, or -1). */
export interface LayoutGroup {
  first: number;
  last: number;
  parent: number;
  /** The call's key: the skeleton's node for it is keyed `group:<key>` in layout hints. */
  key: string;
}

/** One level's result, in the level's own coordinates (its top-left node at 0, 0). */
export interface Placed {
  x: Map<number, number>;
  y: Map<number, number>;
  bends: Map<number, [number, number][]>;
  width: number;
  height: number;
}

/** Room around a group's inside: for its frame, and above it for its title. */
export const FRAME_PAD = 34;

/**
 * A flat layout of one level: positions, bends by edge and extent, for a graph of plain objects; `keys`
 * names its nodes for the layout hints (a group's node is `group:<key>`, as a collapsed call's).
 */
export type FlatLayout = (
  g: LayoutGraph,
  keys: string[],
) => {
  x: Float64Array;
  y: Float64Array;
  layer: Int32Array;
  bends: [number, number][][];
  width: number;
  height: number;
};

/**
 * Lays out `members` (sorted node ids of `graph`) with the groups `children` (indices into `groups`)
 * as compound nodes, recursively. Edges from outside `members` are left to the level above.
 */
export function placeLevel(
  graph: LayoutGraph,
  groups: readonly LayoutGroup[],
  members: readonly number[],
  children: readonly number[],
  dx: number,
  flat: FlatLayout,
  keyOf: (id: number) => string,
): Placed {
  // Each member's skeleton node: its own, or its group's.
  const repOf = new Map<number, number>();
  const childOfRep = new Map<number, number>();
  for (const c of children) {
    const g = groups[c] as LayoutGroup;
    childOfRep.set(g.first, c);
    for (let id = g.first; id <= g.last; id++) repOf.set(id, g.first);
  }
  const skeleton: number[] = [];
  for (const id of members) {
    const rep = repOf.get(id) ?? id;
    if (rep === id) skeleton.push(id);
  }
  const local = new Map(skeleton.map((id, k) => [id, k]));
  const nodes: GraphNode[] = skeleton.map((id, k) => {
    const n = graph.nodes[id] as GraphNode;
    return { id: k, op: childOfRep.has(id) ? 'call' : n.op, inputs: [], start: n.start, end: n.end };
  });
  const edges: GraphEdge[] = [];
  const edgeOf: number[] = []; // skeleton edge → graph edge
  for (const id of members) {
    for (const e of graph.outEdges[id] ?? []) {
      const edge = graph.edges[e] as GraphEdge;
      const s = local.get(repOf.get(edge.source) ?? edge.source);
      const t = local.get(repOf.get(edge.target) ?? edge.target);
      if (s === undefined || t === undefined || s === t) continue;
      edgeOf.push(e);
      edges.push({ id: 0, source: s, target: t, slot: 0 });
    }
  }
  // Numbered by consumer, as the layout expects; each node's inputs in that order.
  const order = edges
    .map((_, k) => k)
    .sort((a, b) => (edges[a] as GraphEdge).target - (edges[b] as GraphEdge).target || a - b);
  const sorted = order.map((k, id) => ({ ...(edges[k] as GraphEdge), id }));
  const sortedOf = order.map((k) => edgeOf[k] as number);
  const outEdges: number[][] = nodes.map(() => []);
  for (const e of sorted) {
    (nodes[e.target] as GraphNode).inputs.push(e.source);
    (outEdges[e.source] as number[]).push(e.id);
  }
  const out = local.get(repOf.get(graph.output) ?? graph.output) ?? skeleton.length - 1;
  const keys = skeleton.map((id) => {
    const c = childOfRep.get(id);
    return c === undefined ? keyOf(id) : `group:${(groups[c] as LayoutGroup).key}`;
  });
  const sk = flat({ nodes, edges: sorted, outEdges, output: out }, keys);

  // The insides first: their extents decide how far the skeleton stretches.
  const inner = new Map<number, Placed>();
  for (const c of children) {
    const g = groups[c] as LayoutGroup;
    const ids: number[] = [];
    for (let id = g.first; id <= g.last; id++) ids.push(id);
    const grandchildren = groups.map((h, i) => (h.parent === c ? i : -1)).filter((i) => i >= 0);
    inner.set(g.first, placeLevel(graph, groups, ids, grandchildren, dx, flat, keyOf));
  }
  // Extra room after each layer (the widest group in it) and below each row (the tallest group on it).
  const extraX = new Map<number, number>();
  const extraY = new Map<number, number>();
  for (const [rep, p] of inner) {
    const k = local.get(rep) as number;
    const layer = sk.layer[k] as number;
    const row = sk.y[k] as number;
    extraX.set(layer, Math.max(extraX.get(layer) ?? 0, p.width + FRAME_PAD));
    extraY.set(row, Math.max(extraY.get(row) ?? 0, p.height + 2 * FRAME_PAD));
  }
  const layers = [...extraX.keys()].sort((a, b) => a - b);
  const rows = [...extraY.keys()].sort((a, b) => a - b);
  const xOf = (layer: number) => {
    let x = layer * dx;
    for (const l of layers) if (l < layer) x += extraX.get(l) as number;
    return x;
  };
  const yOf = (y: number) => {
    let v = y;
    for (const r of rows) if (r < y - 1e-6) v += extraY.get(r) as number;
    return v;
  };
  // A bend sits on a layer (x = layer·dx) at some y.
  const bend = ([bx, by]: [number, number]): [number, number] => [xOf(Math.round(bx / dx)), yOf(by)];

  const x = new Map<number, number>();
  const y = new Map<number, number>();
  const bends = new Map<number, [number, number][]>();
  let width = 0;
  let height = 0;
  skeleton.forEach((id, k) => {
    const X0 = xOf(sk.layer[k] as number);
    const Y0 = yOf(sk.y[k] as number);
    const p = inner.get(id);
    if (!p) {
      x.set(id, X0);
      y.set(id, Y0);
      width = Math.max(width, X0);
      height = Math.max(height, Y0);
      return;
    }
    // The inside, its top-left node at the group's place, below room for the frame's title.
    const top = Y0 + FRAME_PAD;
    for (const [m, mx] of p.x) x.set(m, X0 + mx);
    for (const [m, my] of p.y) y.set(m, top + my);
    for (const [e, pts] of p.bends)
      bends.set(
        e,
        pts.map(([bx, by]) => [X0 + bx, top + by]),
      );
    width = Math.max(width, X0 + p.width);
    height = Math.max(height, top + p.height + FRAME_PAD);
  });
  for (const e of sorted) bends.set(sortedOf[e.id] as number, (sk.bends[e.id] ?? []).map(bend));
  // Shift to the level's own origin (the skeleton's y may start below 0).
  let minY = Number.POSITIVE_INFINITY;
  for (const v of y.values()) minY = Math.min(minY, v);
  if (!Number.isFinite(minY)) minY = 0;
  for (const [m, v] of y) y.set(m, v - minY);
  for (const [e, pts] of bends)
    bends.set(
      e,
      pts.map(([bx, by]) => [bx, by - minY]),
    );
  return { x, y, bends, width, height: height - minY };
}
