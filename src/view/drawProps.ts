import { type Frame, reachesOutput, stepEdge } from '../core';
import type { Scene } from '../store/derive';
import { type EdgeShape, orderEdges, outputStubs } from './edges';
import type { EdgeProps } from './GraphEdge';
import type { NodeProps } from './GraphNodeView';
import { edgePath } from './geometry';
import type { LabelPlan, Spotlight } from './labels/plan';

export interface DrawInput {
  scene: Scene;
  frame: Frame;
  geometry: readonly EdgeShape[];
  plan: LabelPlan | null;
  spot: Spotlight | null;
  /** The current edge's product: upstream × local going back, local × the tangent going forward. */
  step?: { factors: readonly [number, number]; contribution: number } | undefined;
  quizHidden: boolean;
  selected: number | null;
  highlighted: ReadonlySet<number>;
  labelSize: number;
}

export type NodeLook = Omit<NodeProps, 'onSelect' | 'onToggle'>;

/**
 * What each edge, output edge and node shows in this frame: the one place that decides what is dim,
 * current, known or hidden, for the SVG view and the canvas alike. Edges come in drawing order (the
 * current step's last, so that its label sits above every other).
 */
export function drawProps(input: DrawInput): {
  edges: { key: string; points: EdgeShape['points']; props: EdgeProps }[];
  nodes: NodeLook[];
} {
  const { scene, frame, geometry, plan, spot, step } = input;
  const { graph, values } = scene.analysis;
  const { x, y } = scene.layout;
  const tangent = scene.timeline.tangent;
  // What the output uses; in forward mode, what any output uses (a tangent pass reaches every element of
  // a vector output: a column of its Jacobian).
  const live = reachesOutput(graph, tangent ? graph.allOutputs : [graph.output]);
  // Where the plan put an edge's numbers, unless the step's own labels sit there in this frame.
  const place = (id: number) => ({
    valueAt: spot?.hiddenValue.has(id) ? undefined : plan?.value.get(id),
    gradAt: spot?.hiddenGrad.has(id) ? undefined : plan?.grad.get(id),
  });
  const focus = stepEdge(frame);
  const edges: { key: string; points: EdgeShape['points']; props: EdgeProps }[] = [];
  for (const e of orderEdges(graph.edges, focus?.edge)) {
    const g = geometry[e.id];
    if (!g) continue;
    const current = step && focus?.edge === e.id ? step : undefined;
    const grad = frame.edgeGrad[e.id] as number;
    edges.push({
      key: `${scene.keys[e.source]}>${scene.keys[e.target]}:${e.slot}`,
      points: g.points,
      props: {
        id: e.id,
        d: g.d,
        ...place(e.id),
        value: frame.known[e.source] ? (values[e.source] as number) : undefined,
        grad: Number.isNaN(grad) ? undefined : grad,
        current: current && { ...current, hidden: input.quizHidden, at: spot?.current },
        fromConstant: graph.nodes[e.source]?.op === 'const',
        dim: !live[e.target] || (tangent !== undefined && !tangent.cone[e.source]),
        highlighted: input.highlighted.has(e.id),
      },
    });
  }
  // Each output's own edge, leaving it to the right: its value, and the seed 1 coming back into the
  // output (or, in forward mode, each output's tangent once the pass is done: a vector output's column).
  const out = graph.output;
  for (const s of outputStubs(scene))
    edges.push({
      key: `stub:${scene.keys[s.node]}`,
      points: s.points,
      props: {
        id: s.id,
        d: edgePath(s.points),
        ...place(s.id),
        value: frame.known[s.node] ? (values[s.node] as number) : undefined,
        grad: tangent
          ? frame.phase === 'done'
            ? (tangent.dots[s.node] as number)
            : undefined
          : s.node === out && !Number.isNaN(frame.grad[out] as number)
            ? 1
            : undefined,
        fromConstant: false,
        dim: !live[s.node],
      },
    });
  const seedName = tangent ? scene.names[tangent.seed] : undefined;
  // Forward mode: what does not depend on the seed carries a tangent of 0, and is drawn faint.
  const still = (id: number) => tangent !== undefined && !tangent.cone[id] && graph.nodes[id]?.op !== 'input';
  const nodes = graph.nodes.map((n): NodeLook => {
    const g = frame.grad[n.id] as number;
    return {
      nodeKey: scene.keys[n.id] as string,
      node: n,
      name: scene.names[n.id] as string,
      x: x[n.id] as number,
      y: y[n.id] as number,
      value: frame.known[n.id] ? (values[n.id] as number) : undefined,
      grad: Number.isNaN(g) ? undefined : g,
      seed: seedName,
      labelSize: input.labelSize,
      labelsHidden: plan?.hiddenNames.has(n.id) || spot?.hiddenNode.has(n.id),
      active: frame.node === n.id || frame.step?.target === n.id || frame.tangent?.source === n.id,
      selected: input.selected === n.id,
      dim: !live[n.id] || still(n.id),
      isOutput: n.id === out,
      expandKey: graph.callKey[n.id],
    };
  });
  return { edges, nodes };
}
