import { curveBumpX, line } from 'd3-shape';
import type { GraphNode } from '../core';

/** Half-width and half-height of a node's shape, from what it shows. */
export function nodeSize(
  node: GraphNode,
  name: string,
): { hw: number; hh: number; shape: 'circle' | 'box' | 'chip' } {
  if (node.op === 'input') return { hw: Math.max(26, 6 + name.length * 6.5), hh: 20, shape: 'box' };
  if (node.op === 'const') return { hw: Math.max(16, 5 + name.length * 5), hh: 14, shape: 'chip' };
  return { hw: 26, hh: 26, shape: 'circle' };
}

const bump = line<[number, number]>().curve(curveBumpX);

/** A smooth left-to-right curve through the points (an S-bend between each pair), as an SVG path. */
export function edgePath(points: [number, number][]): string {
  return bump(points) ?? '';
}

/**
 * Where an edge's labels go: the middle of the segment that holds the edge's halfway point (by length).
 * Long edges get their labels far from the gates where edges converge; each S-bend is symmetric about
 * its middle, which lies on the curve.
 */
export function edgeMid(points: [number, number][]): [number, number] {
  const lengths = points
    .slice(1)
    .map((b, k) =>
      Math.hypot(b[0] - (points[k] as [number, number])[0], b[1] - (points[k] as [number, number])[1]),
    );
  const total = lengths.reduce((s, l) => s + l, 0);
  let walked = 0;
  let k = 0;
  while (k < lengths.length - 1 && walked + (lengths[k] as number) < total / 2)
    walked += lengths[k++] as number;
  const a = points[k] ?? [0, 0];
  const b = points[k + 1] ?? a;
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
