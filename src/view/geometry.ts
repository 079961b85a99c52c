import type { GraphNode } from '../core';

/** Half-width and half-height of a node's shape, from what it shows. */
export function nodeSize(
  node: GraphNode,
  name: string,
): { hw: number; hh: number; shape: 'circle' | 'box' | 'chip' } {
  // A function's parameter, inside an opened call, is drawn as the inside's own input.
  if (node.op === 'input' || node.op === 'param')
    return { hw: Math.max(26, 6 + name.length * 6.5), hh: 20, shape: 'box' };
  // A collapsed call is one gate with its function's name: a box wide enough for the name.
  if (node.op === 'call')
    return { hw: Math.max(30, 12 + (node.fn ?? '').length * 7.5), hh: 24, shape: 'box' };
  if (node.op === 'const') return { hw: Math.max(16, 5 + name.length * 5), hh: 14, shape: 'chip' };
  return { hw: 26, hh: 26, shape: 'circle' };
}

/** What a node shows in its shape: a gate's op (σ for sigmoid, log with a subscript base), else its name. */
export function nodeSymbol(node: GraphNode, name: string, symbol: string): { text: string; sub?: string } {
  if (node.op === 'input' || node.op === 'const') return { text: name };
  // A parameter shows the name its definition gives it (x), even where captions must call it x_1.
  if (node.op === 'param') return { text: node.label ?? name };
  const fn = node.fn ?? symbol;
  if (fn === 'sigmoid') return { text: 'σ' };
  if (fn === 'sqrt') return { text: '√' };
  const base = /^log(\d+)$/.exec(fn);
  if (base) return { text: 'log', sub: base[1] as string };
  return { text: fn };
}

// Advance widths in em of DejaVu Sans Bold, the widest of the usual UI sans fonts (Segoe UI, Roboto, SF
// and Liberation are narrower), so a symbol sized by them fits whatever font the machine has.
const WIDE = new Map<string, number>(
  Object.entries({
    m: 1.04,
    w: 0.93,
    f: 0.44,
    i: 0.35,
    j: 0.35,
    l: 0.35,
    r: 0.5,
    t: 0.48,
    '|': 0.37,
    '.': 0.38,
  }),
);
const DIGIT = 0.7;
const SUB = 0.7; // a subscript's size, relative to the symbol's
/** How a subscript is drawn (a tspan: every SVG viewer reads these attributes). */
export const SUB_SIZE = `${SUB * 100}%`;
export const SUB_DY = '0.3em';

function emWidth(text: string, mono: boolean): number {
  let w = 0;
  for (const ch of text)
    w += mono ? 0.61 : (WIDE.get(ch) ?? (/[a-z]/.test(ch) ? 0.72 : /\d/.test(ch) ? DIGIT : 0.84));
  return w;
}

/**
 * The largest font size (in drawing units) at which the node's symbol fits its shape with a margin:
 * the stylesheet draws the symbol at min(its usual size, this), so a short symbol keeps its size and
 * a long one shrinks to fit (in every mode, projector included).
 */
export function symbolFit(node: GraphNode, name: string, symbol: string): number {
  const { hw, shape } = nodeSize(node, name);
  const { text, sub } = nodeSymbol(node, name, symbol);
  const mono = node.op === 'input' || node.op === 'param';
  const em = emWidth(text, mono) + (sub ? SUB * emWidth(sub, mono) : 0);
  // A circle is narrower above and below its middle; boxes and chips leave a little padding.
  const room = 2 * hw - (shape === 'circle' ? 14 : 10);
  return Math.floor((10 * room) / Math.max(em, 0.5)) / 10;
}

/** Rounded to 3 decimals, as d3-path writes numbers. */
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * A smooth left-to-right curve through the points (an S-bend between each pair), as an SVG path: the
 * same string as d3-shape's line().curve(curveBumpX), written here to keep d3-shape out of the first load
 * (tests/unit/geometry.test.ts checks they agree).
 */
export function edgePath(points: [number, number][]): string {
  const first = points[0];
  if (!first) return '';
  let [x0, y0] = first;
  let d = `M${r3(x0)},${r3(y0)}`;
  if (points.length === 1) return `${d}Z`;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i] as [number, number];
    const mx = (x0 + x) / 2;
    d += `C${r3(mx)},${r3(y0)},${r3(mx)},${r3(y)},${r3(x)},${r3(y)}`;
    x0 = x;
    y0 = y;
  }
  return d;
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
