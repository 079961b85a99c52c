import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, formatNumber as f, frameAt, stepEdge } from '../../src/core';
import { makeScene, SCALARS, type Scene } from '../../src/store/derive';
import { type Palette, paint, type View } from '../../src/view/canvas/paint';
import { curveOf, pictureOf } from '../../src/view/canvas/picture';
import { nodeAt } from '../../src/view/canvas/pointer';
import { drawProps } from '../../src/view/drawProps';
import { edgeGeometry, outputStubs } from '../../src/view/edges';
import { planInputs } from '../../src/view/labels/inputs';
import { planLabels, spotlight } from '../../src/view/labels/plan';
import { program } from '../bench/generators';

const SIZES = { value: 15, current: 16, sum: 14, name: 13 };
const COLORS = new Proxy({} as Palette, { get: (_, k) => `color:${String(k)}` });

beforeAll(() => {
  // Node has no Path2D: the painter only hands paths to the context, which records them.
  (globalThis as { Path2D?: unknown }).Path2D ??= class {
    constructor(readonly d: string) {}
  };
});

/** A 2D context that records what is drawn: shapes, strokes and texts (with their fill colour). */
function recorder() {
  const calls = { shapes: 0, strokes: [] as unknown[], texts: [] as { text: string; fill: string }[] };
  const ctx: Record<string, unknown> = {
    arc: () => calls.shapes++,
    roundRect: () => calls.shapes++,
    stroke: (p?: unknown) => p && calls.strokes.push(p),
    fillText(text: string) {
      calls.texts.push({ text, fill: ctx.fillStyle as string });
    },
  };
  const noop = () => {};
  for (const m of ['setTransform', 'clearRect', 'setLineDash', 'beginPath', 'moveTo', 'lineTo', 'closePath'])
    ctx[m] = noop;
  for (const m of ['fill', 'strokeText']) ctx[m] = noop;
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

function sceneOf(source: string): Scene {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  return makeScene(a, null, undefined, new Set([SCALARS])) as Scene;
}

/** The canvas's picture of a frame, built as ScalarGraphView builds it. */
function pictureAt(scene: Scene, position: number, legible: boolean) {
  const frame = frameAt(scene.analysis.graph, scene.timeline, position);
  const geometry = edgeGeometry(scene);
  const inputs = planInputs(
    scene,
    geometry.map((g) => g.points),
    outputStubs(scene),
  );
  const plan = legible ? planLabels(inputs.nodes, inputs.edges, SIZES) : null;
  const step = frame.step && {
    factors: [frame.step.upstream, frame.step.local] as const,
    contribution: frame.step.contribution,
  };
  const lines = step
    ? ([`${f(step.factors[0])} × ${f(step.factors[1])}`, `= ${f(step.contribution)}`] as const)
    : undefined;
  const spot =
    plan && frame.step && lines
      ? spotlight(plan, { edge: { id: frame.step.edge, lines: [lines[0], lines[1]] } })
      : null;
  const { edges, nodes } = drawProps({
    scene,
    frame,
    geometry,
    plan,
    spot,
    step,
    quizHidden: false,
    selected: null,
    highlighted: new Set(),
    labelSize: SIZES.value,
  });
  const picture = pictureOf(
    edges.map((e) => ({ props: e.props, curve: curveOf(e.props.d, e.points) })),
    nodes,
    {
      current: spot?.current && lines ? { at: spot.current, lines } : undefined,
      sizes: SIZES,
      numbers: legible,
      names: legible,
    },
  );
  return { picture, frame, nodes };
}

describe('the canvas painter (big graphs)', () => {
  const scene = sceneOf(program(1000));
  const { graph } = scene.analysis;
  const firstBackward = scene.timeline.forward.length + 3;

  it('paints every node in the overview, and no number too small to read', () => {
    const { picture } = pictureAt(scene, firstBackward, false);
    const { ctx, calls } = recorder();
    // The whole drawing fits the canvas with 50 px to spare at each end.
    const k = 1100 / scene.layout.width;
    const drawn = paint(
      ctx,
      picture,
      COLORS,
      { k, x: 50, y: 300 - (k * scene.layout.height) / 2 },
      1200,
      600,
      1,
    );
    expect(drawn.nodes).toBe(graph.nodes.length);
    expect(calls.shapes).toBe(graph.nodes.length);
    expect(calls.texts).toEqual([]);
  });

  it('zoomed in on the step, paints only what is on screen, with the step and its numbers', () => {
    const { picture, frame } = pictureAt(scene, firstBackward, true);
    const step = frame.step;
    if (!step) throw new Error('expected a backward step');
    // The view centred on the step's gate at scale 1, in a 1200 × 600 canvas.
    const gx = scene.layout.x[step.target] as number;
    const gy = scene.layout.y[step.target] as number;
    const view: View = { k: 1, x: 600 - gx, y: 300 - gy };
    const { ctx, calls } = recorder();
    const drawn = paint(ctx, picture, COLORS, view, 1200, 600, 1);
    expect(drawn.nodes).toBeGreaterThan(3);
    expect(drawn.nodes).toBeLessThan(40);
    const texts = calls.texts.map((t) => t.text);
    // The current step: upstream × local = contribution, in the gradient's colour.
    const product = `${f(step.upstream)} × ${f(step.local)}`;
    expect(calls.texts).toContainEqual({ text: product, fill: 'color:grad' });
    expect(texts).toContain(`= ${f(step.contribution)}`);
    // The edge values near the step, in the value's colour (the value flowing out of the gate's input).
    expect(calls.texts).toContainEqual({
      text: f(scene.analysis.values[step.source] as number),
      fill: 'color:value',
    });
    // The gate's name above it.
    expect(texts).toContain(scene.names[step.target]);
    // The current edge is stroked last, over the others.
    const focus = stepEdge(frame)?.edge;
    const last = picture.edges.find((e) => e.id === focus)?.path;
    expect(calls.strokes[calls.strokes.length - 1]).toBe(last);
  });

  it('finds the node under the pointer, and none between nodes', () => {
    const { nodes } = pictureAt(scene, 0, false);
    const out = graph.output;
    const x = scene.layout.x[out] as number;
    const y = scene.layout.y[out] as number;
    expect(nodeAt(nodes, x + 5, y - 5)?.node.id).toBe(out);
    expect(nodeAt(nodes, x, y - 200)?.node.id).not.toBe(out);
    expect(nodeAt(nodes, -500, -500)).toBeUndefined();
  });
});
