import { describe, expect, it } from 'vitest';
import { analyze, type Graph, nodeKeys } from '../../src/core';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { type Layout, layoutGraph } from '../../src/view/layout';

const DX = 190;
const DY = 96;

function graphOf(source: string): Graph {
  const r = analyze(source);
  if (!r.ok && !r.graph) throw new Error(r.error.message);
  return (r.ok ? r.graph : r.graph) as Graph;
}

/** Pairs of edges between the same two layers whose ends are in opposite orders. */
function crossings(g: Graph, l: Layout): number {
  let n = 0;
  const edges = g.edges.filter((e) => (l.layer[e.target] as number) - (l.layer[e.source] as number) === 1);
  for (const a of edges)
    for (const b of edges) {
      if (a.id >= b.id || l.layer[a.source] !== l.layer[b.source]) continue;
      const s = (l.y[a.source] as number) - (l.y[b.source] as number);
      const t = (l.y[a.target] as number) - (l.y[b.target] as number);
      if (s * t < 0) n++;
    }
  return n;
}

describe('layered layout', () => {
  it.each(LECTURE_EXAMPLES.map((e) => [e.title, e.source] as const))(
    '%s: left to right, no overlaps, no crossings',
    (_t, source) => {
      const g = graphOf(source);
      const l = layoutGraph(g, { dx: DX, dy: DY });
      for (const n of g.nodes) if (n.op === 'input') expect(l.layer[n.id]).toBe(0);
      for (const e of g.edges) expect(l.x[e.target] as number).toBeGreaterThan(l.x[e.source] as number);
      expect(l.x[g.output]).toBe(Math.max(...l.x));
      // Nodes sharing a layer keep at least a row apart.
      for (const a of g.nodes)
        for (const b of g.nodes)
          if (a.id < b.id && l.layer[a.id] === l.layer[b.id])
            expect(Math.abs((l.y[a.id] as number) - (l.y[b.id] as number))).toBeGreaterThanOrEqual(DY - 1e-9);
      expect(crossings(g, l)).toBe(0);
    },
  );

  it('routes long edges through one bend per crossed layer', () => {
    const g = graphOf('2*log(x1+sin(x1))*max(x2,x3)');
    const l = layoutGraph(g, { dx: DX, dy: DY });
    for (const e of g.edges) {
      const span = (l.layer[e.target] as number) - (l.layer[e.source] as number);
      expect(l.bends[e.id]).toHaveLength(span - 1);
    }
  });

  it('keeps the order of unchanged nodes when given the previous layout', () => {
    const before = graphOf('a*b + c*d');
    const lb = layoutGraph(before, { dx: DX, dy: DY });
    const hint = new Map(nodeKeys(before).map((k, id) => [k, lb.y[id] as number]));
    const after = graphOf('a*b + c*d*2');
    const la = layoutGraph(after, { dx: DX, dy: DY, previous: hint, keys: nodeKeys(after) });
    const order = (g: Graph, l: Layout) =>
      ['a', 'b', 'c', 'd'].map((v) => l.y[g.nodes.find((n) => n.label === v)?.id as number] as number);
    const rank = (ys: number[]) => ys.map((y) => ys.filter((o) => o < y).length);
    expect(rank(order(after, la))).toEqual(rank(order(before, lb)));
  });

  it('lays out 2,000 nodes without trouble', () => {
    const src = Array.from({ length: 400 }, (_, i) => `sin(x${i % 37}*w${i % 11}) * x${(i * 7) % 37}`).join(
      ' + ',
    );
    const g = graphOf(src);
    expect(g.nodes.length).toBeGreaterThan(1500);
    const l = layoutGraph(g, { dx: DX, dy: DY });
    expect(Number.isFinite(l.height)).toBe(true);
    for (const e of g.edges) expect(l.x[e.target] as number).toBeGreaterThan(l.x[e.source] as number);
  });
});
