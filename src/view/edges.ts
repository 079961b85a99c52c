import type { Scene } from '../store/derive';
import { edgeMid, edgePath, nodeSize } from './geometry';
import type { Point } from './labels/curve';

/** The output's own edge, carrying its value and the seed gradient 1. */
export const STUB = 90;

export interface EdgeShape {
  d: string;
  mid: Point;
  /** The points the curve runs through: source port, bends, target port. */
  points: Point[];
}

/** Edge endpoints: leave the source on its right, enter the gate on its left, spread by argument slot. */
export function edgeGeometry(scene: Scene): EdgeShape[] {
  const { graph } = scene.analysis;
  const { x, y } = scene.layout;
  return graph.edges.map((e) => {
    const s = graph.nodes[e.source];
    const t = graph.nodes[e.target];
    if (!s || !t) return { d: '', mid: [0, 0], points: [] };
    const sw = nodeSize(s, scene.names[s.id] as string).hw;
    const tw = nodeSize(t, scene.names[t.id] as string).hw;
    const spread = (e.slot - (t.inputs.length - 1) / 2) * 12;
    const points: Point[] = [
      [(x[e.source] as number) + sw, y[e.source] as number],
      ...(scene.layout.bends[e.id] ?? []),
      [(x[t.id] as number) - tw - 4, (y[t.id] as number) + spread],
    ];
    return { d: edgePath(points), mid: edgeMid(points), points };
  });
}

/** The stub leaving an output (by default the output) to the right. */
export function stubPoints(scene: Scene, out = scene.analysis.graph.output): Point[] {
  const { graph } = scene.analysis;
  const { x, y } = scene.layout;
  const ow = nodeSize(graph.nodes[out] as never, scene.names[out] as string).hw;
  return [
    [(x[out] as number) + ow, y[out] as number],
    [(x[out] as number) + ow + STUB, y[out] as number],
  ];
}

/** An output's own edge: -1 for the output; -2, -3, … for the other elements of a vector output. */
export interface Stub {
  id: number;
  node: number;
  points: Point[];
}

/** Every output's own edge, the output's first. */
export function outputStubs(scene: Scene): Stub[] {
  const { output, allOutputs } = scene.analysis.graph;
  const others = allOutputs.filter((o) => o !== output);
  return [output, ...others].map((node, k) => ({ id: -1 - k, node, points: stubPoints(scene, node) }));
}

/** The edges in drawing order: the one being stepped through last. */
export function orderEdges<E extends { id: number }>(
  edges: readonly E[],
  current: number | undefined,
): readonly E[] {
  if (current === undefined) return edges;
  const at = edges.findIndex((e) => e.id === current);
  return at < 0 ? edges : [...edges.slice(0, at), ...edges.slice(at + 1), edges[at] as E];
}
