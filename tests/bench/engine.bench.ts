/**
 * `npm run bench`: parse + graph + forward + backward on generated programs of 100, 10,000 and 100,000
 * nodes, on one max gate of 10,000 and 100,000 arguments, and on the MLP 784-16-16-10 written with
 * matrices (issue 13: ≤ 50 ms), median of several runs, printed as a table. No assertions: the numbers are for people (the goal
 * is linear cost and under 50 ms at 100,000 nodes), and shared machines are noisy.
 */
import { performance } from 'node:perf_hooks';
import { analyze, backward, buildGraph, forward, parse } from '../../src/core/index';
import { tensorScene } from '../../src/store/tensorScene';
import { expression, mlp784, program, wideMax } from './generators';

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const rows: string[][] = [];
const cases = [
  ...[100, 10_000, 100_000].map((size) => ['expression', expression(size)] as const),
  ...[100, 10_000, 100_000].map((size) => ['program', program(size)] as const),
  ...[10_000, 100_000].map((args) => ['max(x0…xn)', wideMax(args)] as const),
  // Issue 13's goal: the MLP written with matrices analyses in ≤ 50 ms.
  ['MLP 784-16-16-10', mlp784()] as const,
];
for (const [kind, src] of cases) {
  const r = analyze(src);
  if (!r.ok) throw new Error(`${kind}: ${r.error.message}`);
  const runs = r.graph.size > 10_000 ? 15 : 25;
  const p = parse(src);
  if (!p.ok) throw new Error('parse');
  const g = buildGraph(p.program, src);
  if (!g.ok) throw new Error('graph');
  // The values written in the text (the MLP's weights), else 0.5.
  const inputs = g.graph.inputs.map((i) => i.declared ?? 0.5);
  const f = forward(g.graph, inputs);
  if (!f.ok) throw new Error('forward');
  // Each phase alone, then the whole (warm by then, like an app that has analyzed before).
  const phases = [
    time(() => parse(src), runs),
    time(() => buildGraph(p.program, src), runs),
    time(() => forward(g.graph, inputs), runs),
    time(() => backward(g.graph, f.values), runs),
  ];
  const whole = time(() => analyze(src), runs);
  rows.push([
    kind,
    r.graph.size.toLocaleString('en-US'),
    src.length.toLocaleString('en-US'),
    ...phases.map((ms) => ms.toFixed(2)),
    whole.toFixed(2),
    ((1000 * whole) / r.graph.size).toFixed(2), // flat across sizes = linear cost
  ]);
}

const head = [
  'program',
  'nodes',
  'chars',
  'parse ms',
  'graph ms',
  'forward ms',
  'backward ms',
  'analyze ms',
  'µs/node',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
console.log(`Gradflow engine benchmark (median; Node ${process.version})\n`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

// Issue 13: the MLP "draws at once at tensor level": analysis + the tensor level's scene (its nodes, steps
// and layout), against the scalar graph it would otherwise be (too big to draw: 3,000 nodes at most).
{
  const src = mlp784();
  const a = analyze(src);
  if (!a.ok) throw new Error('MLP');
  const none = new Set<string>();
  const sceneMs = time(() => {
    const s = tensorScene(a, a, none, null);
    if (s.tensor === undefined) throw new Error('no tensor scene');
  }, 15);
  const s = tensorScene(a, a, none, null);
  const analyzeMs = time(() => analyze(src), 15);
  console.log(
    `\nMLP 784-16-16-10 at tensor level: ${s.tensor?.drawn.nodes.length} nodes (of ${a.graph.size.toLocaleString('en-US')} scalar), ${s.tensor?.drawn.steps.length} backward steps; analyze ${analyzeMs.toFixed(1)} ms + tensor scene (level, steps, layout) ${sceneMs.toFixed(1)} ms = ${(analyzeMs + sceneMs).toFixed(1)} ms (goal: analyze ≤ 50 ms, drawn at once)`,
  );
}

// The layout benchmark (Gradflow vs ELK layered vs dagre) follows in the same run.
await import('./layout.bench');
