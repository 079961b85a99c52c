import { type AnalysisOk, formatNumber as f, frameAt, type Timeline } from '../../core';
import { nodeSize } from '../geometry';
import type { Layout } from '../layout';
import type { Point } from './curve';
import type { PlanEdge, PlanNode } from './plan';

/** What the label plan needs of a scene (src/store/derive.ts): plain data, so Node can build it too. */
export interface LabelScene {
  analysis: AnalysisOk;
  names: readonly string[];
  timeline: Timeline;
  layout: Layout;
}

/**
 * The plan's obstacles and texts for a drawn graph: every node with its own labels, and every edge with
 * its value and its final gradient, as at the end of playback (so room is made for all of them at once).
 * `points[e]` is edge e's curve; `stub` the output's own edge, given id -1.
 */
export function planInputs(
  scene: LabelScene,
  points: readonly (readonly Point[])[],
  stub: Point[],
): { nodes: PlanNode[]; edges: PlanEdge[] } {
  const { graph, values } = scene.analysis;
  const { x, y } = scene.layout;
  const done = frameAt(graph, scene.timeline, scene.timeline.length);
  const nodes: PlanNode[] = graph.nodes.map((n) => {
    const name = scene.names[n.id] as string;
    const { hw, hh } = nodeSize(n, name);
    const g = done.grad[n.id] as number;
    return {
      x: x[n.id] as number,
      y: y[n.id] as number,
      hw,
      hh,
      name: n.op !== 'input' && n.op !== 'const' ? name : undefined,
      below: n.op === 'input' && !Number.isNaN(g) ? `∂ ${f(g)}` : undefined,
    };
  });
  const edges: PlanEdge[] = graph.edges.map((e) => {
    const g = done.edgeGrad[e.id] as number;
    return {
      id: e.id,
      points: [...(points[e.id] ?? [])],
      value: f(values[e.source] as number),
      grad: Number.isNaN(g) ? '' : f(g),
    };
  });
  edges.push({ id: -1, points: stub, value: f(values[graph.output] as number), grad: '1' });
  return { nodes, edges };
}
