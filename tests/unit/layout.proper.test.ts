import { describe, expect, it } from 'vitest';
import { analyze, type Graph } from '../../src/core';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { PRESETS } from '../../src/examples/presets';
import type { Csr } from '../../src/view/layout/csr';
import { properGraph } from '../../src/view/layout/proper';
import { rankNodes } from '../../src/view/layout/rank';
import { mlp } from '../bench/generators';

function graphOf(source: string): Graph | null {
  const r = analyze(source);
  return r.ok ? r.graph : null;
}

const lists = (c: Csr, v: number) => {
  const out: [number, number][] = [];
  for (let j = c.start[v] as number; j < (c.start[v + 1] as number); j++)
    out.push([c.list[j] as number, c.weight[j] as number]);
  return out;
};

const sources: [string, string][] = [
  ...LECTURE_EXAMPLES.map((e) => [e.title, e.source] as [string, string]),
  ...PRESETS.map((e) => [e.id, e.source] as [string, string]),
  ['MLP 2-3-1', mlp([2, 3, 1])],
];

describe('packed layered graph (CSR) against a straightforward reading', () => {
  it.each(sources)('%s', (_name, source) => {
    const g = graphOf(source);
    if (!g) return;
    const layer = rankNodes(g);
    const p = properGraph(g, layer);
    // Predecessor and successor lists are mirror images, weights included, in arc order.
    const fromPreds: string[] = [];
    const fromSuccs: string[] = [];
    for (let v = 0; v < p.total; v++) {
      for (const [u, w] of lists(p.preds, v)) fromPreds.push(`${u}>${v}:${w}`);
      for (const [t, w] of lists(p.succs, v)) fromSuccs.push(`${v}>${t}:${w}`);
    }
    expect(fromPreds.sort()).toEqual(fromSuccs.sort());
    // `up`/`down` are the same lists with only arcs between neighbouring layers, order kept.
    for (let v = 0; v < p.total; v++) {
      const l = p.layerOf[v] as number;
      expect(lists(p.up, v)).toEqual(lists(p.preds, v).filter(([u]) => p.layerOf[u] === l - 1));
      expect(lists(p.down, v)).toEqual(lists(p.succs, v).filter(([t]) => p.layerOf[t] === l + 1));
    }
    // Every graph edge arrives once: a real node's incoming weight is its number of arguments.
    for (const node of g.nodes) {
      const w = lists(p.preds, node.id).reduce((a, [, x]) => a + x, 0);
      expect(w).toBe(g.edges.filter((e) => e.target === node.id).length);
      // Arguments in slot order: each predecessor's real node is the argument at that slot.
      const a = p.preds.start[node.id] as number;
      const args = Array.from(p.args.subarray(a, p.preds.start[node.id + 1] as number));
      expect([...args].sort((x, y) => x - y)).toEqual(
        lists(p.preds, node.id)
          .map(([u]) => u)
          .sort((x, y) => x - y),
      );
      const firstSlot = (u: number) =>
        Math.min(
          ...g.edges.filter((e) => e.target === node.id && e.source === p.origin[u]).map((e) => e.slot ?? 0),
        );
      for (let k = 1; k < args.length; k++)
        expect(firstSlot(args[k] as number)).toBeGreaterThanOrEqual(firstSlot(args[k - 1] as number));
    }
    // Layers: every node once, by layer; a node's layer is its rank (real) or its bus position (virtual).
    expect(new Set(p.order).size).toBe(p.total);
    for (let l = 0; l + 1 < p.layerStart.length; l++)
      for (let i = p.layerStart[l] as number; i < (p.layerStart[l + 1] as number); i++)
        expect(p.layerOf[p.order[i] as number]).toBe(l);
    for (let id = 0; id < p.n; id++) expect(p.layerOf[id]).toBe(layer[id]);
  });
});
