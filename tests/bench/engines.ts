/**
 * The three layouts the bench compares, each returning what it draws (quality.ts measures it): Gradflow's,
 * ELK layered and dagre, with the same node sizes and spacing.
 */
import dagre from '@dagrejs/dagre';
import ELK from 'elkjs/lib/elk.bundled.js';
import { analyze, type Graph, nodeNames } from '../../src/core/index';
import { SCREEN_ASPECT } from '../../src/store/derive';
import { nodeSize } from '../../src/view/geometry';
import { layoutGraph } from '../../src/view/layout';
import { layoutFor } from '../../src/view/layout/wrap';
import { type Drawing, layoutDrawing } from './quality';
import { LAYER_GAP, ROW_GAP } from './spacing';

const GATE = 52; // a gate's diameter: ELK and dagre spacings are between borders, Gradflow's between centres
export const NODE_GAP = ROW_GAP - GATE;
export const RANK_GAP = LAYER_GAP - GATE;
export const EDGE_GAP = Math.round(ROW_GAP / 2.5); // Gradflow keeps long edges' virtual nodes this far apart

export interface Sized {
  graph: Graph;
  hw: number[];
  hh: number[];
}

export function sized(source: string): Sized {
  const r = analyze(source);
  if (!r.ok) throw new Error(r.error.message);
  const names = nodeNames(r.graph);
  const s = r.graph.nodes.map((n) => nodeSize(n, names[n.id] as string));
  return { graph: r.graph, hw: s.map((z) => z.hw), hh: s.map((z) => z.hh) };
}

export function gradflow(g: Sized): Drawing {
  return layoutDrawing(g.graph, layoutGraph(g.graph, { dx: LAYER_GAP, dy: ROW_GAP }), g.hw, g.hh);
}

/**
 * Gradflow's ordering and placement on another engine's layers (`layersOf` its drawing): crossings
 * compared with that engine on the same layering, so that ordering is measured apart from layering.
 */
export function gradflowOn(g: Sized, layers: Int32Array): Drawing {
  const l = layoutGraph(g.graph, { dx: LAYER_GAP, dy: ROW_GAP, layers });
  return layoutDrawing(g.graph, l, g.hw, g.hh);
}

/** As the app draws a big graph: wrapped into bands near the screen's aspect ratio (view/layout/wrap.ts). */
export function gradflowWrapped(g: Sized): Drawing {
  const l = layoutFor(g.graph, { dx: LAYER_GAP, dy: ROW_GAP, wrap: SCREEN_ASPECT });
  return layoutDrawing(g.graph, l, g.hw, g.hh);
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
export async function elkLayered(g: Sized): Promise<Drawing> {
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

export function dagreLayout(g: Sized): Drawing {
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
