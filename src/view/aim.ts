/**
 * Where the camera that follows the step should go (useFollow.ts runs it after each move through the
 * timeline): the box of what the frame is about, with room for the step's label, handed to camera.ts.
 * Fetched with the camera's maths, with the first step followed (or when the page is idle).
 */
import type { Frame } from '../core';
import type { Scene } from '../store/derive';
import { type Box, union } from './box';
import { type Camera, follow, type Viewport } from './camera';
import { stubPoints } from './edges';
import { nodeSize } from './geometry';
import { textBox, textWidth } from './labels/boxes';
import type { LabelSizes } from './labels/plan';
import { FOLLOW_PX, LOOSE, MARGIN } from './useFollow';

/** The drawing's box around a node's shape. */
function nodeBox(scene: Scene, id: number): Box {
  const node = scene.analysis.graph.nodes[id];
  const x = scene.layout.x[id] as number;
  const y = scene.layout.y[id] as number;
  const { hw, hh } = node ? nodeSize(node, scene.names[id] as string) : { hw: 26, hh: 26 };
  return { x0: x - hw, y0: y - hh, x1: x + hw, y1: y + hh };
}

/**
 * What the frame is about: a backward step's edge (its two nodes, the source first: where the gradient
 * arrives), or the gate a forward step computes and the nodes it reads.
 */
function focusIds(scene: Scene, frame: Frame): readonly number[] {
  const edge = frame.step ?? frame.tangent;
  const { graph } = scene.analysis;
  if (edge) return [edge.source, edge.target];
  // Forward mode's answer is at the output (every output's, for a vector output).
  if (frame.phase === 'done' && scene.timeline.tangent) return graph.allOutputs;
  if (frame.phase === 'forward' && frame.node !== undefined)
    return [frame.node, ...(graph.nodes[frame.node]?.inputs ?? [])];
  return [];
}

/** The box around those nodes, in drawing units (and the output's own edge, when forward mode is done). */
function focusBox(scene: Scene, frame: Frame, ids: readonly number[]): Box | null {
  if (ids.length === 0) return null;
  let box = nodeBox(scene, ids[0] as number);
  for (const id of ids.slice(1)) box = union(box, nodeBox(scene, id));
  if (!(frame.step ?? frame.tangent) && frame.phase === 'done') {
    // ...and on the output's own edge, where its tangent is written.
    const [, [x, y] = [0, 0]] = stubPoints(scene);
    box = union(box, { x0: x, y0: y - 30, x1: x, y1: y + 30 });
  }
  return box;
}

export interface Aim {
  scene: Scene;
  frame: Frame;
  sizes: LabelSizes;
  projector: boolean;
  /** The current step's label and the running sum, where they were placed, with their text. */
  labels: readonly { at: [number, number]; lines: readonly string[]; size: number }[];
  /** The SVG's size on screen, and the toolbar over it (in the SVG's screen coordinates). */
  width: number;
  height: number;
  avoid: Box | undefined;
  /** Where the camera is (or is heading). */
  from: Camera;
  /** Centre the step when the view must move (a big graph, moved without transitions). */
  centre: boolean;
}

/** The camera that keeps the frame's nodes and label on screen at a legible size, or null: stay. */
export function aim(a: Aim): Camera | null {
  const { scene, frame, sizes, labels, width, height } = a;
  const ids = focusIds(scene, frame);
  const nodes = focusBox(scene, frame, ids);
  if (!nodes) return null;
  const view: Viewport = { width, height, ...MARGIN };
  const smallest = Math.min(sizes.value, sizes.current, sizes.sum);
  const minK = (a.projector ? FOLLOW_PX.projector : FOLLOW_PX.screen) / smallest;
  let labelBox: Box | null = null;
  for (const l of labels) {
    const w = Math.max(...l.lines.map((t) => textWidth(t, l.size)));
    const around = textBox(l.at[0], l.at[1], w, l.size, l.lines.length);
    labelBox = labelBox ? union(labelBox, around) : around;
  }
  // The step's label sits up to two and a half lines off the edge (labels/plan.ts spotlight offsets):
  // the camera arrives with room for it, and stays while the label it placed is in view.
  const room = 2.5 * sizes.current;
  const around = (b: Box, label = labelBox) => {
    const padded = { x0: b.x0, y0: b.y0 - room, x1: b.x1, y1: b.y1 + room };
    return label ? { box: union(padded, label), need: union(b, label) } : { box: padded, need: b };
  };
  let { box, need } = around(nodes);
  // A long edge (a much-used input's, running across the bands of a wrapped drawing) cannot have both
  // ends on screen at a legible size: the camera follows the end by the step's label, or else the
  // source, where the gradient arrives, and the edge runs off the screen as context.
  const fits = (b: Box) =>
    (b.x1 - b.x0) * minK <= width - MARGIN.left - MARGIN.right &&
    (b.y1 - b.y0) * minK <= height - MARGIN.top - MARGIN.bottom;
  if (ids.length === 2 && (frame.step ?? frame.tangent) && !fits(box)) {
    const ends = ids.map((id) => nodeBox(scene, id));
    const mid = (b: Box): [number, number] => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
    const far = (b: Box) => {
      if (!labelBox) return 0;
      const [p, q] = [mid(b), mid(labelBox)];
      return Math.hypot(p[0] - q[0], p[1] - q[1]);
    };
    const end = far(ends[1] as Box) < far(ends[0] as Box) ? (ends[1] as Box) : (ends[0] as Box);
    ({ box, need } = around(end));
    // A label far from both ends: the end alone.
    if (!fits(box)) ({ box, need } = around(end, null));
  }
  const { k, x, y } = a.from;
  return follow(
    view,
    { k, x, y },
    box,
    minK,
    { need, loose: { width, height, ...LOOSE }, avoid: a.avoid },
    a.centre,
  );
}
