import { type RefObject, useEffect, useRef } from 'react';
import type { DrawnNode, TensorFrame } from '../../core';
import type { TensorScene } from '../../store/derive';
import { type Box, type Camera, follow, union, type Viewport } from '../camera';
import { FOLLOW_PX, LOOSE, MARGIN, toolbarBox, useLookAgain } from '../useFollow';
import { viewOf } from '../useZoom';
import { LINE_PX, tensorNodeSize } from './TensorNodeView';

/**
 * The number lines' size (var(--label), 15 px; larger in projector mode) and, for the box the camera
 * keeps on screen, the width of one of their characters at the largest size (monospace, 0.6 em).
 */
const LABEL_PX = 15;
const CHAR_PX = 11;

/** A node and the small matrices under it (value and gradient), in drawing units. */
function nodeBox(t: TensorScene, n: DrawnNode, lines: readonly string[]): Box {
  const x = t.layout.x[n.id] as number;
  const y = t.layout.y[n.id] as number;
  const { hw, hh } = tensorNodeSize(n, t.names[n.id] as string);
  const half = Math.max(hw, (Math.max(0, ...lines.map((l) => l.length)) * CHAR_PX) / 2);
  return {
    x0: x - half,
    y0: y - hh - 24,
    x1: x + half,
    y1: y + hh + LINE_PX * 2 * Math.max(1, lines.length) + 6,
  };
}

/**
 * The camera move that brings nodes `ids`, with their matrices, on screen at a legible size, moving as
 * little as it must (camera.ts), from `from`; null when they already are.
 */
export function showNodes(
  svg: SVGSVGElement,
  t: TensorScene,
  ids: readonly number[],
  lines: (n: DrawnNode) => readonly string[],
  projector: boolean,
  from: Camera = viewOf(svg),
  /** Extra room above the nodes (an opened frame's title and close button). */
  above = 0,
): Camera | null {
  if (ids.length === 0) return null;
  const nodes = ids
    .map((id) => nodeBox(t, t.drawn.nodes[id] as DrawnNode, lines(t.drawn.nodes[id] as DrawnNode)))
    .reduce(union);
  const box = { ...nodes, y0: nodes.y0 - above };
  const { width, height } = svg.getBoundingClientRect();
  const view: Viewport = { width, height, ...MARGIN };
  const minK = (projector ? FOLLOW_PX.projector : FOLLOW_PX.screen) / LABEL_PX;
  return follow(view, { k: from.k, x: from.x, y: from.y }, box, minK, {
    need: box,
    loose: { width, height, ...LOOSE },
    avoid: toolbarBox(svg),
  });
}

/**
 * The camera that follows the step at tensor level, as at scalar level (view/useFollow.ts): after each
 * move through the replay, the view eases just enough to keep the current edge's two nodes, with their
 * matrices, on screen at a legible size; it does nothing while `active` is false.
 */
export function useTensorFollow(
  svgRef: RefObject<SVGSVGElement | null>,
  t: TensorScene,
  frame: TensorFrame | null,
  lines: (n: DrawnNode) => readonly string[],
  opts: { active: boolean; projector: boolean; ms: number; moveTo: (to: Camera, ms: number) => void },
): void {
  const { active, projector, ms, moveTo } = opts;
  const heading = useRef<{ to: Camera; until: number } | null>(null);
  const run = () => {
    const svg = svgRef.current;
    if (!active || !svg || !frame) return;
    const ids = frame.step
      ? [frame.step.source, frame.step.target]
      : frame.phase === 'forward' && frame.node !== undefined
        ? [frame.node, ...(t.drawn.nodes[frame.node]?.inputs ?? [])]
        : [];
    const now = performance.now();
    const from = heading.current && now < heading.current.until ? heading.current.to : viewOf(svg);
    const to = showNodes(svg, t, ids, lines, projector, from);
    if (!to) return;
    heading.current = { to, until: now + ms };
    moveTo(to, ms);
  };
  const latest = useRef(run);
  latest.current = run;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the frame's position, not its arrays
  useEffect(() => latest.current(), [active, t.layout, frame?.phase, frame?.index, projector]);
  useLookAgain(svgRef, latest, heading);
}
