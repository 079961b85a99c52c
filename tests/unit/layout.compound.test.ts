import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze } from '../../src/core';
import { STAGED_EXAMPLES } from '../../src/examples/staged';
import { makeScene, type Scene } from '../../src/store/derive';
import { nodeSize } from '../../src/view/geometry';

/* A group (an opened call) is laid out as a compound node: it keeps its nodes together, overlaps
 * nothing, and opening it leaves the rest of the drawing in its order. */

function scene(source: string, expanded: string[], previous: Scene | null = null): Scene {
  const a = analyze(source, {}, { expand: new Set(expanded) });
  if (!a.ok) throw new Error(a.error.message);
  return makeScene(a as AnalysisOk, previous, undefined, new Set(expanded)) as Scene;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function boxOf(s: Scene, id: number): Box {
  const n = s.analysis.graph.nodes[id];
  if (!n) throw new Error(`no node ${id}`);
  const { hw, hh } = nodeSize(n, s.names[id] as string);
  const x = s.layout.x[id] as number;
  const y = s.layout.y[id] as number;
  return { x0: x - hw, x1: x + hw, y0: y - hh, y1: y + hh };
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The box around a group's nodes. */
function groupBox(s: Scene, key: string): Box {
  const g = s.analysis.graph.groups.find((x) => x.key === key);
  if (!g) throw new Error(`no open group ${key}`);
  const boxes = [];
  for (let id = g.first; id <= g.last; id++) boxes.push(boxOf(s, id));
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

const NET = (STAGED_EXAMPLES.find((e) => e.id === 'neuron-net') ?? { source: '' }).source;
const SIG = (STAGED_EXAMPLES.find((e) => e.id === 'cs231n-sig-gate') ?? { source: '' }).source;
const NESTED =
  'sig(z) = 1/(1+exp(-z))\nneuron(w, x, b) = sig(w*x + b)\nx = 1\nf = neuron(2, x, 1) * neuron(x, 3, -1)';

describe('compound layout of opened calls', () => {
  it.each([
    ['sig opened', SIG, ['sig#0']],
    ['one neuron opened', NET, ['neuron#1']],
    ['two neurons opened', NET, ['neuron#0', 'neuron#3']],
    ['nested calls opened', NESTED, ['neuron#0', 'neuron#0/sig#0', 'neuron#1']],
  ] as const)('%s: no two nodes overlap, and no outside node sits inside a frame', (_t, source, open) => {
    const s = scene(source, [...open]);
    const { graph } = s.analysis;
    expect(graph.groups.map((g) => g.key).sort()).toEqual([...open].sort());
    for (let a = 0; a < graph.size; a++)
      for (let b = a + 1; b < graph.size; b++)
        expect(overlap(boxOf(s, a), boxOf(s, b)), `${a} and ${b}`).toBe(false);
    for (const g of graph.groups) {
      const frame = groupBox(s, g.key);
      // Every node outside the call stays outside its frame (the calls around it included).
      for (let id = 0; id < graph.size; id++)
        if (id < g.first || id > g.last)
          expect(overlap(boxOf(s, id), frame), `node ${s.names[id]} inside ${g.key}`).toBe(false);
    }
    // Edges still run left to right.
    for (const e of graph.edges)
      expect(s.layout.x[e.target] as number).toBeGreaterThan(s.layout.x[e.source] as number);
  });

  it.each([
    ['sig', SIG, 'sig#0'],
    ['neuron#1', NET, 'neuron#1'],
  ] as const)('opening %s keeps the inputs in their vertical order', (_t, source, key) => {
    const closed = scene(source, []);
    const open = scene(source, [key], closed);
    const order = (s: Scene) =>
      s.keys
        .map((k, id) => [k, id] as const)
        .filter(([k]) => k.startsWith('in:'))
        .sort((a, b) => (s.layout.y[a[1]] as number) - (s.layout.y[b[1]] as number))
        .map(([k]) => k);
    expect(order(open)).toEqual(order(closed));
  });

  it('is deterministic', () => {
    const a = scene(NESTED, ['neuron#0', 'neuron#0/sig#0']);
    const b = scene(NESTED, ['neuron#0', 'neuron#0/sig#0']);
    expect(Array.from(a.layout.x)).toEqual(Array.from(b.layout.x));
    expect(Array.from(a.layout.y)).toEqual(Array.from(b.layout.y));
  });

  it('an inner call opens only inside an opened outer one', () => {
    const s = scene(NESTED, ['neuron#0/sig#0']);
    expect(s.analysis.graph.groups).toEqual([]);
    expect(s.analysis.graph.nodes.filter((n) => n.op === 'call')).toHaveLength(2);
  });
});
