import { formatNumber as f } from '../../core';
import type { NodeLook } from '../drawProps';
import type { EdgeProps } from '../GraphEdge';
import type { Point } from '../labels/curve';
import type { LabelSizes, Spot } from '../labels/plan';
import type { PaintEdge, PaintNode, Picture } from './paint';

/** An edge's curve for the canvas, made once per layout: its Path2D, bounding box and arrow's end. */
export interface Curve {
  path: Path2D;
  box: [number, number, number, number];
  end: Point;
}

/** The curve through `points` (an SVG path `d` of it), ready to stroke. */
export function curveOf(d: string, points: readonly Point[]): Curve {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { path: new Path2D(d), box: [x0, y0, x1, y1], end: points[points.length - 1] ?? [0, 0] };
}

/**
 * The canvas's picture from the very props the SVG view gives its edges and nodes (so the two can never
 * disagree about what is dim, current, known or hidden).
 */
export function pictureOf(
  edges: readonly { props: EdgeProps; curve: Curve }[],
  nodes: readonly NodeLook[],
  extra: {
    current?: { at: Spot; lines: readonly [string, string] } | undefined;
    sum?: { at: Spot; text: string } | undefined;
    sizes: LabelSizes;
    numbers: boolean;
    names: boolean;
  },
): Picture {
  const paintEdges: PaintEdge[] = edges.map(({ props: e, curve }) => ({
    id: e.id,
    path: curve.path,
    box: curve.box,
    end: curve.end,
    value: e.value !== undefined && e.valueAt ? { at: e.valueAt, text: f(e.value) } : undefined,
    grad: e.grad !== undefined && e.gradAt ? { at: e.gradAt, text: f(e.grad) } : undefined,
    fromConstant: e.fromConstant,
    dim: e.dim,
    highlighted: e.highlighted === true,
    current: e.current !== undefined,
  }));
  const paintNodes: PaintNode[] = nodes.map((n) => {
    const gate = n.node.op !== 'input' && n.node.op !== 'const' && n.node.op !== 'param';
    return {
      node: n.node,
      name: n.name,
      x: n.x,
      y: n.y,
      dim: n.dim,
      active: n.active,
      selected: n.selected,
      isOutput: n.isOutput,
      showName: gate && !n.labelsHidden,
      below: n.node.op === 'input' && !n.labelsHidden ? n.grad : undefined,
      seeded: n.seed !== undefined,
    };
  });
  return { edges: paintEdges, nodes: paintNodes, ...extra };
}
