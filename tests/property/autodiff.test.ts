import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, cornerWithin, tangent } from '../../src/core';
import { envArb, evaluate, program, type Tree, treeArb } from './programs';

const close = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The numeric oracle, computed with the independent evaluator (not Gradflow's forward pass): central
 * differences at h and h/2 combined by Richardson extrapolation. Undefined at a corner (the one-sided
 * slopes differ) and where the function is too steep to sample (the two step sizes disagree).
 */
const stepFor = (x: number) => 1e-5 * Math.max(1, Math.abs(x));

function numericGradient(tree: Tree, env: Record<string, number>, name: string): number | undefined {
  const x = env[name] as number;
  const f = (dx: number) => evaluate(tree, { ...env, [name]: x + dx });
  const d = (h: number) => (f(h) - f(-h)) / (2 * h);
  // Where f′ itself has a corner (relu(a)² at 0) Richardson is only O(h) accurate: h = 1e-5 keeps that
  // below the 1e-4 tolerance, while round-off (ε/h ≈ 1e-11) stays far below it.
  const h = stepFor(x);
  // At a corner the one-sided slopes differ by O(1); on smooth ground only by about h·f''.
  const left = (f(0) - f(-h)) / h;
  const right = (f(h) - f(0)) / h;
  if (!close(left, right, 1e-2)) return undefined;
  const coarse = d(h);
  const fine = d(h / 2);
  if (!Number.isFinite(coarse) || !Number.isFinite(fine) || !close(coarse, fine, 1e-4)) return undefined;
  return (4 * fine - coarse) / 3;
}

describe('random programs', () => {
  it('values match an independent evaluator; reverse mode = forward mode = central differences', () => {
    let compared = 0;
    fc.assert(
      fc.property(treeArb, envArb, fc.nat(11), (tree, env, style) => {
        const expected = evaluate(tree, env);
        fc.pre(Number.isFinite(expected) && Math.abs(expected) < 1e8);
        const source = program(tree, style);
        const r = analyze(source, env);
        if (!r.ok) {
          // Only overflow inside (exp of something large) may stop a program that is defined everywhere.
          expect(r.error.message, source).toMatch(/overflows|no finite derivative/);
          return;
        }
        expect(close(r.value, expected, 1e-9), `${source}: ${r.value} vs ${expected}`).toBe(true);

        for (const inp of r.inputs) {
          const reverse = r.grads[inp.node] as number;
          const fwd = tangent(r.graph, r.values, inp.node)[r.graph.output] as number;
          expect(
            close(reverse, fwd, 1e-9),
            `${source}: ∂/∂${inp.name} reverse ${reverse}, forward ${fwd}`,
          ).toBe(true);
          // A corner within x ± h (possibly a denormal distance away) makes any finite difference blind.
          if (cornerWithin(r.graph, r.values, inp.node, stepFor(inp.value))) continue;
          const numeric = numericGradient(tree, env, inp.name);
          if (numeric === undefined) continue;
          expect(
            close(reverse, numeric, 1e-4),
            `${source}: ∂/∂${inp.name} reverse ${reverse}, numeric ${numeric}`,
          ).toBe(true);
          compared++;
        }
      }),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(250);
  });

  it('the backward steps sum to each input’s gradient', () => {
    fc.assert(
      fc.property(treeArb, envArb, (tree, env) => {
        const r = analyze(program(tree, 0), env);
        fc.pre(r.ok);
        if (!r.ok) return;
        for (const inp of r.inputs) {
          const into = r.steps.toArray().filter((s) => s.source === inp.node);
          // The output itself starts with the seed ∂out/∂out = 1; every other node starts at 0.
          const seed = inp.node === r.graph.output ? 1 : 0;
          const sum = into.reduce((acc, s) => acc + s.contribution, seed);
          expect(close(sum, r.grads[inp.node] as number, 1e-12)).toBe(true);
          if (seed === 0) expect(into.at(-1)?.after ?? 0).toBe(r.grads[inp.node]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
