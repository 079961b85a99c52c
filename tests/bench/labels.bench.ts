/**
 * Label collisions: the numbers on the edges, drawn as before (value 9 above and gradient 20 below each
 * edge's middle) against Gradflow's label plan (src/view/labels), on the same layouts, in the same run.
 * Counts labels that overlap another label or a node, with the same boxes (text sized by `textWidth`) for
 * both. Run by `npm run bench`, or alone: `node --import tsx tests/bench/labels.bench.ts`. No assertions.
 */
import { performance } from 'node:perf_hooks';
import { analyze, nodeKeys, nodeNames, timeline } from '../../src/core';
import { PRESETS } from '../../src/examples/presets';
import type { Scene } from '../../src/store/derive';
import { edgeGeometry, outputStubs } from '../../src/view/edges';
import { edgeMid } from '../../src/view/geometry';
import { type Box, BoxGrid, textBox, textWidth } from '../../src/view/labels/boxes';
import { planInputs } from '../../src/view/labels/inputs';
import { KIND, kindOf, planLabels } from '../../src/view/labels/plan';
import { layoutGraph } from '../../src/view/layout';
import { bigProgram } from '../e2e/programs';
import { mlp } from './generators';
import { LAYER_GAP, ROW_GAP } from './spacing';

const SIZE = { value: 15, current: 16, sum: 14, name: 13 };

function sceneOf(source: string): Scene {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  const keys = nodeKeys(a.graph);
  const layout = layoutGraph(a.graph, { dx: LAYER_GAP, dy: ROW_GAP, keys });
  return {
    analysis: a,
    names: nodeNames(a.graph),
    timeline: timeline(a.graph, a.steps),
    layout,
    keys,
  } as Scene;
}

/** How many of the label boxes overlap another label box or an obstacle. */
function colliding(labels: Box[], obstacles: Box[]): number {
  const grid = new BoxGrid();
  for (const b of obstacles) grid.add(b, 0);
  labels.forEach((b, i) => {
    grid.add(b, i + 1);
  });
  return labels.filter((b, i) => grid.hits(b).some((h) => grid.tags[h] !== i + 1)).length;
}

const cases: [string, string][] = [
  ['relu-net preset', PRESETS.find((p) => p.id === 'relu-net')?.source ?? ''],
  ['MLP 4-8-8-1', mlp()],
  ['generated 500', bigProgram(500)],
  ['generated 2,000', bigProgram(2000)],
];

console.log('\nEdge labels: drawn at the middle (before) vs placed by the label plan (now)\n');
console.log('graph               nodes  labels  before: colliding   now: colliding  hidden  plan ms');
for (const [name, source] of cases) {
  const scene = sceneOf(source);
  const geo = edgeGeometry(scene);
  const { nodes, edges } = planInputs(
    scene,
    geo.map((g) => g.points),
    outputStubs(scene),
  );
  const obstacles: Box[] = [];
  for (const n of nodes) {
    obstacles.push({ x0: n.x - n.hw, x1: n.x + n.hw, y0: n.y - n.hh, y1: n.y + n.hh });
    if (n.name) obstacles.push(textBox(n.x, n.y - n.hh - 8, textWidth(n.name, SIZE.name), SIZE.name));
  }
  // Before: every number at its edge's middle.
  const before: Box[] = [];
  for (const e of edges) {
    const [mx, my] = edgeMid(e.points);
    if (e.value) before.push(textBox(mx, my - 9, textWidth(e.value, SIZE.value), SIZE.value));
    if (e.grad) before.push(textBox(mx, my + 20, textWidth(e.grad, SIZE.value), SIZE.value));
  }
  const total = before.length;
  // Now: the plan (timed: the median of 5 runs after a warm-up).
  const times: number[] = [];
  let plan = planLabels(nodes, edges, SIZE);
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    plan = planLabels(nodes, edges, SIZE);
    times.push(performance.now() - t0);
  }
  const placed = plan.grid.boxes.filter((_, i) => kindOf(plan.grid.tags[i] as number) >= KIND.value);
  const ms = [...times].sort((a, b) => a - b)[2] as number;
  const pct = (k: number) => `${k} (${((100 * k) / Math.max(1, total)).toFixed(0)}%)`;
  console.log(
    `${name.padEnd(18)} ${String(scene.analysis.graph.size).padStart(6)} ${String(total).padStart(7)}  ${pct(colliding(before, obstacles)).padStart(17)}  ${pct(colliding(placed, obstacles)).padStart(15)} ${pct(total - placed.length).padStart(7)}  ${ms.toFixed(1).padStart(7)}`,
  );
}
