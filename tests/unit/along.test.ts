import { describe, expect, it } from 'vitest';
import { type AnalysisOk, alongInput, analyze } from '../../src/core';

/* The function along one input: its values and slopes against the calculus, and its kinks where the
 * nonsmooth gates switch. */

function ok(source: string): AnalysisOk {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  return a;
}

describe('the function along one input', () => {
  it('the polynomial: values and slopes are f and f′, and there is no kink', () => {
    const d = alongInput(ok('x = 1.5\nf = 0.5*x^4 - 2*x^2 + x + 5'), 'x', -2, 2, 41);
    d.xs.forEach((x, k) => {
      expect(d.ys[k]).toBeCloseTo(0.5 * x ** 4 - 2 * x ** 2 + x + 5, 10);
      expect(d.slopes[k]).toBeCloseTo(2 * x ** 3 - 4 * x + 1, 10);
    });
    expect(d.kinks).toEqual([]);
  });

  it('relu and max: the kinks sit where the gates switch, the others held at their values', () => {
    // relu(x - 1) bends at x = 1; max(x, y) with y = -0.5 switches at x = -0.5.
    const d = alongInput(ok('x = 0; y = -0.5\nf = relu(x - 1) + max(x, y)'), 'x', -2, 2, 81);
    expect(d.kinks).toHaveLength(2);
    expect(d.kinks[0]).toBeCloseTo(-0.5, 1);
    expect(d.kinks[1]).toBeCloseTo(1, 1);
    // Slopes: 0 left of −0.5, 1 between, 2 right of 1.
    expect(d.slopes[0]).toBe(0);
    expect(d.slopes[40]).toBe(1);
    expect(d.slopes[80]).toBe(2);
  });

  it('outside a function’s domain the value is NaN, not an error', () => {
    const d = alongInput(ok('x = 1\nf = log(x)'), 'x', -1, 1, 21);
    expect(Number.isNaN(d.ys[0] as number)).toBe(true);
    expect(d.ys[20]).toBeCloseTo(0, 12);
  });
});
