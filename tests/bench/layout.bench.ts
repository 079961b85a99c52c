/**
 * Layout quality and speed: Gradflow's layered layout against ELK layered and dagre, same node sizes
 * (`nodeSize`) and spacing (LAYER_GAP between layer centres, ROW_GAP between neighbouring gates), all
 * measured by one method from what each draws (see quality.ts). Run by `npm run bench` (after the engine
 * table), or alone: `node --import tsx tests/bench/layout.bench.ts`. No assertions: shared machines are noisy.
 */
import { performance } from 'node:perf_hooks';
import dagre from '@dagrejs/dagre';
import ELK from 'elkjs/lib/elk.bundled.js';
import { analyze, type Graph, nodeNames } from '../../src/core/index';
import { PRESETS } from '../../src/examples/presets';
import { nodeSize } from '../../src/view/geometry';
import { type Layout, layoutGraph } from '../../src/view/layout';
import { bigProgram } from '../e2e/programs';
import { mlp } from './generators';
import { layoutGraph as layoutBefore } from './layout.before';
import { type Drawing, type Quality, quality } from './quality';
import { LAYER_GAP, ROW_GAP } from './spacing';

const GATE = 52; // a gate's diameter: ELK and dagre spacings are between borders, Gradflow's between centres
const NODE_GAP = ROW_GAP - GATE;
const RANK_GAP = LAYER_GAP - GATE;
const EDGE_GAP = Math.round(ROW_GAP / 2.5); // Gradflow keeps long edges' virtual nodes this far apart

interface Sized {
  graph: Graph;
  hw: number[];
  hh: number[];
}

function sized(source: string): Sized {
  const r = analyze(source);
  if (!r.ok) throw new Error(r.error.message);
  const names = nodeNames(r.graph);
  const s = r.graph.nodes.map((n) => nodeSize(n, names[n.id] as string));
  return { graph: r.graph, hw: s.map((z) => z.hw), hh: s.map((z) => z.hh) };
}

function gradflow(g: Sized, lay: typeof layoutGraph = layoutGraph): Drawing {
  const l: Layout = lay(g.graph, { dx: LAYER_GAP, dy: ROW_GAP });
  return {
    cx: l.x,
    cy: l.y,
    hw: g.hw,
    hh: g.hh,
    edges: g.graph.edges.map((e) => ({
      source: e.source,
      target: e.target,
      route: [
        [l.x[e.source] as number, l.y[e.source] as number],
        ...(l.bends[e.id] ?? []),
        [l.x[e.target] as number, l.y[e.target] as number],
      ],
    })),
  };
}

interface ElkPoint {
  x: number;
  y: number;
}
interface ElkOut {
  children: { id: string; x: number; y: number; width: number; height: number }[];
  edges: { id: string; sections?: { startPoint: ElkPoint; endPoint: ElkPoint; bendPoints?: ElkPoint[] }[] }[];
}
const elk = new ELK();
async function elkLayered(g: Sized): Promise<Drawing> {
  const out = (await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(RANK_GAP),
      'elk.spacing.edgeEdge': String(EDGE_GAP),
      'elk.spacing.edgeNode': String(EDGE_GAP),
    },
    children: g.graph.nodes.map((n) => ({
      id: `n${n.id}`,
      width: 2 * (g.hw[n.id] as number),
      height: 2 * (g.hh[n.id] as number),
    })),
    edges: g.graph.edges.map((e) => ({
      id: `e${e.id}`,
      sources: [`n${e.source}`],
      targets: [`n${e.target}`],
    })),
  })) as unknown as ElkOut;
  const n = g.graph.size;
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  for (const c of out.children) {
    const id = Number(c.id.slice(1));
    cx[id] = c.x + c.width / 2;
    cy[id] = c.y + c.height / 2;
  }
  const routes = new Map<string, [number, number][]>();
  for (const e of out.edges) {
    const pts: [number, number][] = [];
    for (const s of e.sections ?? []) {
      pts.push([s.startPoint.x, s.startPoint.y]);
      for (const b of s.bendPoints ?? []) pts.push([b.x, b.y]);
      pts.push([s.endPoint.x, s.endPoint.y]);
    }
    routes.set(e.id, pts);
  }
  return {
    cx,
    cy,
    hw: g.hw,
    hh: g.hh,
    edges: g.graph.edges.map((e) => ({
      source: e.source,
      target: e.target,
      route: routes.get(`e${e.id}`) ?? [],
    })),
  };
}

function dagreLayout(g: Sized): Drawing {
  const d = new dagre.graphlib.Graph({ multigraph: true });
  d.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, edgesep: EDGE_GAP });
  d.setDefaultEdgeLabel(() => ({}));
  for (const n of g.graph.nodes)
    d.setNode(`n${n.id}`, { width: 2 * (g.hw[n.id] as number), height: 2 * (g.hh[n.id] as number) });
  for (const e of g.graph.edges) d.setEdge(`n${e.source}`, `n${e.target}`, {}, `e${e.id}`);
  dagre.layout(d);
  const n = g.graph.size;
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  for (const v of d.nodes()) {
    const p = d.node(v);
    const id = Number(v.slice(1));
    cx[id] = p.x;
    cy[id] = p.y;
  }
  return {
    cx,
    cy,
    hw: g.hw,
    hh: g.hh,
    edges: g.graph.edges.map((e) => ({
      source: e.source,
      target: e.target,
      route: (d.edge(`n${e.source}`, `n${e.target}`, `e${e.id}`).points ?? []).map(
        (p: { x: number; y: number }): [number, number] => [p.x, p.y],
      ),
    })),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timed<T>(
  fn: () => T | Promise<T>,
  runs: number,
): Promise<{ value: T; ms: number; runs: number }> {
  const ts: number[] = [];
  const t0 = performance.now();
  let value = await fn(); // warm-up (and the drawing that is measured)
  if (runs === 0) return { value, ms: performance.now() - t0, runs };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    ts.push(performance.now() - t0);
  }
  return { value, ms: median(ts), runs };
}

const relu = PRESETS.find((p) => p.id === 'relu-net');
if (!relu) throw new Error('relu-net preset missing');
const cases: [string, string][] = [
  ['relu-net preset', relu.source],
  ['MLP 4-8-8-1, squared loss', mlp([4, 8, 8, 1])],
  ['bigProgram(500)', bigProgram(500)],
  ['bigProgram(2000)', bigProgram(2000)],
];

const head = [
  'graph',
  'nodes',
  'engine',
  'crossings',
  'width',
  'height',
  'area vs ELK',
  'aspect w/h',
  'ms',
  'runs',
  '× faster than ELK',
];
const widths = [26, 5, 16, 9, 6, 6, 11, 10, 8, 4, 17];
const line = (cells: string[]) =>
  cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
// ELK and dagre take tens of seconds at 2,000 nodes: LAYOUT_BENCH_MAX=1000 skips them there (quick runs).
const maxOthers = Number(process.env.LAYOUT_BENCH_MAX ?? Number.POSITIVE_INFINITY);
console.log(
  `\nLayout quality and speed (Node ${process.version}; median ms of the timed runs after a warm-up run)\n`,
);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const [name, source] of cases) {
  const g = sized(source);
  const big = g.graph.size > 1000;
  const others = g.graph.size <= maxOthers;
  const results: [string, { value: Drawing; ms: number; runs: number }][] = [
    ['Gradflow', await timed(() => gradflow(g), big ? 9 : 25)],
    ['Gradflow before', await timed(() => gradflow(g, layoutBefore), big ? 3 : 9)],
  ];
  // At 2,000 nodes ELK runs once (the warm-up run is the timing) and dagre twice.
  const progress = (what: string) => process.stderr.write(`  … ${name}: ${what}\n`);
  if (others) {
    progress('ELK layered');
    results.push(['ELK layered', await timed(() => elkLayered(g), big ? 0 : 3)]);
    progress('dagre');
    results.push(['dagre', await timed(() => dagreLayout(g), big ? 1 : 3)]);
  }
  const q: Quality[] = results.map(([, r]) => quality(r.value));
  const elk = results.findIndex(([e]) => e === 'ELK layered');
  const elkArea = elk >= 0 ? (q[elk] as Quality).area : Number.NaN;
  const elkMs = elk >= 0 ? (results[elk] as [string, { ms: number }])[1].ms : Number.NaN;
  results.forEach(([engine, r], i) => {
    const qi = q[i] as Quality;
    const ms = r.ms;
    console.log(
      line([
        i === 0 ? name : '',
        i === 0 ? String(g.graph.size) : '',
        engine,
        qi.crossings.toLocaleString('en-US'),
        qi.width.toFixed(0),
        qi.height.toFixed(0),
        `${(qi.area / elkArea).toFixed(2)}×`,
        qi.aspect.toFixed(2),
        ms.toFixed(ms < 10 ? 2 : 0),
        String(Math.max(1, r.runs)),
        engine.startsWith('Gradflow') ? `${(elkMs / ms).toFixed(0)}×` : '',
      ]),
    );
  });
  console.log('');
}
console.log(
  [
    `Same node sizes (nodeSize) for all; spacing: ${LAYER_GAP} between layer centres (ELK/dagre: ${RANK_GAP} between`,
    `borders of gates), ${ROW_GAP} between neighbouring gates' centres (ELK/dagre: ${NODE_GAP} between borders), ${EDGE_GAP} between edges.`,
    'Crossings: layers recovered from each drawing (nodes with overlapping x-extents), every edge sampled where',
    "its route (Gradflow's bends, ELK's orthogonal sections, dagre's points) passes each layer's centre line,",
    'bilayer crossings counted by inversion counting (accumulator tree). Area: bounding box of nodes and routes.',
    'Gradflow before: the layout of commit a993bfa. At 2,000 nodes ELK runs once (its only run is its time), dagre twice.',
  ].join('\n'),
);
