import { type AnalysisOk, analyze, collapse, hashString, mix, nodeKeys, nodeNames, timeline } from '../core';
import { EMPTY_LAYOUT, type Layout, type LayoutOptions } from '../view/layout';
import { type LayoutFn, layoutNow, WORKER_THRESHOLD } from '../view/layoutService';
import { SCALARS, type Scene } from './scene';

export { forwardLength, SCALARS, type Scene, sceneLength, type TensorScene } from './scene';

/** Beyond this many nodes a drawing is unreadable and would freeze the tab: the view says so instead. */
export const MAX_DRAWN_NODES = 3000;
/**
 * Above this many nodes the graph is painted on a canvas (view/canvas): thousands of SVG elements cost
 * a layout and a repaint of the whole drawing at every step and pan, and over a second to first draw.
 */
export const CANVAS_NODES = WORKER_THRESHOLD - 1;
/** The graph view's usual shape (width / height) beside the side panel, on a laptop or a projector. */
export const SCREEN_ASPECT = 2;

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
  // The tensor level's code comes with the first program that uses vectors or matrices. (A vector output,
  // seen one element at a time, is drawn at scalar level.)
  if (full.graph.tensors.length > 0 && !expanded.has(SCALARS) && !full.graph.outputs)
    return import('./tensorScene').then((m) => m.tensorScene(full, analysis, expanded, previous));
  if (analysis.graph.size > MAX_DRAWN_NODES)
    return sceneOf(full, analysis, [], digest(analysis), EMPTY_LAYOUT, 0);
  const keys = nodeKeys(analysis.graph);
  const shape = fingerprint(analysis, keys);
  if (previous && previous.shape === shape) return sceneOf(full, analysis, keys, shape, previous.layout, 0);
  const opts: LayoutOptions = { dx: LAYER_GAP, dy: ROW_GAP, keys };
  // A big graph, drawn whole, should fill a screen rather than a thin line across it.
  if (analysis.graph.size > CANVAS_NODES) opts.wrap = SCREEN_ASPECT;
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
