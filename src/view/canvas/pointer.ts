import type { Graph } from '../../core';
import type { NodeLook } from '../drawProps';
import { nodeSize } from '../geometry';
import { viewOf } from '../useZoom';

/** What a node chosen on the canvas does: open its call (a collapsed call, sigmoid…) or select it. */
interface Choose {
  select(id: number): void;
  toggleCall(key: string): void;
}

/**
 * A click on the canvas's SVG finds its node by position (a gate's circle, an input's box): the canvas
 * has no elements to click.
 */
export function clickNode(
  e: { clientX: number; clientY: number; currentTarget: SVGSVGElement },
  nodes: readonly NodeLook[],
  { select, toggleCall }: Choose,
): void {
  const svg = e.currentTarget;
  const r = svg.getBoundingClientRect();
  const t = viewOf(svg);
  const hit = nodeAt(nodes, (e.clientX - r.left - t.x) / t.k, (e.clientY - r.top - t.y) / t.k);
  if (!hit) return;
  if (hit.expandKey !== undefined) toggleCall(hit.expandKey);
  else select(hit.node.id);
}

/**
 * ...and from the keyboard, with the graph focused: ↓ and ↑ select the next and previous node
 * (constants are skipped, as Tab skips them in the SVG view), Enter opens the selected call. (← and →
 * step through the animation, as everywhere.)
 */
export function keyNode(
  e: { key: string; preventDefault(): void },
  graph: Graph,
  selected: number | null,
  { select, toggleCall }: Choose,
): void {
  if (e.key === 'Enter' && selected !== null) {
    const key = graph.callKey[selected];
    if (key !== undefined) toggleCall(key);
    return;
  }
  const by = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
  if (!by) return;
  e.preventDefault();
  const n = graph.nodes.length;
  for (let k = 1, id = selected ?? (by > 0 ? -1 : n); k <= n; k++) {
    id = (id + by + n) % n;
    if (graph.nodes[id]?.op !== 'const') {
      select(id);
      return;
    }
  }
}

/** The node drawn at a point (drawing units), if any: inside a gate's circle or an input's box. */
export function nodeAt(nodes: readonly NodeLook[], x: number, y: number): NodeLook | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i] as NodeLook;
    const { hw, hh, shape } = nodeSize(n.node, n.name);
    const dx = x - n.x;
    const dy = y - n.y;
    if (shape === 'circle' ? dx * dx + dy * dy <= hw * hw : Math.abs(dx) <= hw && Math.abs(dy) <= hh)
      return n;
  }
  return undefined;
}

/**
 * A node chosen from the keyboard comes on screen: centred, at a scale where its numbers can be read
 * (at least `minK`), unless it already is on screen at such a scale.
 */
export function revealNode(
  svg: SVGSVGElement,
  at: { x: number; y: number },
  minK: number,
  moveTo: (to: { k: number; x: number; y: number }, ms: number) => void,
): boolean {
  const t = viewOf(svg);
  const { width, height } = svg.getBoundingClientRect();
  const sx = t.x + t.k * at.x;
  const sy = t.y + t.k * at.y;
  const k = Math.max(t.k, minK);
  if (k === t.k && sx > 40 && sx < width - 40 && sy > 60 && sy < height - 40) return false;
  moveTo({ k, x: width / 2 - k * at.x, y: height / 2 - k * at.y }, 0);
  return true;
}
