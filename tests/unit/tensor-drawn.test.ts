import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze } from '../../src/core';
import { type Drawn, drawnLevel } from '../../src/core/tensor/drawn';
import { tensorLevel } from '../../src/core/tensor/level';
import { replayLength, tensorFrameAt } from '../../src/core/tensor/replay';
import { TENSOR_EXAMPLES } from '../../src/examples/tensors';

/* The tensor level as drawn and replayed, with operations opened into their scalar gates: whatever is
 * opened, replaying every step must end on the scalar analysis's own gradients, exactly. */

function ok(source: string): AnalysisOk {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  return a;
}

function drawn(a: AnalysisOk, open: string[] = []): Drawn {
  const t = tensorLevel(a);
  if (!t) throw new Error('no tensors');
  return drawnLevel(a, t, new Set(open));
}

const RECITATION =
  'x = 3; y = 10; W1 = [[4], [-2]]; w2 = [1, 0]; h = relu(W1 @ [x]); yhat = relu(w2 @ h); C = (yhat - y)^2';

/** After the last step, each node's replayed gradient, beside the analysis's. */
function finalGrads(d: Drawn) {
  const end = tensorFrameAt(d, replayLength(d));
  return d.nodes.map((n) => ({ key: n.key, replayed: end.grad[n.id], truth: d.grad(n.id) }));
}

describe('drawn tensor level', () => {
  it('closed: one node per operation; the replay ends on the recitation gradients', () => {
    const a = ok(RECITATION);
    const d = drawn(a);
    const w1 = d.nodes.find((n) => n.label === 'W1');
    expect(w1?.shape).toEqual([2, 1]);
    const end = tensorFrameAt(d, replayLength(d));
    expect(end.phase).toBe('done');
    expect(end.grad[w1?.id as number]).toEqual([12, 0]);
    expect(end.grad[d.nodes.find((n) => n.label === 'w2')?.id as number]).toEqual([48, 0]);
    // Every edge's step played once.
    expect(new Set(d.steps.map((s) => s.edge)).size).toBe(d.steps.length);
  });

  it('opening a matmul draws its scalar gates in place, and the gradients still agree exactly', () => {
    const a = ok(RECITATION);
    const closed = drawn(a);
    const mm = closed.nodes.find((n) => n.op === 'matmul' && n.shape.length === 1);
    expect(mm?.openable).toBe(true);
    const d = drawn(a, [`tensor:${mm?.key}`]);
    const gates = d.nodes.filter((n) => n.opened);
    expect(gates.length).toBeGreaterThanOrEqual(2); // one product per row of W1
    expect(gates.every((n) => n.shape.length === 0)).toBe(true);
    // Edges into the opened gates carry single elements of W1.
    const w1 = d.nodes.find((n) => n.label === 'W1')?.id;
    const fromW1 = d.edges.filter((e) => e.source === w1);
    expect(fromW1.map((e) => e.element).sort()).toEqual([0, 1]);
    // Scalar steps replay inside, each with its local derivative.
    expect(d.steps.some((s) => s.scalar !== undefined)).toBe(true);
    expect(d.steps.length).toBeGreaterThan(closed.steps.length);
    for (const g of finalGrads(d)) expect(g.replayed ?? g.truth.map(() => 0), g.key).toEqual(g.truth);
    expect(tensorFrameAt(d, replayLength(d)).grad[w1 as number]).toEqual([12, 0]);
  });

  it('every preset, with every openable node opened at once, replays to the analysis gradients', () => {
    for (const ex of TENSOR_EXAMPLES) {
      const a = ok(ex.source);
      const closed = drawn(a);
      const all = closed.nodes.filter((n) => n.openable).map((n) => `tensor:${n.key}`);
      for (const open of [[], all]) {
        const d = drawn(a, open);
        for (const g of finalGrads(d))
          expect(g.replayed ?? g.truth.map(() => 0), `${ex.id} ${g.key}`).toEqual(g.truth);
        // The layered drawing needs a DAG in id order.
        for (const e of d.edges) expect(e.source, `${ex.id}`).toBeLessThan(e.target);
      }
    }
  });

  it('draws only what the output uses: an element indexed twice is one node', () => {
    const hinge = TENSOR_EXAMPLES.find((e) => e.id === 'cs231n-hinge-matrix');
    const d = drawn(ok(hinge?.source as string));
    expect(d.nodes.filter((n) => n.label === 's[2]')).toHaveLength(1);
    // Every node but the output feeds something.
    for (const n of d.nodes)
      if (n.id !== d.output) expect(d.outEdges[n.id]?.length, n.key).toBeGreaterThan(0);
  });

  it('a function taking a vector reads each element of it through an index node', () => {
    const a = ok('sq(v) = sum(v * v)\nw = [1, 2]\nL = sq(w)');
    const d = drawn(a);
    const w = d.nodes.find((n) => n.label === 'w');
    const picks = d.nodes.filter((n) => n.op === 'index' && n.inputs[0] === w?.id);
    expect(picks.map((n) => d.value(n.id))).toEqual([[1], [2]]);
    for (const g of finalGrads(d)) expect(g.replayed ?? g.truth.map(() => 0), g.key).toEqual(g.truth);
    expect(tensorFrameAt(d, replayLength(d)).grad[w?.id as number]).toEqual([2, 4]);
  });

  it('the forward replay shows values in order, never before their operands', () => {
    const d = drawn(ok(RECITATION));
    for (let p = 0; p <= replayLength(d); p++) {
      const f = tensorFrameAt(d, p);
      for (const e of d.edges) if (f.known[e.target]) expect(f.known[e.source]).toBe(1);
    }
  });
});
