import type { AnalysisOk, Drawn } from '../core';
import { nodeNames, timeline } from '../core';
import { drawnLevel } from '../core/tensor/drawn';
import { tensorLevel } from '../core/tensor/level';
import { drawnNames } from '../core/tensor/names';
import { replayLength, tensorFrameAt } from '../core/tensor/replay';
import { EMPTY_LAYOUT, type LayoutOptions, layoutGraph } from '../view/layout';
import { matrixLines } from '../view/tensor/matrix';
import type { Scene } from './scene';

/** Spacing of the tensor level: its nodes carry small matrices, so they need more room than gates. */
export const TENSOR_LAYER_GAP = 190;
export const TENSOR_ROW_GAP = 150;

/** Width of a character of the number lines (monospace at the label size, 15 px), and a line's height. */
const CHAR_PX = 9.2;
const LINE_PX = 18;

/**
 * Room between layers and rows for the small matrices under the nodes (values, then gradients of the
 * same shape), so that no preview runs into its neighbour's.
 */
function spacing(drawn: Drawn, a: AnalysisOk): { dx: number; dy: number } {
  let chars = 0;
  let lines = 0;
  for (const n of drawn.nodes) {
    const shown = matrixLines(
      n.outputs.map((v) => a.values[v] as number),
      n.shape,
      n.opened ? 1 : 3,
    );
    // The gradient's lines are as long, after "∂ ".
    for (const l of shown) chars = Math.max(chars, l.length + 2);
    lines = Math.max(lines, 2 * shown.length);
  }
  return {
    dx: Math.min(480, Math.max(TENSOR_LAYER_GAP, chars * CHAR_PX + 50)),
    dy: Math.max(TENSOR_ROW_GAP, lines * LINE_PX + 80),
  };
}

/**
 * The scene of a program drawn at tensor level. Its graph has a node per operation (a few dozen even for
 * an MLP with 13,000 weights), so it is laid out at once, here; the scalar graph is not laid out at all.
 */
export function tensorScene(
  full: AnalysisOk,
  analysis: AnalysisOk,
  expanded: ReadonlySet<string>,
  previous: Scene | null,
): Scene {
  const level = tensorLevel(full);
  if (!level) throw new Error('tensorScene: the program has no tensors');
  const drawn = drawnLevel(full, level, expanded);
  const keys = drawn.nodes.map((n) => n.key);
  const edges = drawn.edges.map((e) => `${e.source}>${e.target}`).join(',');
  const shape = `tensor:${keys.join('|')}#${edges}`;
  const same = previous?.tensor && previous.shape === shape ? previous.tensor.layout : null;
  const t0 = performance.now();
  const opts: LayoutOptions = { ...spacing(drawn, full), keys };
  if (previous?.tensor)
    opts.previous = new Map(
      previous.tensor.drawn.nodes.map((n) => [n.key, previous.tensor?.layout.y[n.id] ?? 0]),
    );
  const layout =
    same ??
    layoutGraph(
      {
        nodes: drawn.nodes.map((n) => ({
          id: n.id,
          op: n.kind === 'input' ? 'input' : 'add',
          inputs: n.inputs,
          start: n.start,
          end: n.end,
        })),
        edges: drawn.edges,
        outEdges: drawn.outEdges,
        output: drawn.output,
      },
      opts,
    );
  const layoutMs = same ? 0 : performance.now() - t0;
  return {
    analysis,
    full,
    names: nodeNames(analysis.graph),
    keys: [],
    timeline: timeline(analysis.graph, analysis.steps),
    layout: EMPTY_LAYOUT,
    shape,
    layoutMs,
    drawable: true,
    tensor: {
      drawn,
      names: drawnNames(drawn),
      layout,
      length: replayLength(drawn),
      frameAt: (p) => tensorFrameAt(drawn, p),
    },
  };
}
