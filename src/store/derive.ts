import { type AnalysisOk, analyze, nodeNames, type Timeline, timeline } from '../core';
import { type Layout, layoutGraph } from '../view/layout';

/** A good analysis with everything the view replays: names, timeline and layout. */
export interface Scene {
  analysis: AnalysisOk;
  names: string[];
  timeline: Timeline;
  layout: Layout;
  /** Structure fingerprint: same keys and edges → same layout. */
  shape: string;
}

export const LAYER_GAP = 190;
export const ROW_GAP = 96;

function fingerprint(a: AnalysisOk): string {
  const keys = a.graph.nodes.map((n) => n.key).join('|');
  const edges = a.graph.edges.map((e) => `${e.source}>${e.target}`).join(',');
  return `${keys}#${edges}`;
}

/** Builds the scene for a good analysis, reusing the previous layout when only values changed. */
export function makeScene(analysis: AnalysisOk, previous: Scene | null): Scene {
  const shape = fingerprint(analysis);
  let layout: Layout;
  if (previous && previous.shape === shape) layout = previous.layout;
  else {
    const hint = previous
      ? new Map(previous.analysis.graph.nodes.map((n) => [n.key, previous.layout.y[n.id] as number]))
      : undefined;
    layout = layoutGraph(
      analysis.graph,
      hint ? { dx: LAYER_GAP, dy: ROW_GAP, previous: hint } : { dx: LAYER_GAP, dy: ROW_GAP },
    );
  }
  return {
    analysis,
    names: nodeNames(analysis.graph),
    timeline: timeline(analysis.graph, analysis.steps),
    layout,
    shape,
  };
}

export { analyze };
