import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, parse } from '../../src/core';

/*
 * Vectors and matrices, lowered onto scalar gates: the lectures' numbers, every matmul form, NumPy
 * broadcasting, transpose, indexing, the reductions, and every error with the text it points at. The
 * expected numbers are worked out here by hand (or with plain arithmetic), never with the engine.
 */

function ok(source: string, values: Record<string, number> = {}): AnalysisOk {
  const r = analyze(source, values);
  if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
  return r;
}

/** The error of a program that must fail, with the text its span covers. */
function failure(source: string) {
  const r = analyze(source);
  if (r.ok) throw new Error(`${source}: expected an error, got ${r.value}`);
  const { message, start, end, phase } = r.error;
  expect(start, source).toBeGreaterThanOrEqual(0);
  expect(end, source).toBeLessThanOrEqual(source.length);
  return { message, phase, text: source.slice(start, end) };
}

/** The k-th tensor operation `op` the graph recorded: its shape and its elements' values. */
function tensor(r: AnalysisOk, op: string, k = 0) {
  const t = r.graph.tensors.filter((x) => x.op === op)[k];
  if (!t) throw new Error(`no ${op} #${k} in ${r.source}`);
  return { shape: t.shape, values: t.outputs.map((n) => r.values[n] as number), label: t.label };
}

/** The value of the node labelled `name` (`h[0]`, `yhat`). */
function named(r: AnalysisOk, name: string): number {
  const id = r.graph.label.indexOf(name);
  if (id < 0) throw new Error(`no node ${name} in ${r.source}`);
  return r.values[id] as number;
}

/** Numbers equal to about 12 digits (sums of products are not exact in binary). */
function near(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) => {
    expect(a, `element ${k}: ${actual} vs ${expected}`).toBeCloseTo(expected[k] as number, 12);
  });
}

function gradientsOf(r: AnalysisOk, names: string[]): number[] {
  return names.map((n) => {
    expect(r.gradients, n).toHaveProperty([n]);
    return r.gradients[n] as number;
  });
}

describe('the recitation MLP with a matrix and a vector', () => {
  const source =
    'x = 3; y = 10; W1 = [[4], [-2]]; w2 = [1, 0]; h = relu(W1 @ [x]); yhat = relu(w2 @ h); C = (yhat - y)^2';

  it('gives C = 4, ∂C/∂w2 = [48, 0], ∂C/∂W1 = [[12], [0]]', () => {
    const r = ok(source);
    expect(r.value).toBe(4);
    // h = relu([12, −6]) = [12, 0]; yhat = 12; ∂C/∂yhat = 2(12 − 10) = 4.
    expect(gradientsOf(r, ['w2[0]', 'w2[1]'])).toEqual([48, 0]);
    expect(gradientsOf(r, ['W1[0,0]', 'W1[1,0]'])).toEqual([12, 0]);
    expect(r.gradients.x).toBe(16);
    expect(r.gradients.y).toBe(-4);
    expect(Object.keys(r.gradients).sort()).toEqual(['W1[0,0]', 'W1[1,0]', 'w2[0]', 'w2[1]', 'x', 'y']);
  });

  it('declares one input per element, with its value and the span of its number', () => {
    const r = ok(source);
    const w1 = r.inputs.filter((i) => i.name.startsWith('W1'));
    expect(w1.map((i) => [i.name, i.value, source.slice(i.start, i.end)])).toEqual([
      ['W1[0,0]', 4, '4'],
      ['W1[1,0]', -2, '-2'],
    ]);
    expect(w1.map((i) => source.slice(i.valueStart, i.valueEnd))).toEqual(['4', '-2']);
  });

  it('names the elements of a named tensor h[0], h[1] and records each tensor operation', () => {
    const r = ok(source);
    expect(named(r, 'h[0]')).toBe(12);
    expect(named(r, 'h[1]')).toBe(0);
    expect(named(r, 'yhat')).toBe(12);
    expect(tensor(r, 'matmul', 0)).toMatchObject({ shape: [2], values: [12, -6] });
    expect(tensor(r, 'elementwise', 0)).toEqual({ shape: [2], values: [12, 0], label: 'h' });
    expect(tensor(r, 'matmul', 1)).toMatchObject({ shape: [], values: [12] });
    const ops = r.graph.tensors.map((t) => `${t.op}${t.scalar ? `:${t.scalar}` : ''} ${t.shape.join('×')}`);
    expect(ops).toEqual(['list 2×1', 'list 2', 'list 1', 'matmul 2', 'elementwise:relu 2', 'matmul ']);
    const decl = r.graph.tensors[0];
    expect(decl?.label).toBe('W1');
    expect(source.slice(decl?.start, decl?.end)).toBe('[[4], [-2]]');
  });

  it('takes values for elements by name, overriding the declared ones', () => {
    // W1[1,0] = 1 makes the second hidden unit live: h = [12, 3], yhat = 12 + 3·w2[1] = 12.
    const r = ok(source, { 'W1[1,0]': 1, 'w2[1]': 2 });
    expect(named(r, 'h[1]')).toBe(3);
    expect(r.value).toBe((12 + 6 - 10) ** 2);
    expect(r.gradients['w2[1]']).toBe(2 * 8 * 3);
  });
});

describe('CS231n: scores s = W x + b and the hinge loss', () => {
  const W = 'W = [[0.01, -0.05, 0.1, 0.05], [0.7, 0.2, 0.05, 0.16], [0.0, -0.45, -0.2, 0.03]]';
  const source = `${W}\nx = [-15, 22, -44, 56]\nb = [0.0, 0.2, -0.3]\ns = W @ x + b\nL = max(0, s[0] - s[2] + 1) + max(0, s[1] - s[2] + 1)`;
  const X = [-15, 22, -44, 56];

  it('scores −2.85, 0.86, 0.28 for cat, car, frog; L = 1.58', () => {
    const r = ok(source);
    near(
      ['s[0]', 's[1]', 's[2]'].map((n) => named(r, n)),
      [-2.85, 0.86, 0.28],
    );
    expect(r.value).toBeCloseTo(1.58, 12);
    expect(tensor(r, 'matmul').shape).toEqual([3]);
    expect(tensor(r, 'elementwise')).toMatchObject({ shape: [3], label: 's' });
  });

  it('∂L/∂s = [0, 1, −1]: ∂L/∂W = [0, 1, −1] xᵀ, ∂L/∂x = row 1 − row 2 of W, ∂L/∂b = [0, 1, −1]', () => {
    const r = ok(source);
    const g = [0, 1, -1];
    for (let i = 0; i < 3; i++)
      near(
        gradientsOf(
          r,
          X.map((_, j) => `W[${i},${j}]`),
        ),
        X.map((xj) => (g[i] as number) * xj),
      );
    near(gradientsOf(r, ['x[0]', 'x[1]', 'x[2]', 'x[3]']), [0.7, 0.65, 0.25, 0.13]);
    near(gradientsOf(r, ['b[0]', 'b[1]', 'b[2]']), g);
  });
});

describe('the matrix product, each form', () => {
  it('matrix @ matrix is a matrix: [[1, 2], [3, 4]] @ [[5, 6], [7, 8]] = [[19, 22], [43, 50]]', () => {
    const r = ok('A = [[1, 2], [3, 4]]; B = [[5, 6], [7, 8]]; f = sum(A @ B)');
    expect(tensor(r, 'matmul')).toMatchObject({ shape: [2, 2], values: [19, 22, 43, 50] });
    expect(r.value).toBe(134);
    // ∂Σ(AB)/∂A[i,k] = Σ_j B[k,j]; ∂/∂B[k,j] = Σ_i A[i,k].
    expect(gradientsOf(r, ['A[0,0]', 'A[0,1]', 'A[1,0]', 'A[1,1]'])).toEqual([11, 15, 11, 15]);
    expect(gradientsOf(r, ['B[0,0]', 'B[0,1]', 'B[1,0]', 'B[1,1]'])).toEqual([4, 4, 6, 6]);
  });

  it('2×3 @ 3×2 is 2×2, and 3×2 @ 2×3 is 3×3', () => {
    const A = 'A = [[1, 2, 3], [4, 5, 6]]';
    expect(tensor(ok(`${A}; f = sum(A @ A.T)`), 'matmul')).toMatchObject({
      shape: [2, 2],
      values: [14, 32, 32, 77],
    });
    expect(tensor(ok(`${A}; f = sum(A.T @ A)`), 'matmul')).toMatchObject({
      shape: [3, 3],
      values: [17, 22, 27, 22, 29, 36, 27, 36, 45],
    });
  });

  it('matrix @ vector is a vector', () => {
    const r = ok('W = [[1, 2, 3], [4, 5, 6]]; v = [1, 0, -1]; f = sum(W @ v)');
    expect(tensor(r, 'matmul')).toMatchObject({ shape: [2], values: [-2, -2] });
    expect(gradientsOf(r, ['v[0]', 'v[1]', 'v[2]'])).toEqual([5, 7, 9]);
    expect(gradientsOf(r, ['W[0,0]', 'W[0,1]', 'W[0,2]', 'W[1,2]'])).toEqual([1, 0, -1, -1]);
  });

  it('vector @ matrix is a vector', () => {
    const r = ok('v = [1, 2]; M = [[1, 2, 3], [4, 5, 6]]; f = sum(v @ M)');
    expect(tensor(r, 'matmul')).toMatchObject({ shape: [3], values: [9, 12, 15] });
    expect(gradientsOf(r, ['v[0]', 'v[1]'])).toEqual([6, 15]);
    expect(gradientsOf(r, ['M[0,0]', 'M[1,2]'])).toEqual([1, 2]);
  });

  it('vector @ vector is a number: the dot product', () => {
    const r = ok('u = [1, 2, 3]; v = [4, -5, 6]; f = u @ v');
    expect(r.value).toBe(12);
    expect(tensor(r, 'matmul').shape).toEqual([]);
    expect(gradientsOf(r, ['u[0]', 'u[1]', 'u[2]', 'v[0]', 'v[1]', 'v[2]'])).toEqual([4, -5, 6, 1, 2, 3]);
    expect(ok('v = [3]; f = v @ v').value).toBe(9);
  });

  it('a row times a column is a 1×1 matrix, not a number', () => {
    const r = ok('f = sum([[1, 2]] @ [[3], [4]])');
    expect(tensor(r, 'matmul')).toMatchObject({ shape: [1, 1], values: [11] });
    expect(failure('f = [[1, 2]] @ [[3], [4]]').message).toMatch(
      /is a 1×1 matrix; the output must be one number/,
    );
  });

  it('@ binds like *, from the left, tighter than +', () => {
    // (A @ A) @ x and A @ x + b.
    const r = ok('A = [[1, 2], [3, 4]]; x = [1, 0]; b = [10, 20]; f = sum(A @ A @ x) + sum(A @ x + b)');
    expect(tensor(r, 'matmul', 0).shape).toEqual([2, 2]);
    expect(tensor(r, 'matmul', 1)).toMatchObject({ shape: [2], values: [7, 15] });
    expect(r.value).toBe(22 + 4 + 30);
    // 10 − (v @ v), not (10 − v) @ v = 25.
    expect(ok('v = [1, 2]; f = 10 - v @ v').value).toBe(5);
  });
});

describe('broadcasting', () => {
  it('a number with a tensor stretches to every element', () => {
    const r = ok('v = [1, 2, 3]; a = 2; f = sum(a * v + 1)');
    expect(tensor(r, 'elementwise', 0)).toMatchObject({ shape: [3], values: [2, 4, 6] });
    expect(tensor(r, 'elementwise', 1)).toMatchObject({ shape: [3], values: [3, 5, 7] });
    expect(r.gradients.a).toBe(6);
    expect(gradientsOf(r, ['v[0]', 'v[1]', 'v[2]'])).toEqual([2, 2, 2]);
    expect(tensor(ok('M = [[1, 2], [3, 4]]; f = sum(10 - M)'), 'elementwise')).toMatchObject({
      shape: [2, 2],
      values: [9, 8, 7, 6],
    });
  });

  it('a vector with a matrix is added to each row, and its gradient sums over the rows', () => {
    const r = ok('W = [[1, 2], [3, 4], [5, 6]]; b = [10, 20]; f = sum((W + b)^2)');
    expect(tensor(r, 'elementwise', 0)).toMatchObject({ shape: [3, 2], values: [11, 22, 13, 24, 15, 26] });
    expect(gradientsOf(r, ['b[0]', 'b[1]'])).toEqual([2 * (11 + 13 + 15), 2 * (22 + 24 + 26)]);
    expect(gradientsOf(r, ['W[1,0]'])).toEqual([26]);
  });

  it('size-1 axes stretch: [[1], [2]] + [10, 20] is 2×2', () => {
    const r = ok('c = [[1], [2]]; v = [10, 20]; f = sum(c + v)');
    expect(tensor(r, 'elementwise')).toMatchObject({ shape: [2, 2], values: [11, 21, 12, 22] });
    expect(r.value).toBe(66);
    expect(gradientsOf(r, ['c[0,0]', 'c[1,0]', 'v[0]', 'v[1]'])).toEqual([2, 2, 2, 2]);
    expect(tensor(ok('f = sum([[1], [2]] * [[10, 20, 30]])'), 'elementwise')).toMatchObject({
      shape: [2, 3],
      values: [10, 20, 30, 20, 40, 60],
    });
    expect(tensor(ok('f = sum([2] * [1, 2, 3])'), 'elementwise')).toMatchObject({
      shape: [3],
      values: [2, 4, 6],
    });
    // A 2×1 column scaling a 2×2 matrix row by row.
    const s = ok('W = [[1, 2], [3, 4]]; c = [[10], [20]]; f = sum(W * c)');
    expect(s.value).toBe(170);
    expect(gradientsOf(s, ['c[0,0]', 'c[1,0]'])).toEqual([3, 7]);
  });

  it('elementwise functions apply to each element; max(v, 0) with two arguments stays elementwise', () => {
    const r = ok('v = [-1, 0.5, 2]; f = sum(relu(v)) + sum(max(v, 0)) + sum(exp(v * 0))');
    expect(r.value).toBe(2.5 + 2.5 + 3);
    expect(gradientsOf(r, ['v[0]', 'v[1]', 'v[2]'])).toEqual([0, 2, 2]);
    expect(tensor(r, 'elementwise', 0)).toMatchObject({ shape: [3], values: [0, 0.5, 2] });
    const t = ok('v = [0, 1]; f = sum(tanh(v) + sigmoid(v) + sin(v) - v)');
    expect(t.value).toBeCloseTo(Math.tanh(1) + 0.5 + 1 / (1 + Math.exp(-1)) + Math.sin(1) - 1, 14);
  });
});

describe('transpose', () => {
  it('W.T swaps rows and columns, and makes no nodes', () => {
    const r = ok('W = [[1, 2, 3], [4, 5, 6]]; f = sum(W.T[0] * [1, 10])');
    const t = r.graph.tensors.find((x) => x.op === 'transpose');
    expect(t?.shape).toEqual([3, 2]);
    expect(t?.outputs.map((n) => r.values[n])).toEqual([1, 4, 2, 5, 3, 6]);
    expect(t && t.last - t.first + 1).toBe(0);
    expect(r.value).toBe(41);
    expect(gradientsOf(r, ['W[0,0]', 'W[1,0]', 'W[0,1]'])).toEqual([1, 10, 0]);
  });

  it('W.T.T is W, (A @ B).T = Bᵀ Aᵀ, and a vector’s transpose is itself', () => {
    expect(
      tensor(ok('W = [[1, 2], [3, 4]]; f = sum(W.T.T * [[1, 0], [0, 0]])'), 'transpose', 1).values,
    ).toEqual([1, 2, 3, 4]);
    const a = ok('A = [[1, 2], [3, 4]]; B = [[0, 1], [1, 1]]; f = sum((A @ B).T * [[1, 2], [3, 4]])');
    const b = ok('A = [[1, 2], [3, 4]]; B = [[0, 1], [1, 1]]; f = sum((B.T @ A.T) * [[1, 2], [3, 4]])');
    expect(a.value).toBe(b.value);
    expect(a.gradients).toEqual(b.gradients);
    const v = ok('v = [1, 2, 3]; f = v.T @ v');
    expect(tensor(v, 'transpose')).toMatchObject({ shape: [3], values: [1, 2, 3] });
    expect(v.value).toBe(14);
  });
});

describe('indexing', () => {
  const W = 'W = [[1, 2, 3], [4, 5, 6]]';

  it('v[i] is an element, counting from 0, and only that element gets the gradient', () => {
    const r = ok('v = [7, 8, 9]; f = v[2] * v[0]');
    expect(r.value).toBe(63);
    expect(gradientsOf(r, ['v[0]', 'v[1]', 'v[2]'])).toEqual([9, 0, 7]);
    expect(ok('f = [4, 5][1]').value).toBe(5);
  });

  it('W[i] is row i, a vector; W[i, j] an element; W[i][j] is W[i, j]', () => {
    const row = ok(`${W}; f = sum(W[1] * [1, 10, 100])`);
    expect(tensor(row, 'index')).toMatchObject({ shape: [3], values: [4, 5, 6] });
    expect(row.value).toBe(654);
    expect(gradientsOf(row, ['W[0,0]', 'W[1,0]', 'W[1,1]', 'W[1,2]'])).toEqual([0, 1, 10, 100]);
    const el = ok(`${W}; f = W[1, 2] - W[0, 1]`);
    expect(el.value).toBe(4);
    expect(tensor(el, 'index').shape).toEqual([]);
    expect(gradientsOf(el, ['W[1,2]', 'W[0,1]', 'W[0,0]'])).toEqual([1, -1, 0]);
    expect(ok(`${W}; f = W[1][2]`).value).toBe(6);
  });

  it('indexes any expression: (W @ x)[1], softmax(s)[0]', () => {
    const r = ok('W = [[1, 2], [3, 4]]; x = [1, 1]; f = (W @ x)[1]');
    expect(r.value).toBe(7);
    expect(gradientsOf(r, ['W[0,0]', 'W[1,0]', 'x[0]', 'x[1]'])).toEqual([0, 1, 3, 4]);
  });
});

describe('reductions', () => {
  it('sum and mean of a vector and of a matrix', () => {
    const r = ok('v = [1, 2, 3, 6]; f = sum(v) + 10 * mean(v)');
    expect(r.value).toBe(12 + 30);
    expect(gradientsOf(r, ['v[0]', 'v[3]'])).toEqual([1 + 10 / 4, 1 + 10 / 4]);
    const m = ok('M = [[1, 2, 3], [4, 5, 6]]; f = mean(M)');
    expect(m.value).toBe(3.5);
    for (const g of Object.values(m.gradients)) expect(g).toBeCloseTo(1 / 6, 15);
  });

  it('max(v) and min(v) with one argument reduce; the gradient goes to the winner', () => {
    const r = ok('v = [1, 5, -3]; f = max(v) - 2 * min(v)');
    expect(r.value).toBe(11);
    expect(gradientsOf(r, ['v[0]', 'v[1]', 'v[2]'])).toEqual([0, 1, -2]);
    expect(tensor(r, 'max').shape).toEqual([]);
    const m = ok('M = [[1, 9], [3, 4]]; f = max(M) + min(M)');
    expect(m.value).toBe(10);
    expect(gradientsOf(m, ['M[0,0]', 'M[0,1]', 'M[1,0]', 'M[1,1]'])).toEqual([1, 1, 0, 0]);
    // One element: it is the maximum.
    expect(ok('v = [4]; f = max(v) + sum(v) + mean(v)').value).toBe(12);
  });

  it('softmax sums to 1: its elements are exp(x_i)/Σexp, and Σ has no gradient', () => {
    const r = ok('s = [1, 2, 3]; f = sum(softmax(s))');
    expect(r.value).toBeCloseTo(1, 15);
    for (const g of Object.values(r.gradients)) expect(Math.abs(g)).toBeLessThan(1e-15);
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    const p = tensor(r, 'softmax');
    expect(p.shape).toEqual([3]);
    near(p.values, [Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z]);
    // Of a matrix: over all its elements, keeping its shape.
    const m = tensor(ok('f = sum(softmax([[0, 0], [0, 0]]))'), 'softmax');
    expect(m).toMatchObject({ shape: [2, 2], values: [0.25, 0.25, 0.25, 0.25] });
  });

  it('under cross-entropy −log softmax(s)[k], the gradient on the scores is p − onehot(k)', () => {
    const s = [0.5, -1.2, 2.0, 0.1];
    const z = s.reduce((a, v) => a + Math.exp(v), 0);
    const p = s.map((v) => Math.exp(v) / z);
    for (let k = 0; k < s.length; k++) {
      const r = ok(`s = [${s.join(', ')}]; L = -log(softmax(s)[${k}])`);
      expect(r.value).toBeCloseTo(-Math.log(p[k] as number), 12);
      near(
        gradientsOf(
          r,
          s.map((_, i) => `s[${i}]`),
        ),
        p.map((pi, i) => pi - (i === k ? 1 : 0)),
      );
    }
  });

  it('logsumexp(v) = log Σ exp(v_i), and its gradient is softmax(v)', () => {
    const r = ok('v = [1, 2, 3]; f = logsumexp(v)');
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    expect(r.value).toBeCloseTo(Math.log(z), 14);
    near(gradientsOf(r, ['v[0]', 'v[1]', 'v[2]']), [Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z]);
    expect(ok('f = logsumexp([[0, 0], [0, 0]])').value).toBeCloseTo(Math.log(4), 15);
  });

  it('softmax and logsumexp are written as exp(x)/Σexp: large scores overflow, with a positioned error', () => {
    // Not shifted by the maximum (NumPy/SciPy would return 1000 + log 2 here): a clear error, not NaN.
    const e = failure('f = logsumexp([1000, 1000])');
    expect(e.message).toMatch(/overflows/);
    expect(e.text).toBe('logsumexp([1000, 1000])');
    expect(e.phase).toBe('domain');
  });
});

describe('shape errors name the sizes and point at the operation', () => {
  it.each([
    [
      'f = sum([1, 2] + [1, 2, 3])',
      'cannot add a vector of 2 and a vector of 3: sizes 2 and 3 differ',
      '[1, 2] + [1, 2, 3]',
    ],
    [
      'A = [[1, 2, 3], [4, 5, 6]]; f = sum(A.T - A)',
      'cannot subtract a 3×2 matrix and a 2×3 matrix: sizes 3 and 2 differ',
      'A.T - A',
    ],
    [
      'v = [1, 2]; f = sum(v * [[1, 2, 3]])',
      'cannot multiply a vector of 2 and a 1×3 matrix: sizes 2 and 3 differ',
      'v * [[1, 2, 3]]',
    ],
    [
      'f = sum([[1, 2], [3, 4]] @ [1, 2, 3])',
      'cannot multiply 2×2 @ 3: inner sizes 2 and 3 differ',
      '[[1, 2], [3, 4]] @ [1, 2, 3]',
    ],
    ['u = [1, 2, 3]; v = [1, 2]; f = u @ v', 'cannot multiply 3 @ 2: inner sizes 3 and 2 differ', 'u @ v'],
    [
      'A = [[1, 2, 3], [4, 5, 6]]; f = sum(A @ A)',
      'cannot multiply 2×3 @ 2×3: inner sizes 3 and 2 differ',
      'A @ A',
    ],
    [
      'v = [1, 2]; f = sum(v @ [[1, 2, 3]])',
      'cannot multiply 2 @ 1×3: inner sizes 2 and 1 differ',
      'v @ [[1, 2, 3]]',
    ],
    ['v = [1, 2]; f = v[5]', 'index 5 is out of range for a vector of 2 (0 to 1)', 'v[5]'],
    [
      'W = [[1, 2], [3, 4]]; f = sum(W[2])',
      'index 2 is out of range for the 2 rows of a 2×2 matrix (0 to 1)',
      'W[2]',
    ],
    [
      'W = [[1, 2, 3], [4, 5, 6]]; f = W[0, 3]',
      'index 3 is out of range for a 2×3 matrix (0 to 2)',
      'W[0, 3]',
    ],
    ['v = [1, 2]; f = v[1, 0]', 'v is a vector of 2: it takes 1 index', 'v[1, 0]'],
    ['x = 2; f = x[0]', 'x is a number; only a vector or matrix can be indexed', 'x[0]'],
    ['x = 2; f = x.T', '.T transposes a matrix, but x is a number', 'x.T'],
    ['x = 2; f = x @ [1]', '@ multiplies vectors and matrices, but x is a number', 'x @ [1]'],
    ['f = [1] @ 2', '@ multiplies vectors and matrices, but 2 is a number', '[1] @ 2'],
    ['x = 2; f = sum(x)', 'sum needs a vector or matrix, but x is a number', 'sum(x)'],
    ['x = 2; f = softmax(x)', 'softmax needs a vector or matrix, but x is a number', 'softmax(x)'],
    ['x = 2; f = max(x)', 'max needs at least 2 arguments, but 1 was given', 'max(x)'],
    ['v = [1]; f = sum(v, v)', 'sum takes one vector or matrix, but 2 were given', 'sum(v, v)'],
    ['f = mean()', 'mean takes one vector or matrix, but none was given', 'mean()'],
    [
      'f = sum([[1, 2], [3]])',
      'The rows of a matrix must be vectors of one length: row 1 is a vector of 1, row 0 is a vector of 2',
      '[[1, 2], [3]]',
    ],
    ['W = [[1, 2], [3]]; f = sum(W)', 'The rows of W must all have 2 numbers, as its first row does', '[3]'],
    [
      'f = sum([[[1]], [[2]]])',
      'A matrix is written as a list of rows; a list of matrices is not supported',
      '[[[1]], [[2]]]',
    ],
  ])('%s', (source, message, text) => {
    expect(failure(source)).toEqual({ message, phase: 'syntax', text });
  });

  it('a function may take a vector, but must return a number', () => {
    expect(failure('double(p) = p * 2; f = double([1, 2])')).toEqual({
      message: "double returns 2 values; for now a function's value must be one number",
      phase: 'syntax',
      text: 'double([1, 2])',
    });
    // Inside a body the error points at the body's text.
    expect(failure('g(p) = p @ p; f = g(3)')).toMatchObject({
      message: '@ multiplies vectors and matrices, but p is a number',
      text: 'p @ p',
    });
  });
});

describe('the output: one number, or a vector (its Jacobian)', () => {
  it.each([
    [
      'W = [[1, 2], [3, 4]]; f = W * 2',
      'The output f is a 2×2 matrix; the output must be one number (a loss) or a vector',
      'f = W * 2',
    ],
  ])('%s', (source, message, text) => {
    expect(failure(source)).toEqual({ message, phase: 'syntax', text });
  });

  it('a matrix output suggests a reduction', () => {
    const r = analyze('W = [[1, 2], [3, 4]]; f = W * 2');
    expect(!r.ok && r.error.hint).toMatch(/sum\(f\)/);
  });

  it('a vector output is analysed one element at a time, with the whole Jacobian', () => {
    // f = v is the identity: row k is ∂f[k]/∂v = the k-th unit vector.
    const r = ok('v = [1, 2]; f = v');
    expect(r.jacobian).toEqual([
      { 'v[0]': 1, 'v[1]': 0 },
      { 'v[0]': 0, 'v[1]': 1 },
    ]);
    expect(r.row).toBe(0);
    // Its elements are the inputs themselves.
    expect(r.graph.outputs?.map((o) => r.graph.label[o])).toEqual(['v[0]', 'v[1]']);
    const second = analyze('v = [1, 2]; f = v', {}, { row: 1 });
    expect(second.ok && [second.row, second.value, second.gradients]).toEqual([
      1,
      2,
      { 'v[0]': 0, 'v[1]': 1 },
    ]);
    // Rows out of range are the nearest one.
    expect((analyze('v = [1, 2]; f = v', {}, { row: 9 }) as { row?: number }).row).toBe(1);
    // Constants only: a Jacobian of 2 rows and no columns.
    expect(ok('f = softmax([1, 2])').jacobian).toEqual([{}, {}]);
    expect(ok('v = [1, 2]; v + 1').jacobian).toHaveLength(2);
  });

  it('a tensor line before the output is fine: only the last line must be one number', () => {
    expect(ok('v = [1, 2]; h = v * 3; f = sum(h)').value).toBe(9);
  });
});

describe('functions taking vectors and matrices', () => {
  it('loss(p, t) = sum((p - t)^2)', () => {
    const r = ok('loss(p, t) = sum((p - t)^2); p = [1, 2, 3]; t = [0, 2, 5]; f = loss(p, t)');
    expect(r.value).toBe(1 + 0 + 4);
    expect(gradientsOf(r, ['p[0]', 'p[1]', 'p[2]', 't[0]', 't[1]', 't[2]'])).toEqual([2, 0, -4, -2, 0, 4]);
    const g = r.graph.groups[0];
    expect(g?.fn).toBe('loss');
    expect(g?.params.map((n) => r.graph.label[n])).toEqual(['p[0]', 'p[1]', 'p[2]', 't[0]', 't[1]', 't[2]']);
  });

  it('called twice with different shapes, with @ inside, and with a literal argument', () => {
    const r = ok('lin(W, x) = sum(W @ x); A = [[1, 2], [3, 4]]; f = lin(A, [1, 1]) + lin([[2]], [5])');
    expect(r.value).toBe(10 + 10);
    expect(gradientsOf(r, ['A[0,0]', 'A[0,1]', 'A[1,0]', 'A[1,1]'])).toEqual([1, 1, 1, 1]);
    expect(r.graph.groups.map((g) => g.key)).toEqual(['lin#0', 'lin#1']);
  });

  it('reads the program’s tensors, and a parameter shadows a tensor of the same name', () => {
    expect(ok('v = [1, 2]; g(p) = sum(v) * p; f = g(3)').gradients).toEqual({ 'v[0]': 3, 'v[1]': 3 });
    const r = ok('v = [1, 2]; g(v) = sum(v * v); f = g([3, 4]) + v[0]');
    expect(r.value).toBe(25 + 1);
    expect(r.gradients).toEqual({ 'v[0]': 1, 'v[1]': 0 });
    expect(ok('v = [1, 2]; g(v) = v * 2; f = g(3) + sum(v)').value).toBe(9);
  });

  it('a call inside a call passes a tensor on', () => {
    const r = ok('inner(q) = sum(q^2); outer(p) = inner(p * 2); w = [1, 2]; f = outer(w)');
    expect(r.value).toBe(4 + 16);
    expect(gradientsOf(r, ['w[0]', 'w[1]'])).toEqual([8, 16]);
  });
});

describe('parse errors', () => {
  it.each([
    ['f = []', 'An empty [] has no value', '['],
    ['f = [1, 2', 'Missing "]" to close the "[" at column 5', '['],
    ['f = [1, 2) + 1', 'Missing "]" to close the "[" at column 5', '['],
    ['v = [1, 2]; i = 0; f = v[i]', 'An index is a whole number from 0, such as v[0] or W[1, 0]', 'i'],
    ['v = [1, 2]; f = v[-1]', 'An index is a whole number from 0, such as v[0] or W[1, 0]', '-'],
    ['v = [1, 2]; f = v[0.5]', 'An index is a whole number from 0, such as v[0] or W[1, 0]', '0.5'],
    ['v = [1, 2]; f = v[]', 'An index is a whole number from 0, such as v[0] or W[1, 0]', ']'],
    ['W = [[1]]; f = W.X', 'Only .T (transpose) can follow a "."', '.X'],
    ['W = [[1]]; f = W.t', 'Only .T (transpose) can follow a "."', '.t'],
    ['f = [1,]', 'An element is missing after this ","', ','],
    ['v = [1, 2]; f = v[1, 2, 3]', 'At most two indices: v[i] or W[i, j]', ','],
    ['f = [1, 2]]', 'This "]" has no "[" to close', ']'],
    ['f = [1 2]', 'Missing operator between "1" and "2"', '1 2'],
    ['f = [1] @', 'The "@" at column 9 has nothing on its right', '@'],
    ['f = @ [1]', 'Unexpected "@"', '@'],
  ])('%s', (source, message, text) => {
    const p = parse(source);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect({ message: p.error.message, text: source.slice(p.error.start, p.error.end) }).toEqual({
      message,
      text,
    });
    // analyze reports the same error.
    expect(failure(source).message).toBe(message);
  });

  it('the second comma of v[1, 2, 3] is the one pointed at', () => {
    const source = 'v = [1, 2]; f = v[1, 2, 3]';
    const p = parse(source);
    expect(!p.ok && p.error.start).toBe(source.lastIndexOf(','));
  });
});

describe('sum, mean, softmax and logsumexp stay usable as names', () => {
  it('a program that assigns sum keeps it as a variable', () => {
    const r = ok('sum = a + b; f = sum * 2');
    expect(r.value).toBe(4);
    expect(r.gradients).toEqual({ a: 2, b: 2 });
    expect(named(r, 'sum')).toBe(2);
  });

  it('mean = [1, 2] is a tensor named mean; mean(...) is then a product', () => {
    const r = ok('mean = [1, 2]; f = mean[0] + mean[1]');
    expect(r.gradients).toEqual({ 'mean[0]': 1, 'mean[1]': 1 });
    // Without the assignment, sum is the function.
    expect(failure('f = sum').message).toBe('"sum" is a function: write sum(…)');
    expect(ok('v = [1, 2]; f = sum(v)').value).toBe(3);
  });
});

describe('tensor literals declared as inputs', () => {
  it('a literal with only numbers declares inputs; one with names or expressions computes', () => {
    const r = ok('a = 2; v = [a, 3 * a]; f = sum(v)');
    expect(Object.keys(r.gradients)).toEqual(['a']);
    expect(r.gradients.a).toBe(4);
    expect(named(r, 'v[1]')).toBe(6);
  });

  // Each of these was a bug, watched failing (as it.fails) before the fix: a declared literal was only
  // checked row by row for its length, so nested or mixed lists were flattened into inputs.
  it('W = [[1, 2], [3, [4, 5]]] is refused, not a 2×2 matrix of five inputs', () => {
    const r = analyze('W = [[1, 2], [3, [4, 5]]]; f = sum(W)');
    expect(r.ok).toBe(false);
  });

  it('W = [[1, 2], [3, [4]]] is refused', () => {
    expect(analyze('W = [[1, 2], [3, [4]]]; f = sum(W)').ok).toBe(false);
  });

  it('W = [1, [2, 3]] is refused, as sum([1, [2, 3]]) is', () => {
    expect(analyze('f = sum([1, [2, 3]])').ok).toBe(false);
    expect(analyze('W = [1, [2, 3]]; f = sum(W)').ok).toBe(false);
  });

  it('W = [[[1]]] is refused as a list of matrices', () => {
    expect(analyze('W = [[[1]]]; f = sum(W)').ok).toBe(false);
  });

  it('a number among rows is named once, not compared with itself', () => {
    expect(failure('f = sum([1, [2, 3]])').message).not.toMatch(/row 0 is a number, row 0 is a number/);
  });
});
