import { type AnalysisOk, analyze, nodeNames, type Timeline, timeline } from '../core';
import type { Layout, LayoutOptions } from '../view/layout';
import { type LayoutFn, layoutNow } from '../view/layoutService';

/** A good analysis with everything the view replays: names, timeline and layout. */
export interface Scene {
  analysis: AnalysisOk;
  names: string[];
  timeline: Timeline;
  layout: Layout;
  /** Structure fingerprint: same keys and edges → same layout. */
  shape: string;
  /** Milliseconds the layout took (0 when reused). */
  layoutMs: number;
}

export const LAYER_GAP = 190;
export const ROW_GAP = 96;

function fingerprint(a: AnalysisOk): string {
  const keys = a.graph.nodes.map((n) => n.key).join('|');
  const edges = a.graph.edges.map((e) => `${e.source}>${e.target}`).join(',');
  return `${keys}#${edges}`;
}

function sceneOf(analysis: AnalysisOk, shape: string, layout: Layout, layoutMs: number): Scene {
  return {
    analysis,
    names: nodeNames(analysis.graph),
    timeline: timeline(analysis.graph, analysis.steps),
    layout,
    shape,
    layoutMs,
  };
}

/**
 * Builds the scene for a good analysis. When only values changed the previous layout is reused at once;
 * otherwise `layoutFn` lays it out (perhaps in a worker), hinted by the previous positions.
 */
export function makeScene(
  analysis: AnalysisOk,
  previous: Scene | null,
  layoutFn: LayoutFn = layoutNow,
): Scene | Promise<Scene> {
  const shape = fingerprint(analysis);
  if (previous && previous.shape === shape) return sceneOf(analysis, shape, previous.layout, 0);
  const opts: LayoutOptions = { dx: LAYER_GAP, dy: ROW_GAP };
  if (previous)
    opts.previous = new Map(
      previous.analysis.graph.nodes.map((n) => [n.key, previous.layout.y[n.id] as number]),
    );
  const result = layoutFn(analysis.graph, opts);
  return result instanceof Promise
    ? result.then((r) => sceneOf(analysis, shape, r.layout, r.ms))
    : sceneOf(analysis, shape, result.layout, result.ms);
}

export { analyze };
