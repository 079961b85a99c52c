import { describe, expect, it } from 'vitest';
import { analyze, buildGraph, type Graph, nodeKeys, parse } from '../../src/core';

function graph(source: string): Graph {
  const p = parse(source);
  if (!p.ok) throw new Error(p.error.message);
  const g = buildGraph(p.program, source);
  if (!g.ok) throw new Error(g.error.message);
  return g.graph;
}

describe('graph builder', () => {
  it('makes one node per variable, with one out-edge per use', () => {
    const g = graph('x*x*x');
    const xs = g.nodes.filter((n) => n.op === 'input');
    expect(xs).toHaveLength(1);
    expect(g.outEdges[(xs[0] as { id: number }).id]).toHaveLength(3);
    expect(g.nodes.filter((n) => n.op === 'mul')).toHaveLength(2);
  });

  it('ids are a topological order and edges are grouped by consumer', () => {
    const g = graph('c = x + y; d = c**2; f = x*d');
    for (const n of g.nodes) for (const i of n.inputs) expect(i).toBeLessThan(n.id);
    for (const e of g.edges) {
      expect(g.edges[(g.firstEdge[e.target] as number) + e.slot]).toBe(e);
      expect(g.nodes[e.target]?.inputs[e.slot]).toBe(e.source);
    }
    expect(g.output).toBe(g.nodes.length - 1);
  });

  it('labels named intermediates and declares inputs with their values', () => {
    const g = graph('x = -2; y = 5; z = -4; q = x + y; f = q * z');
    expect(g.inputs.map((i) => [i.name, i.declared])).toEqual([
      ['x', -2],
      ['y', 5],
      ['z', -4],
    ]);
    expect(g.nodes.filter((n) => n.label).map((n) => [n.label, n.op])).toEqual([
      ['x', 'input'],
      ['y', 'input'],
      ['z', 'input'],
      ['q', 'add'],
      ['f', 'mul'],
    ]);
  });

  it('keeps keys stable for parts of the text that did not change', () => {
    const before = graph('2*log(x1+sin(x1))*max(x2,x3)');
    const after = graph('2*log(x1+sin(x1))*min(x2,x3)');
    const keys = (g: Graph) => new Set(nodeKeys(g));
    const kept = [...keys(before)].filter((k) => keys(after).has(k));
    // x1, x2, x3, 2, sin, +, log, the first × survive; max, the last × do not.
    expect(kept.length).toBe(8);
    expect(new Set(nodeKeys(before)).size).toBe(before.nodes.length);
  });

  it('gives repeated sub-expressions distinct keys', () => {
    const g = graph('sin(x) + sin(x)');
    const sins = g.nodes.filter((n) => n.op === 'sin');
    expect(sins).toHaveLength(2);
    const k = nodeKeys(g);
    expect(k[sins[0]?.id as number]).not.toBe(k[sins[1]?.id as number]);
  });

  it.each([
    ['f = q * 2; q = x', '"q" is used before it is defined', 4, 5],
    ['q = q + 1', '"q" is used in its own definition', 4, 5],
    ['q = x; q = y', '"q" is already defined (at column 1)', 7, 8],
    ['x = 3', 'The last line is the output, but it only sets x = 3', 0, 5],
  ])('%s → %s', (source, message, start, end) => {
    const r = analyze(source);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ message, start, end });
  });

  it('warns about a statement the output does not use', () => {
    const r = analyze('q = x + y\nf = x * 2');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.warnings).toEqual([
      expect.objectContaining({ message: '"q" is not used by the output', start: 0, end: 9 }),
    ]);
  });
});
