/**
 * A big graph painted on a canvas: the same picture as the SVG view (edges, gates, names, numbers, the
 * current step), drawn in one pass over what is on screen. Thousands of SVG elements cost Chromium a
 * layout and a repaint of the whole drawing at every step and every pan; a canvas costs only what it
 * draws, and draws only what the view shows. Pure drawing: no React, no DOM beyond the 2D context.
 */
import type { GraphNode } from '../../core';
import { nodeSize } from '../geometry';
import { LEGIBLE_PX, LINE } from '../labels/boxes';
import type { Point } from '../labels/curve';
import type { LabelSizes, Spot } from '../labels/plan';
import { halo, paintNode } from './paintNode';

/** The stylesheet's colours (see styles.css :root and its themes), read off the graph view. */
export interface Palette {
  bg: string;
  panel: string;
  ink: string;
  muted: string;
  value: string;
  grad: string;
  accent: string;
  node: string;
  nodeStroke: string;
  active: string;
  edge: string;
  edgeConst: string;
  inputFill: string;
  constStroke: string;
  font: string;
  mono: string;
}

export interface View {
  k: number;
  x: number;
  y: number;
}

/** One edge as drawn: its curve, where its numbers go (none = not drawn) and how it looks. */
export interface PaintEdge {
  id: number;
  path: Path2D;
  /** The curve's bounding box, to skip what is off screen. */
  box: [number, number, number, number];
  /** Where the arrow ends (the edge enters its gate from the left). */
  end: Point;
  value?: { at: Spot; text: string } | undefined;
  grad?: { at: Spot; text: string } | undefined;
  fromConstant: boolean;
  dim: boolean;
  highlighted: boolean;
  current: boolean;
}

export interface PaintNode {
  node: GraphNode;
  name: string;
  x: number;
  y: number;
  dim: boolean;
  active: boolean;
  selected: boolean;
  isOutput: boolean;
  /** A gate's name above it, when drawn. */
  showName: boolean;
  /** An input's gradient (or its seed, in forward mode) below it. */
  below?: number | undefined;
  seeded: boolean;
}

export interface Picture {
  edges: readonly PaintEdge[];
  nodes: readonly PaintNode[];
  /** The current step's two lines, and the running sum where branches meet. */
  current?: { at: Spot; lines: readonly [string, string] } | undefined;
  sum?: { at: Spot; text: string } | undefined;
  sizes: LabelSizes;
  /** Numbers and names are drawn only at a size that can be read. */
  numbers: boolean;
  names: boolean;
}

/** The part of the drawing on screen, in drawing units, with a margin for labels that straddle it. */
export function visibleBox(view: View, width: number, height: number, margin = 60): Box4 {
  return [
    -view.x / view.k - margin,
    -view.y / view.k - margin,
    (width - view.x) / view.k + margin,
    (height - view.y) / view.k + margin,
  ];
}
type Box4 = [number, number, number, number];
const meets = (a: Box4, x0: number, y0: number, x1: number, y1: number) =>
  x1 >= a[0] && x0 <= a[2] && y1 >= a[1] && y0 <= a[3];

/**
 * Paints the picture through the view (screen = k · drawing + (x, y)) on a canvas of `width` × `height`
 * CSS pixels at `dpr` device pixels each. Returns how many nodes and edges it drew (tests, and the bench).
 */
export function paint(
  ctx: CanvasRenderingContext2D,
  pic: Picture,
  colors: Palette,
  view: View,
  width: number,
  height: number,
  dpr: number,
): { nodes: number; edges: number; texts: number } {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
  const on = visibleBox(view, width, height);
  // Zoomed far out, lines and gates are kept at least a pixel or so on screen: the overview of a
  // thousand-node graph shows its shape instead of fading to nothing.
  const hairline = 0.8 / view.k;
  const drawn = { nodes: 0, edges: 0, texts: 0 };
  const edges = pic.edges.filter((e) => meets(on, ...e.box));
  // The current edge last, over the others (as the SVG view orders it).
  edges.sort((a, b) => Number(a.current) - Number(b.current));
  // Far out, edges of one look are stroked as one path, and arrowheads smaller than a pixel are left out.
  const far = view.k * 11 < 1.5;
  // (Batching needs Path2D's addPath: a context that has none, as in Node's tests, draws one by one.)
  const batch = far && typeof Path2D.prototype.addPath === 'function';
  const batches = new Map<string, { style: EdgeLook; path: Path2D }>();
  for (const e of edges) {
    const style = edgeLook(e, colors, hairline);
    drawn.edges++;
    if (batch && !e.current) {
      const key = `${style.color}|${style.width}|${style.dash.length}|${style.alpha}`;
      const b = batches.get(key) ?? { style, path: new Path2D() };
      b.path.addPath(e.path);
      batches.set(key, b);
      continue;
    }
    strokeEdge(ctx, e.path, style);
    if (far) continue;
    // The arrowhead: the curve enters its gate horizontally, so it points right.
    ctx.fillStyle = colors.edge;
    ctx.beginPath();
    ctx.moveTo(e.end[0] + 3, e.end[1]);
    ctx.lineTo(e.end[0] - 8, e.end[1] - 5.5);
    ctx.lineTo(e.end[0] - 8, e.end[1] + 5.5);
    ctx.closePath();
    ctx.fill();
  }
  for (const b of batches.values()) strokeEdge(ctx, b.path, b.style);
  ctx.globalAlpha = 1;
  // Far out, a gate is a dot in its outline's colour, and the dots of one look are filled as one path.
  const dots = new Map<string, { fill: string; alpha: number; path: Path2D }>();
  for (const n of pic.nodes) {
    const { hw, hh, shape } = nodeSize(n.node, n.name);
    if (!meets(on, n.x - hw, n.y - hh - 40, n.x + hw, n.y + hh + 40)) continue;
    drawn.nodes++;
    if (batch) {
      const fill = n.active || n.selected ? colors.accent : colors.nodeStroke;
      const alpha = n.dim ? 0.35 : 1;
      const d = dots.get(`${fill}|${alpha}`) ?? { fill, alpha, path: new Path2D() };
      // (The gate being computed or receiving the gradient, and the selected one, stand out.)
      const r = Math.max(hw, (n.active || n.selected ? 4 : 1.5) / view.k);
      d.path.moveTo(n.x + r, n.y);
      d.path.arc(n.x, n.y, r, 0, 2 * Math.PI);
      dots.set(`${fill}|${alpha}`, d);
      continue;
    }
    drawn.texts += paintNode(ctx, n, pic, colors, view.k, { hw, hh, shape });
  }
  for (const d of dots.values()) {
    ctx.globalAlpha = d.alpha;
    ctx.fillStyle = d.fill;
    ctx.fill(d.path);
  }
  ctx.globalAlpha = 1;
  // (Checked at this very view too: a view easing out paints frames at scales the plan never saw.)
  if (pic.numbers && view.k * pic.sizes.value >= LEGIBLE_PX) {
    const label = (at: Spot, text: string, fill: string, size: number) => {
      if (!meets(on, at[0], at[1], at[0], at[1])) return;
      halo(ctx, text, at[0], at[1], fill, colors.bg, `600 ${size}px ${colors.font}`, 4);
      drawn.texts++;
    };
    for (const e of edges) {
      ctx.globalAlpha = e.dim ? 0.35 : 1;
      if (e.value) label(e.value.at, e.value.text, colors.value, pic.sizes.value);
      if (e.grad && !e.current) label(e.grad.at, e.grad.text, colors.grad, pic.sizes.value);
    }
    ctx.globalAlpha = 1;
    if (pic.current) {
      const [x, y] = pic.current.at;
      const font = `600 ${pic.sizes.current}px ${colors.font}`;
      halo(ctx, pic.current.lines[0], x, y, colors.grad, colors.bg, font, 7);
      if (pic.current.lines[1])
        halo(ctx, pic.current.lines[1], x, y + LINE * pic.sizes.current, colors.grad, colors.bg, font, 7);
      drawn.texts++;
    }
    if (pic.sum) {
      label(pic.sum.at, pic.sum.text, colors.grad, pic.sizes.sum);
    }
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return drawn;
}

interface EdgeLook {
  color: string;
  width: number;
  dash: number[];
  alpha: number;
}

/** How an edge is stroked, as the stylesheet draws it (styles.css .edge rules). */
function edgeLook(e: PaintEdge, colors: Palette, hairline: number): EdgeLook {
  const color = e.current
    ? colors.grad
    : e.highlighted
      ? colors.accent
      : e.fromConstant
        ? colors.edgeConst
        : colors.edge;
  return {
    color,
    // The current edge stays a few pixels wide at any zoom: the overview shows where the step is.
    width: Math.max(e.highlighted ? 5 : e.current ? 3.5 : 2, e.current ? 3.75 * hairline : hairline),
    dash: e.fromConstant && !e.current && !e.highlighted ? [4, 3] : [],
    alpha: e.dim ? 0.35 : 1,
  };
}

function strokeEdge(ctx: CanvasRenderingContext2D, path: Path2D, s: EdgeLook): void {
  ctx.globalAlpha = s.alpha;
  ctx.strokeStyle = s.color;
  ctx.lineWidth = s.width;
  ctx.setLineDash(s.dash);
  ctx.stroke(path);
  ctx.setLineDash([]);
}
