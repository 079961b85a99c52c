import { describe, expect, it } from 'vitest';
import { ALL_OPS, analyze, FUNCTIONS, OP, type OpSpec } from '../../src/core';

/** Points inside each op's domain and away from its corners, where the derivative exists. */
const POINTS: Record<string, number[][]> = {
  unary: [[-2.3], [-0.7], [0.4], [1.9]],
  positive: [[0.3], [1], [2.5], [7]],
  binary: [
    [1.5, -2],
    [-0.5, 3],
    [2, 0.25],
  ],
  pow: [
    [1.5, 2],
    [0.7, -1.5],
    [2, 0.5],
    [-1.5, 3],
  ],
  many: [
    [1, 3, 2],
    [-4, -1, -2.5],
    [0.5, 0.25],
  ],
};
const pointsFor = (op: OpSpec) =>
  op.name === 'pow'
    ? POINTS.pow
    : ['log', 'log10', 'log2', 'sqrt'].includes(op.name)
      ? POINTS.positive
      : op.maxArgs > 2
        ? POINTS.many
        : op.maxArgs === 2
          ? POINTS.binary
          : POINTS.unary;

describe('every op: local derivative against central differences', () => {
  // A collapsed call's local derivatives come from its inside (Graph.callLocal), not from its inputs:
  // tests/unit/staged.test.ts holds them against the inlined program.
  const gates = ALL_OPS.filter((o) => o.maxArgs > 0 && o.name !== 'call');
  it('covers every op in the table', () => {
    expect(gates.map((o) => o.name).sort()).toEqual(
      [
        'abs',
        'add',
        'cos',
        'div',
        'exp',
        'log',
        'log10',
        'log2',
        'max',
        'min',
        'mul',
        'neg',
        'param',
        'pow',
        'relu',
        'sigmoid',
        'sin',
        'sqrt',
        'sub',
        'tan',
        'tanh',
      ].sort(),
    );
  });
  for (const op of gates) {
    it(op.name, () => {
      for (const x of pointsFor(op) as number[][]) {
        expect(op.domain?.(x) ?? null).toBeNull();
        const out = op.forward(x);
        for (let i = 0; i < x.length; i++) {
          // The exponent's derivative a^b·ln a does not exist for a negative base.
          if (op.name === 'pow' && i === 1 && (x[0] as number) < 0) continue;
          const h = 1e-6 * Math.max(1, Math.abs(x[i] as number));
          const plus = x.slice();
          const minus = x.slice();
          plus[i] = (x[i] as number) + h;
          minus[i] = (x[i] as number) - h;
          const numeric = (op.forward(plus) - op.forward(minus)) / (2 * h);
          expect(op.partial(x, out, i), `${op.name} ∂/∂x${i} at ${x}`).toBeCloseTo(numeric, 5);
        }
      }
    });
  }
});

describe('conventions at corners', () => {
  it("relu'(0) = 0 and |x|'(0) = 0, the subgradients PyTorch uses", () => {
    expect(OP.relu.partial([0], 0, 0)).toBe(0);
    expect(OP.abs.partial([0], 0, 0)).toBe(0);
    expect(OP.relu.partial([1e-300], 1e-300, 0)).toBe(1);
    expect(OP.abs.partial([-1e-300], 1e-300, 0)).toBe(-1);
  });

  it('max and min ties: the first argument that attains the extreme gets the whole gradient', () => {
    const r = analyze('max(a, b, c)', { a: 1, b: 3, c: 3 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.gradients).toEqual({ a: 0, b: 1, c: 0 });
    const m = analyze('min(a, b)', { a: 2, b: 2 });
    if (!m.ok) throw new Error(m.error.message);
    expect(m.gradients).toEqual({ a: 1, b: 0 });
  });

  it('a tie is explained at the step where it matters', () => {
    const text = OP.max.explain({ x: [3, 3], out: 3, i: 1, names: ['x2', 'x3'], constant: [false, false] });
    expect(text).toContain('tie');
    expect(text).toContain('x3 gets 0');
  });
});

describe('the op table drives the language', () => {
  it('every function a student can call maps to an op', () => {
    expect([...FUNCTIONS.keys()].sort()).toEqual(
      [
        'abs',
        'cos',
        'exp',
        'ln',
        'log',
        'log10',
        'log2',
        'max',
        'min',
        'pow',
        'relu',
        'sigmoid',
        'sin',
        'sqrt',
        'tan',
        'tanh',
      ].sort(),
    );
  });

  it('log is the natural log and ln is the same op', () => {
    const a = analyze('log(x)', { x: Math.E });
    const b = analyze('ln(x)', { x: Math.E });
    if (!a.ok || !b.ok) throw new Error('failed');
    expect(a.value).toBeCloseTo(1, 12);
    expect(b.value).toBeCloseTo(1, 12);
  });

  it('sigmoid does not overflow far from 0', () => {
    expect(OP.sigmoid.forward([-1000])).toBe(0);
    expect(OP.sigmoid.forward([1000])).toBe(1);
  });

  it('every gate names its pattern and explains an edge in words', () => {
    expect(OP.add.pattern).toBe('distributes');
    expect(OP.mul.pattern).toBe('swaps');
    expect(OP.max.pattern).toBe('routes');
    expect(OP.exp.pattern).toBe('own-output');
    const scale = OP.mul.explain({ x: [2, 5], out: 10, i: 1, names: ['2', 'x'], constant: [true, false] });
    expect(scale).toMatch(/scalar multiply scales/);
    const swap = OP.mul.explain({ x: [3, -4], out: -12, i: 0, names: ['q', 'z'], constant: [false, false] });
    expect(swap).toMatch(/mul swaps.*z = −4/);
  });
});
