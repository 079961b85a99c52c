import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, gradientDescent } from '../../src/core';

/* Gradient descent: θ ← θ − α ∂L/∂θ on the program's graph, checked against the calculus of the lecture's
 * polynomial and against a step worked by hand. */

function ok(source: string): AnalysisOk {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  return a;
}

const POLY = 'x = 1.5\nf = 0.5*x^4 - 2*x^2 + x + 5';

describe('gradient descent', () => {
  it('one step by hand: x = 1.5, f′(x) = 2x³ − 4x + 1 = 1.75, α = 0.05 → x = 1.4125', () => {
    const d = gradientDescent(ok(POLY), ['x'], 0.05, 1);
    expect(d.path[0]?.grads.x).toBeCloseTo(1.75, 12);
    expect(d.path[1]?.params.x).toBeCloseTo(1.5 - 0.05 * 1.75, 12);
    expect(d.path[1]?.loss).toBeLessThan(d.path[0]?.loss as number);
  });

  it('the polynomial 0.5x⁴ − 2x² + x + 5 from 1.5 with α = 0.05 converges to the local minimum near 1.2670', () => {
    const d = gradientDescent(ok(POLY), ['x'], 0.05, 200);
    expect(d.stopped).toBeUndefined();
    const end = d.path[d.path.length - 1];
    // The minimum solves f′(x) = 2x³ − 4x + 1 = 0.
    expect(end?.params.x).toBeCloseTo(1.267, 3);
    expect(Math.abs(end?.grads.x as number)).toBeLessThan(1e-9);
    // Each step lowers the loss (a small enough rate on a smooth function).
    for (let k = 1; k < d.path.length; k++)
      expect(d.path[k]?.loss).toBeLessThanOrEqual((d.path[k - 1]?.loss as number) + 1e-12);
  });

  it('a learning rate too large diverges, and says so', () => {
    const d = gradientDescent(ok(POLY), ['x'], 1, 50);
    expect(d.stopped).toMatch(/diverged: .* try a smaller learning rate/);
    expect(d.path.length).toBeLessThan(50);
  });

  it('only the chosen parameters move; a tensor program descends on its elements', () => {
    const a = ok('x = 2; w = 3; b = 0.5; y = 1\nL = (w*x + b - y)^2');
    const d = gradientDescent(a, ['w', 'b'], 0.01, 300);
    const end = d.path[d.path.length - 1];
    expect(end?.loss).toBeLessThan(1e-8);
    // x and y are data, held fixed: w·2 + b → 1.
    expect((end?.params.w as number) * 2 + (end?.params.b as number)).toBeCloseTo(1, 4);
    const t = ok('W = [[1, 2]]; x = [1, -1]\nL = sum((W @ x - 3)^2)');
    const dt = gradientDescent(t, ['W[0,0]', 'W[0,1]'], 0.1, 100);
    expect(dt.path[dt.path.length - 1]?.loss).toBeLessThan(1e-10);
  });
});
