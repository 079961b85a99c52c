/**
 * Where the numbers go, so that no label overlaps another label or a node.
 *
 * Each edge carries its value (green, above the line) and the gradient that came back along it (red,
 * below). The plan reserves a place for both final numbers on every edge at once, so a label never moves
 * or collides as playback reveals more of them: in every frame, the labels drawn are a subset of a
 * collision-free set. A place is tried at the middle of the edge first, then further out along it (away
 * from the gates, where edges converge), with both labels on one side when the split does not fit. An
 * edge with no free place hides its numbers: they stay in the edge's tooltip, the node details and the
 * tables, rather than being drawn on top of each other.
 */
import { ASCENT, type Box, BoxGrid, DESCENT, LINE, MARGIN, overlaps, textBox, textWidth } from './boxes';
import { curveLength, type Point, pointAt, type Sampled, sampleCurve } from './curve';

/** Font sizes in drawing units (the stylesheet's --label, --label-current, --label-sum, --label-name). */
export interface LabelSizes {
  value: number;
  current: number;
  sum: number;
  name: number;
}

export interface PlanEdge {
  /** Edge id (-1: the output's own stub). */
  id: number;
  points: Point[];
  /** The texts to make room for: the value and the final gradient ('' = none). */
  value: string;
  grad: string;
}

export interface PlanNode {
  x: number;
  y: number;
  hw: number;
  hh: number;
  /** A gate's name, drawn above it. */
  name?: string;
  /** An input's gradient label (∂ …), drawn below it. */
  below?: string;
}

/** The baseline centre of a label (text-anchor middle). */
export type Spot = Point;

export interface LabelPlan {
  value: Map<number, Spot>;
  grad: Map<number, Spot>;
  sizes: LabelSizes;
  /** Nodes, node labels and placed edge labels; tags say which (see `tag`). */
  grid: BoxGrid;
  curves: Map<number, Sampled>;
  /** Gates whose name is not drawn: it would overlap a node or another node's label. */
  hiddenNames: Set<number>;
}

const GAP = 5; // between the line and the nearer edge of a label
const STACK = 2 * MARGIN; // between two stacked labels: their halos touch, their text does not
// Along the edge from its middle outwards; the ends, where edges fan in and out of gates, come last.
const FRACTIONS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85];
/** How far off the line the step's label may sit (drawing units), nearest first: 26 is a gate's radius. */
const OFFSETS = [GAP, 32, 46, 60, 90];
/** Sideways shifts of the step's label, in label widths: where edges crowd, a little aside often clears. */
const SHIFTS = [0, -1 / 3, 1 / 3, -1 / 6, 1 / 6, -1 / 2, 1 / 2];

export const KIND = { node: 0, nodeLabel: 1, value: 2, grad: 3 } as const;
/** Edge ids from −OFFSET up fit a tag: the outputs' own edges are −1, −2, … (see view/edges.ts). */
const OFFSET = 1 << 20;
export const tag = (kind: number, edge: number): number => (edge + OFFSET) * 4 + kind;
export const kindOf = (t: number): number => t % 4;
export const edgeOf = (t: number): number => Math.floor(t / 4) - OFFSET;

/** The baseline of an input's gradient label (∂ …), just below the input's box. */
export const belowInput = (hh: number, size: number): number => hh + GAP + ASCENT * size;

/**
 * The baseline of a gate's name, above its shape: far enough that the name's box (with its margin) clears
 * the gate's own (padded by 2), so that a name with room above it is kept.
 */
export const NAME_ABOVE = 10;

/** Baselines for the value and gradient labels around the point p, in one of three arrangements. */
function arrangements(p: Point, s: number): [number, number][] {
  const above = p[1] - GAP - DESCENT * s; // a line of text just above the edge
  const below = p[1] + GAP + ASCENT * s; // just below it
  const step = (ASCENT + DESCENT) * s + STACK;
  return [
    [above, below], // value above, gradient below: the lecture convention
    [above - step, above], // both above
    [below, below + step], // both below
  ];
}

export function planLabels(
  nodes: readonly PlanNode[],
  edges: readonly PlanEdge[],
  sizes: LabelSizes,
): LabelPlan {
  const grid = new BoxGrid();
  const value = new Map<number, Spot>();
  const grad = new Map<number, Spot>();
  const curves = new Map<number, Sampled>();
  // A node's own labels are tagged with the node, so that the spotlight can say whose it covers.
  nodes.forEach((n, id) => {
    grid.add({ x0: n.x - n.hw - 2, x1: n.x + n.hw + 2, y0: n.y - n.hh - 2, y1: n.y + n.hh + 2 }, KIND.node);
    if (n.below)
      grid.add(
        textBox(n.x, n.y + belowInput(n.hh, sizes.value), textWidth(n.below, sizes.value), sizes.value),
        tag(KIND.nodeLabel, id),
      );
  });
  // A gate's name, where the rows crowd, can meet an input's ∂ or another name: the name gives way (the
  // node's details and the step panel still name it).
  const hiddenNames = new Set<number>();
  nodes.forEach((n, id) => {
    if (!n.name) return;
    const box = textBox(n.x, n.y - n.hh - NAME_ABOVE, textWidth(n.name, sizes.name), sizes.name);
    if (grid.hits(box).length > 0) hiddenNames.add(id);
    else grid.add(box, tag(KIND.nodeLabel, id));
  });
  for (const e of edges) curves.set(e.id, sampleCurve(e.points));
  // Short edges have the fewest places: they choose first.
  const order = [...edges].sort(
    (a, b) =>
      curveLength(curves.get(a.id) as Sampled) - curveLength(curves.get(b.id) as Sampled) || a.id - b.id,
  );
  const s = sizes.value;
  for (const e of order) {
    const curve = curves.get(e.id) as Sampled;
    const wv = e.value ? textWidth(e.value, s) : 0;
    const wg = e.grad ? textWidth(e.grad, s) : 0;
    let placed = false;
    for (const f of FRACTIONS) {
      const p = pointAt(curve, f);
      for (const [bv, bg] of arrangements(p, s)) {
        const vb = e.value ? textBox(p[0], bv, wv, s) : undefined;
        const gb = e.grad ? textBox(p[0], bg, wg, s) : undefined;
        if ((vb && !grid.free(vb)) || (gb && !grid.free(gb))) continue;
        if (vb) {
          grid.add(vb, tag(KIND.value, e.id));
          value.set(e.id, [p[0], bv]);
        }
        if (gb) {
          grid.add(gb, tag(KIND.grad, e.id));
          grad.set(e.id, [p[0], bg]);
        }
        placed = true;
        break;
      }
      if (placed) break;
    }
    if (placed) continue;
    // No room for the pair: each number on its own, the gradient first (backprop is what is shown).
    for (const [text, w, kind, map] of [
      [e.grad, wg, KIND.grad, grad],
      [e.value, wv, KIND.value, value],
    ] as const) {
      if (!text) continue;
      outer: for (const f of FRACTIONS) {
        const p = pointAt(curve, f);
        for (const b of [p[1] - GAP - DESCENT * s, p[1] + GAP + ASCENT * s]) {
          const box = textBox(p[0], b, w, s);
          if (!grid.free(box)) continue;
          grid.add(box, tag(kind, e.id));
          map.set(e.id, [p[0], b]);
          break outer;
        }
      }
    }
  }
  return { value, grad, sizes, grid, curves, hiddenNames };
}

/** The current step's label ("upstream × local = contribution") and the running sum at a node. */
export interface Spotlight {
  current?: Spot;
  sum?: Spot;
  /** Labels of the plan hidden in this frame because the spotlight's labels sit on them. */
  hiddenValue: Set<number>;
  hiddenGrad: Set<number>;
  /** Nodes whose own labels (a gate's name, an input's ∂) are hidden in this frame, as a last resort. */
  hiddenNode: Set<number>;
}

interface SpotRequest {
  /** The current step's edge and its two lines of text. */
  edge?: { id: number; lines: [string, string] };
  /** The running sum at a node (x, y, half-height), below it or else above it. */
  sum?: { text: string; node: PlanNode };
  /**
   * The drawing's box, margins included: what the overview shows. A label beyond it would be cut off
   * there, so it goes outside only when every place inside covers a node.
   */
  bounds?: Box;
}

const inside = (b: Box, outer: Box) =>
  b.x0 >= outer.x0 && b.x1 <= outer.x1 && b.y0 >= outer.y0 && b.y1 <= outer.y1;

/**
 * Places the current step's labels, which matter most in this frame: on a free spot if there is one,
 * otherwise where they cover the fewest planned labels, and those are hidden for this frame. Where edges
 * crowd so that only a node's own label (a name, an input's ∂) is in the way, that label is hidden for
 * the frame instead. They never cover a node's shape.
 */
export function spotlight(plan: LabelPlan, req: SpotRequest): Spotlight {
  const out: Spotlight = { hiddenValue: new Set(), hiddenGrad: new Set(), hiddenNode: new Set() };
  const taken: Box[] = [];
  const consider = (
    boxes: { box: Box; spot: Spot }[],
    own: number | undefined,
    extra: (b: Box) => number = () => 0,
  ) => {
    let best: { box: Box; spot: Spot; hits: number[] } | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const c of boxes) {
      const hits = plan.grid.hits(c.box);
      let cost = 0;
      for (const h of hits) {
        const t = plan.grid.tags[h] as number;
        const k = kindOf(t);
        if (k === KIND.node) cost += 1000;
        else if (k === KIND.nodeLabel) cost += 30;
        else if (!(k === KIND.grad && edgeOf(t) === own)) cost += 1; // the step's own gradient is replaced
      }
      for (const b of taken) if (overlaps(b, c.box)) cost += 1000;
      cost += extra(c.box);
      if (req.bounds && !inside(c.box, req.bounds)) cost += 100;
      if (cost < bestCost) {
        bestCost = cost;
        best = { ...c, hits };
      }
      if (cost === 0) break;
    }
    // Nowhere clear of the nodes: the label is not drawn (the step panel gives the same numbers in words).
    if (!best || bestCost >= 1000) return undefined;
    taken.push(best.box);
    for (const h of best.hits) {
      const t = plan.grid.tags[h] as number;
      if (kindOf(t) === KIND.value) out.hiddenValue.add(edgeOf(t));
      if (kindOf(t) === KIND.grad) out.hiddenGrad.add(edgeOf(t));
      if (kindOf(t) === KIND.nodeLabel) out.hiddenNode.add(edgeOf(t));
    }
    return best.spot;
  };
  const { current: sc, sum: ss } = plan.sizes;
  if (req.edge) {
    const curve = plan.curves.get(req.edge.id);
    if (curve) {
      const w = Math.max(textWidth(req.edge.lines[0], sc), textWidth(req.edge.lines[1], sc));
      const candidates: { box: Box; spot: Spot }[] = [];
      // Where the edge's own gradient goes first (the two-line label replaces it), then along the edge.
      // Just off the line first, anywhere along it, then further off: a label far from its own edge, at its
      // middle, would read as another edge's (26 is a gate's radius: clear of the gates of a short edge).
      for (const off of OFFSETS)
        for (const f of FRACTIONS) {
          const p = pointAt(curve, f);
          for (const dx of SHIFTS.map((m) => m * w)) {
            const below = p[1] + off + ASCENT * sc;
            const above = p[1] - off - DESCENT * sc - LINE * sc;
            for (const b of [below, above])
              candidates.push({ box: textBox(p[0] + dx, b, w, sc, 2), spot: [p[0] + dx, b] });
          }
        }
      // Its own line running through the label's text is worse than a spot beside it, better than a
      // spot far away (or one that hides a label).
      const line = Array.from({ length: 21 }, (_, k) => pointAt(curve, k / 20));
      const crossed = (b: Box) =>
        line.some(([x, y]) => x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1) ? 0.5 : 0;
      out.current = consider(candidates, req.edge.id, crossed);
    }
  }
  if (req.sum) {
    const { node, text } = req.sum;
    const w = textWidth(text, ss);
    const reserved = node.below ? (ASCENT + DESCENT) * plan.sizes.value + GAP : 0;
    const below = node.y + node.hh + GAP + reserved + ASCENT * ss;
    const above =
      node.y -
      node.hh -
      (node.name ? NAME_ABOVE + (ASCENT + DESCENT) * plan.sizes.name : 0) -
      GAP -
      DESCENT * ss;
    // Below the node, above it, further below; then beside it, right or left (where the current step's
    // edge comes in from below, as in forward mode, the places under the node may all be taken).
    const mid = node.y + (ASCENT - DESCENT) * ss * 0.5;
    const side = node.hw + GAP + w / 2;
    const candidates = [
      [node.x, below],
      [node.x, above],
      [node.x, below + (ASCENT + DESCENT) * ss + STACK],
      [node.x + w / 2, below],
      [node.x + w / 2, above],
      [node.x + side, mid],
      [node.x - side, mid],
    ].map(([x, b]) => ({ box: textBox(x as number, b as number, w, ss), spot: [x, b] as Spot }));
    out.sum = consider(candidates, undefined);
  }
  return out;
}
