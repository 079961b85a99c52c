import type { Drawn, TensorFrame } from '../core';
import {
  type AnalysisOk,
  analyze,
  collapse,
  hashString,
  mix,
  nodeKeys,
  nodeNames,
  type Timeline,
  timeline,
} from '../core';
import type { Layout, LayoutOptions } from '../view/layout';
import { type LayoutFn, layoutNow } from '../view/layoutService';

/** A good analysis with everything the view replays: names, timeline and layout. */
export interface Scene {
  /** The analysis as drawn: each call not expanded is one gate (see core/collapse.ts). */
  analysis: AnalysisOk;
  /** The analysis with every call inlined: what the gradient check and the PyTorch export read. */
  full: AnalysisOk;
  names: string[];
  timeline: Timeline;
  layout: Layout;
  /** Stable node keys (`nodeKeys`): React keys and layout hints (none for a graph too big to draw). */
  keys: string[];
  /** Structure fingerprint: same keys and edges → same layout. */
  shape: string;
  /** Milliseconds the layout took (0 when reused). */
  layoutMs: number;
  /** False above MAX_DRAWN_NODES: the numbers are computed, but the graph is not drawn. */
  drawable: boolean;
  /**
   * A program with vectors and matrices, drawn at tensor level (one node per operation, unless the
   * student opened it into its scalars, or asked for the whole program at scalar level: `scalars`).
   * When present, the view, the step panel and the playback read it instead of the scalar timeline.
   */
  tensor?: TensorScene;
}

export interface TensorScene {
  drawn: Drawn;
  names: string[];
  layout: Layout;
  /** Positions 0..length of its replay (core/tensor/replay.ts). */
  length: number;
  /** What is shown at a position of the replay. */
  frameAt(position: number): TensorFrame;
}

/** The last playback position: the tensor level's replay when drawn at tensor level, else the scalar one. */
export const sceneLength = (s: Scene | null): number => (s ? (s.tensor?.length ?? s.timeline.length) : 0);
/** How many positions the forward pass takes. */
export const forwardLength = (s: Scene | null): number =>
  s ? (s.tensor?.drawn.forward.length ?? s.timeline.forward.length) : 0;

/** The key in the opened set that draws a tensor program at scalar level. */
export const SCALARS = 'scalars';
/** Spacing of the tensor level: its nodes carry small matrices, so they need more room than gates. */
export const TENSOR_LAYER_GAP = 190;
export const TENSOR_ROW_GAP = 150;

/** Beyond this many nodes a drawing is unreadable and would freeze the tab: the view says so instead. */
export const MAX_DRAWN_NODES = 3000;

export const EMPTY_LAYOUT: Layout = {
  x: new Float64Array(0),
  y: new Float64Array(0),
  layer: new Int32Array(0),
  bends: [],
  width: 0,
  height: 0,
};

export const LAYER_GAP = 190;
export const ROW_GAP = 96;

/**
 * The shape of a graph too big to draw: a digest of its structural hashes and edges. It only decides
 * whether the playback position survives an edit, so a digest is enough, and it costs a millisecond where
 * 100,000 keys and edge strings would cost tens.
 */
function digest(a: AnalysisOk): string {
  const { hashes, edgeSource, edgeTarget, edgeCount, size } = a.graph;
  let h = hashString('graph');
  for (let n = 0; n < size; n++) h = mix(h, hashes[n] as number);
  for (let e = 0; e < edgeCount; e++) h = mix(mix(h, edgeSource[e] as number), edgeTarget[e] as number);
  return `big:${size}:${edgeCount}:${(h >>> 0).toString(36)}`;
}

function fingerprint(a: AnalysisOk, keys: readonly string[]): string {
  const { edgeSource, edgeTarget, edgeCount } = a.graph;
  const edges = Array.from({ length: edgeCount }, (_, e) => `${edgeSource[e]}>${edgeTarget[e]}`).join(',');
  return `${keys.join('|')}#${edges}`;
}

function sceneOf(
  full: AnalysisOk,
  analysis: AnalysisOk,
  keys: string[],
  shape: string,
  layout: Layout,
  layoutMs: number,
): Scene {
  const { graph, steps } = analysis;
  return {
    analysis,
    full,
    names: nodeNames(graph),
    keys,
    timeline: timeline(graph, steps),
    layout,
    shape,
    layoutMs,
    drawable: graph.size <= MAX_DRAWN_NODES,
  };
}

/**
 * Where each node of the previous drawing was, by key; a call, collapsed or opened, also under
 * `group:<key>`, which is how the compound layout names an opened call's place (see layout/compound.ts).
 */
function hints(previous: Scene): Map<string, number> {
  const { graph } = previous.analysis;
  const y = previous.layout.y;
  const map = new Map(previous.keys.map((k, id) => [k, y[id] as number]));
  graph.callKey.forEach((key, id) => {
    if (key !== undefined) map.set(`group:${key}`, y[id] as number);
  });
  for (const g of graph.groups) map.set(`group:${g.key}`, y[g.output] as number);
  return map;
}

/**
 * Builds the scene for a good analysis. When only values changed the previous layout is reused at once;
 * otherwise `layoutFn` lays it out (perhaps in a worker), hinted by the previous positions.
 */
export function makeScene(
  full: AnalysisOk,
  previous: Scene | null,
  layoutFn: LayoutFn = layoutNow,
  expanded: ReadonlySet<string> = new Set(),
): Scene | Promise<Scene> {
  const analysis = collapse(full, expanded);
  // The tensor level's code comes with the first program that uses vectors or matrices.
  if (full.graph.tensors.length > 0 && !expanded.has(SCALARS))
    return import('./tensorScene').then((m) => m.tensorScene(full, analysis, expanded, previous));
  if (analysis.graph.size > MAX_DRAWN_NODES)
    return sceneOf(full, analysis, [], digest(analysis), EMPTY_LAYOUT, 0);
  const keys = nodeKeys(analysis.graph);
  const shape = fingerprint(analysis, keys);
  if (previous && previous.shape === shape) return sceneOf(full, analysis, keys, shape, previous.layout, 0);
  const opts: LayoutOptions = { dx: LAYER_GAP, dy: ROW_GAP, keys };
  const groups = analysis.graph.groups;
  if (groups.length > 0)
    opts.groups = groups.map((g) => ({ first: g.first, last: g.last, parent: g.parent, key: g.key }));
  if (previous) opts.previous = hints(previous);
  const result = layoutFn(analysis.graph, opts);
  return result instanceof Promise
    ? result.then((r) => sceneOf(full, analysis, keys, shape, r.layout, r.ms))
    : sceneOf(full, analysis, keys, shape, result.layout, result.ms);
}

export { analyze };
