import { describe, expect, it } from 'vitest';
import { analyze, formatNumber as f } from '../../src/core';
import { PRESETS } from '../../src/examples/presets';
import { makeScene, SCALARS, type Scene } from '../../src/store/derive';
import { edgeGeometry, outputStubs } from '../../src/view/edges';
import { type Box, overlaps, textBox, textWidth } from '../../src/view/labels/boxes';
import { planInputs } from '../../src/view/labels/inputs';
import {
  belowInput,
  edgeOf,
  KIND,
  kindOf,
  type LabelPlan,
  planLabels,
  spotlight,
} from '../../src/view/labels/plan';
import { expression, mlp, program } from '../bench/generators';

const SIZES = { value: 15, current: 16, sum: 14, name: 13 };

function sceneOf(source: string): Scene {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  // A program with vectors and matrices is planned at scalar level, the view whose labels are planned.
  return makeScene(a, null, undefined, new Set([SCALARS])) as Scene;
}

/** The plan of a scene, built exactly as the view builds it (src/view/useLabels.ts). */
function plan(scene: Scene, sizes = SIZES): { plan: LabelPlan; edges: number } {
  const { nodes, edges } = planInputs(
    scene,
    edgeGeometry(scene).map((g) => g.points),
    outputStubs(scene),
  );
  return { plan: planLabels(nodes, edges, sizes), edges: edges.length };
}

/** Pairs of placed edge labels that overlap each other or any node or node label. */
function collisions(p: LabelPlan): number {
  const { boxes, tags } = p.grid;
  let bad = 0;
  for (let i = 0; i < boxes.length; i++) {
    if (kindOf(tags[i] as number) < KIND.value) continue; // nodes and their own labels are fixed obstacles
    for (let j = 0; j < boxes.length; j++) if (j !== i && overlaps(boxes[i] as Box, boxes[j] as Box)) bad++;
  }
  return bad;
}

const cases: [string, string][] = [
  ['README', '2*log(x1+sin(x1))*max(x2,x3)'],
  ['colah', '(a+b)(b+1)'],
  ['expression 150', expression(150)],
  ['program 300', program(300)],
  ['MLP 4-8-8-1', mlp()],
  // Vector outputs: every element has its own edge, and its labels.
  ['vector output', 'x1 = 3; x2 = 1\ny = [-5*x1 + x2, x1^2]'],
  ['softmax output', 'z = [1, 2, 3]\np = softmax(z)'],
  ...PRESETS.map((p) => [p.id, p.source] as [string, string]),
];

describe('label plan', () => {
  it.each(cases)('no placed label overlaps another label or a node: %s', (_, source) => {
    const { plan: p } = plan(sceneOf(source));
    expect(collisions(p)).toBe(0);
  });

  it('keeps the names of gates where nothing crowds them (q and f of the lecture circuit)', () => {
    // The names are what the captions speak of ("Edge q → f"): a gate with room above it shows its name.
    // (A name's box once overlapped its own gate's by half a pixel, and every name was hidden.)
    const { plan: p } = plan(sceneOf('x = -2; y = 5; z = -4\nq = x + y\nf = q * z'));
    expect([...p.hiddenNames]).toEqual([]);
    const relu = plan(sceneOf(PRESETS.find((x) => x.id === 'relu-net')?.source as string)).plan;
    const gates = sceneOf(
      PRESETS.find((x) => x.id === 'relu-net')?.source as string,
    ).analysis.graph.nodes.filter((n) => n.inputs.length > 0).length;
    expect(relu.hiddenNames.size).toBeLessThan(gates / 2);
  });

  it('places every number of a small lecture circuit', () => {
    const { plan: p, edges } = plan(sceneOf('x = -2; y = 5; z = -4\nq = x + y\nf = q * z'));
    expect(p.value.size).toBe(edges);
    expect(p.grad.size).toBe(edges);
  });

  it('places most numbers of the MLP (the rest are hidden, not overlapped)', () => {
    const { plan: p, edges } = plan(sceneOf(mlp()));
    expect(p.value.size / edges).toBeGreaterThan(0.6);
    expect(p.grad.size / edges).toBeGreaterThan(0.6);
  });

  it('is deterministic', () => {
    const s = sceneOf(program(200));
    const a = plan(s).plan;
    const b = plan(s).plan;
    expect([...a.value]).toEqual([...b.value]);
    expect([...a.grad]).toEqual([...b.grad]);
  });

  it('spotlight: the step label covers no node shape and no kept label, and hides only what it covers', () => {
    const s = sceneOf(mlp([2, 3, 1]));
    const { plan: p } = plan(s);
    for (const step of s.timeline.steps) {
      const lines: [string, string] = [`${f(step.upstream)} × ${f(step.local)}`, `= ${f(step.contribution)}`];
      const spot = spotlight(p, { edge: { id: step.edge, lines } });
      if (!spot.current) continue;
      const w = Math.max(textWidth(lines[0], SIZES.current), textWidth(lines[1], SIZES.current));
      const box = textBox(spot.current[0], spot.current[1], w, SIZES.current, 2);
      p.grid.boxes.forEach((b, i) => {
        if (!overlaps(b, box)) return;
        const t = p.grid.tags[i] as number;
        const k = kindOf(t);
        expect(k === KIND.node).toBe(false);
        const edge = edgeOf(t);
        if (k === KIND.nodeLabel) expect(spot.hiddenNode.has(edge)).toBe(true);
        if (k === KIND.value) expect(spot.hiddenValue.has(edge)).toBe(true);
        if (k === KIND.grad && edge !== step.edge) expect(spot.hiddenGrad.has(edge)).toBe(true);
      });
    }
  });

  it('spotlight: the step label sits by its own edge, not by another one (the lecture circuit, colah)', () => {
    // At x → q the middle of the edge is crowded: the label once went 90 units below it, beside z → f.
    for (const source of ['x = -2; y = 5; z = -4\nq = x + y\nf = q * z', '(a+b)*(b+1)']) {
      const s = sceneOf(source);
      const { plan: p } = plan(s);
      const geometry = edgeGeometry(s);
      for (const step of s.timeline.steps) {
        const lines: [string, string] = [
          `${f(step.upstream)} × ${f(step.local)}`,
          `= ${f(step.contribution)}`,
        ];
        const at = spotlight(p, { edge: { id: step.edge, lines } }).current;
        if (!at) continue;
        const pts = (geometry[step.edge] as { points: [number, number][] }).points;
        // The nearest point of the edge's polyline (its ends and bends) to the label's centre.
        const d = Math.min(...pts.map(([x, y]) => Math.hypot(x - at[0], y - at[1] + 10)));
        const own = Math.hypot(
          (pts[0] as [number, number])[0] - (pts[pts.length - 1] as [number, number])[0],
          (pts[0] as [number, number])[1] - (pts[pts.length - 1] as [number, number])[1],
        );
        expect(d, `${source}: edge ${step.edge}`).toBeLessThan(own / 2 + 40);
      }
    }
  });

  it('spotlight: with projector type every step of the ReLU net gets its label (crowded edges hide a name instead)', () => {
    // At w21 → u5 the gap between the rows is narrower than the two-line label: before, it went undrawn.
    const s = sceneOf(PRESETS.find((p) => p.id === 'relu-net')?.source as string);
    const { plan: p } = plan(s, { value: 19, current: 20, sum: 18, name: 16 });
    const missing: number[] = [];
    for (const step of s.timeline.steps) {
      const lines: [string, string] = [`${f(step.upstream)} × ${f(step.local)}`, `= ${f(step.contribution)}`];
      if (!spotlight(p, { edge: { id: step.edge, lines } }).current) missing.push(step.edge);
    }
    expect(missing).toEqual([]);
  });

  it('a gate name that would meet an input ∂ or a node is left out, and only then', () => {
    // In the ReLU net with projector type, y's "∂ −1.58" sits where yhat's name would be.
    const s = sceneOf(PRESETS.find((p) => p.id === 'relu-net')?.source as string);
    const sizes = { value: 19, current: 20, sum: 18, name: 16 };
    const { nodes } = planInputs(
      s,
      edgeGeometry(s).map((g) => g.points),
      outputStubs(s),
    );
    const p = planLabels(nodes, [], sizes);
    const shapes = nodes.map((n) => ({ x0: n.x - n.hw, x1: n.x + n.hw, y0: n.y - n.hh, y1: n.y + n.hh }));
    const below = nodes.flatMap((n) =>
      n.below
        ? [textBox(n.x, n.y + belowInput(n.hh, sizes.value), textWidth(n.below, sizes.value), sizes.value)]
        : [],
    );
    const names = nodes.map((n) =>
      n.name ? textBox(n.x, n.y - n.hh - 8, textWidth(n.name, sizes.name), sizes.name) : null,
    );
    expect(p.hiddenNames.size).toBeGreaterThan(0);
    names.forEach((box, id) => {
      if (!box) return;
      const meets = [...shapes, ...below].some((b) => overlaps(b, box));
      if (meets) expect(p.hiddenNames.has(id), s.names[id]).toBe(true);
      if (!p.hiddenNames.has(id))
        names.forEach((other, j) => {
          if (other && j !== id && !p.hiddenNames.has(j)) expect(overlaps(other, box)).toBe(false);
        });
    });
  });
});
