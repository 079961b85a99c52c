import { type AnalysisOk, formatNumber as f, frameAt, type Timeline } from '../../core';
import { nodeSize } from '../geometry';
import type { Layout } from '../layout';
import type { Point } from './curve';
import type { PlanEdge, PlanNode } from './plan';

/** An output's own edge (see view/edges.ts): its id, node and curve. */
interface StubIn {
  id: number;
  node: number;
  points: Point[];
}

/** What the label plan needs of a scene (src/store/derive.ts): plain data, so Node can build it too. */
export interface LabelScene {
  analysis: AnalysisOk;
  names: readonly string[];
  timeline: Timeline;
  layout: Layout;
}

/** The number under an input: its gradient (∂ 0.3), or in forward mode its seed (seed 1, seed 0). */
export const belowText = (g: number, forwardMode: boolean) => `${forwardMode ? 'seed' : '∂'} ${f(g)}`;

/**
 * The plan's obstacles and texts for a drawn graph: every node with its own labels, and every edge with
 * its value and its final gradient, as at the end of playback (so room is made for all of them at once).
 * `points[e]` is edge e's curve; `stubs` the outputs' own edges (-1 for the output's).
 */
export function planInputs(
  scene: LabelScene,
  points: readonly (readonly Point[])[],
  stubs: readonly StubIn[],
): { nodes: PlanNode[]; edges: PlanEdge[] } {
  const { graph, values } = scene.analysis;
  const { x, y } = scene.layout;
  const done = frameAt(graph, scene.timeline, scene.timeline.length);
  const tangent = scene.timeline.tangent;
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
      below: n.op === 'input' && !Number.isNaN(g) ? belowText(g, tangent !== undefined) : undefined,
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
  // The output's own edge carries the seed ∂out/∂out = 1 back; in forward mode each output's carries its
  // tangent (a vector output's other elements take no part in the backward pass).
  for (const s of stubs) {
    const grad = tangent ? f(tangent.dots[s.node] as number) : s.id === -1 ? '1' : '';
    edges.push({ id: s.id, points: s.points, value: f(values[s.node] as number), grad });
  }
  return { nodes, edges };
}
