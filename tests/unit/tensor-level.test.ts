import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze } from '../../src/core';
import { tensorNames, tensorStepCaption } from '../../src/core/tensor/captions';
import { tensorLevel } from '../../src/core/tensor/level';
import { TENSOR_EXAMPLES } from '../../src/examples/tensors';

/* The tensor level: one node per tensor operation, and each edge's vector-Jacobian product, which must
 * be the scalar expansion's numbers regrouped. */

function ok(source: string): AnalysisOk {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  return a;
}

function level(source: string) {
  const a = ok(source);
  const t = tensorLevel(a);
  if (!t) throw new Error('no tensors');
  return { a, t };
}

const RECITATION =
  'x = 3; y = 10; W1 = [[4], [-2]]; w2 = [1, 0]; h = relu(W1 @ [x]); yhat = relu(w2 @ h); C = (yhat - y)^2';

describe('tensor level', () => {
  it('the recitation MLP: one node per operation, and the printed gradients on its edges', () => {
    const { t } = level(RECITATION);
    const byLabel = (l: string) => t.nodes.find((n) => n.label === l);
    expect(byLabel('W1')?.shape).toEqual([2, 1]);
    expect(byLabel('h')).toMatchObject({ op: 'elementwise', scalar: 'relu', shape: [2] });
    expect(t.nodes.filter((n) => n.op === 'matmul').map((n) => n.shape)).toEqual([[2], []]);
    const into = (label: string) => {
      const id = byLabel(label)?.id;
      return t.steps.find((s) => s.source === id)?.contribution;
    };
    expect(into('w2')).toEqual([48, 0]);
    expect(into('W1')).toEqual([12, 0]);
    expect(t.grad(byLabel('W1')?.id as number)).toEqual([12, 0]);
    expect(t.grad(t.output)).toEqual([1]);
  });

  it('a matrix used directly and transposed: each use gets its own share, and they add up', () => {
    const { a, t } = level('W = [[1, 2], [3, 4]]; v = [1, -1]; f = sum(W.T @ v + W @ v)');
    const T = t.nodes.find((n) => n.op === 'transpose');
    expect(T && t.grad(T.id)).toEqual([1, -1, 1, -1]);
    const W = t.nodes.find((n) => n.label === 'W');
    const shares = t.steps.filter((s) => s.source === W?.id).map((s) => s.contribution);
    expect(shares).toHaveLength(2);
    const total = (shares[0] as number[]).map((c, k) => c + ((shares[1] as number[])[k] as number));
    expect(total).toEqual(W?.outputs.map((v) => a.grads[v]));
  });

  it.each<[string, string]>([
    ...TENSOR_EXAMPLES.map((e): [string, string] => [e.title, e.source]),
    [
      'broadcast, index, mean, max, logsumexp',
      'W = [[1, 2], [3, 4]]; b = [10, -20]; f = mean(W + b) + max(W[1]) + logsumexp(W @ b) / 100',
    ],
  ])(
    '%s: every node’s gradient is what its out-edges carry, and an input’s is its elements’',
    (_t, source) => {
      const { a, t } = level(source);
      for (const n of t.nodes) {
        const g = t.grad(n.id);
        expect(g).toHaveLength(n.outputs.length);
        if (n.kind === 'input')
          n.outputs.forEach((v, p) => {
            expect(g[p]).toBeCloseTo(a.grads[v] as number, 12);
          });
        if (n.id === t.output) continue;
        const sum = n.outputs.map(() => 0);
        for (const s of t.steps.filter((st) => st.source === n.id))
          s.contribution.forEach((c, p) => {
            sum[p] = (sum[p] as number) + c;
          });
        sum.forEach((s, p) => {
          expect(s).toBeCloseTo(g[p] as number, 12);
        });
      }
      // Steps go from the output down: a node's steps come after every step into it.
      const seen = new Set<number>();
      for (const s of t.steps) {
        expect(seen.has(s.source) && t.steps.some((q) => q.target === s.source && !seen.has(q.source))).toBe(
          false,
        );
        seen.add(s.target);
      }
    },
  );

  it('a program of numbers only has no tensor level', () => {
    expect(tensorLevel(ok('x = 2; f = x^2'))).toBeNull();
  });
});

describe('tensor-level captions', () => {
  it('CS231n: the vector-Jacobian product of Wx with its shapes, (3×1)·(1×4) = (3×4)', () => {
    const { t } = level(
      'W = [[0.01, -0.05, 0.1, 0.05], [0.7, 0.2, 0.05, 0.16], [0.0, -0.45, -0.2, 0.03]]\nx = [-15, 22, -44, 56]\nb = [0.0, 0.2, -0.3]\ns = W @ x + b\nL = -log(softmax(s)[2])',
    );
    const names = tensorNames(t);
    const captions = t.steps.map((s) => tensorStepCaption(t, names, s));
    expect(captions).toContainEqual(
      expect.stringContaining('matmul swaps: ∂L/∂W = ∂L/∂t1 · xᵀ  (3×1)·(1×4) = (3×4)'),
    );
    expect(captions).toContainEqual(
      expect.stringContaining('matmul swaps: ∂L/∂x = Wᵀ · ∂L/∂t1  (4×3)·(3) = (4)'),
    );
    expect(captions).toContainEqual(expect.stringContaining('softmax: ∂L/∂s = p ⊙'));
  });

  it('broadcasting sums the gradient back; relu gates elementwise; the recitation’s 48', () => {
    const b = level('W = [[1, 2], [3, 4]]; b = [10, -20]; f = sum(W + b)');
    const bn = tensorNames(b.t);
    expect(b.t.steps.map((s) => tensorStepCaption(b.t, bn, s))).toContainEqual(
      'add distributes, elementwise: ∂f/∂b = ∂f/∂t1, summed back over the broadcast axes (2×2) → (2). This edge gives b [2, 2].',
    );
    const r = level(RECITATION);
    const rn = tensorNames(r.t);
    const captions = r.t.steps.map((s) => tensorStepCaption(r.t, rn, s));
    expect(captions).toContain('the dot product swaps: ∂C/∂w2 = ∂C/∂t3 · h. This edge gives w2 [48, 0].');
    expect(captions).toContainEqual(expect.stringContaining('relu gates elementwise'));
  });
});
