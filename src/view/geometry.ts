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
 * Where an edge's labels go: the middle of its last segment, next to the gate it feeds, so that two
 * uses of one input never share a spot. Each S-bend is symmetric about its middle, which lies on it.
 */
export function edgeMid(points: [number, number][]): [number, number] {
  const a = points[points.length - 2] ?? [0, 0];
  const b = points[points.length - 1] ?? [0, 0];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
