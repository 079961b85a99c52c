import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, jacobian } from '../../src/core';

/* The Jacobian both ways (reverse mode row by row, forward mode column by column), against the lecture's
 * numbers and against central differences. */

describe('the Jacobian', () => {
  it('the lecture’s y = [−5·x1 + x2, x1²] at x1 = 3 gives [[−5, 1], [6, 0]], both ways', () => {
    const j = jacobian('x1 = 3; x2 = 1\ny = [-5*x1 + x2, x1^2]');
    if (!j.ok) throw new Error(j.error.message);
    expect(j.outputs).toEqual(['y[0]', 'y[1]']);
    expect(j.values).toEqual([-14, 9]);
    expect(j.rows).toEqual([
      [-5, 1],
      [6, 0],
    ]);
    expect(j.byColumns).toEqual(j.rows);
    expect(j.jacobian[0]).toEqual({ x1: -5, x2: 1 });
  });

  it('softmax and a tanh layer: both ways agree with central differences', () => {
    for (const src of [
      'z = [1, 2, 0.5]\np = softmax(z)',
      'W = [[0.5, -1], [2, 0.3]]\nx = [0.7, -0.2]\nh = tanh(W @ x)',
    ]) {
      const j = jacobian(src);
      if (!j.ok) throw new Error(j.error.message);
      const base = Object.fromEntries(j.inputs.map((name, k) => [name, j.at[k] as number]));
      j.inputs.forEach((name, c) => {
        const h = 1e-6;
        const at = (d: number) => {
          const r = jacobian(src, { ...base, [name]: (base[name] as number) + d });
          if (!r.ok) throw new Error(r.error.message);
          return r.values;
        };
        const up = at(h);
        const down = at(-h);
        j.outputs.forEach((_, r) => {
          const numeric = ((up[r] as number) - (down[r] as number)) / (2 * h);
          expect(j.rows[r]?.[c]).toBeCloseTo(numeric, 6);
          expect(j.byColumns[r]?.[c]).toBeCloseTo(j.rows[r]?.[c] as number, 12);
        });
      });
    }
  });

  it('a scalar output is one row, its gradient', () => {
    const j = jacobian('x = 2\nf = x^3');
    expect(j.ok && j.rows).toEqual([[12]]);
  });

  it('analyze still refuses a vector output, pointing at the Jacobian', () => {
    const a = analyze('x1 = 3; x2 = 1\ny = [-5*x1 + x2, x1^2]');
    expect(a.ok).toBe(false);
    if (!a.ok) {
      expect(a.error.vectorOutput).toBe(true);
      expect(a.error.hint).toContain('Its Jacobian is shown');
    }
    // A matrix output has no Jacobian view (yet): the plain message.
    const m = analyze('W = [[1, 2], [3, 4]]\nM = W * 2');
    expect(!m.ok && m.error.vectorOutput).toBe(undefined);
  });

  it('random small programs: both ways agree', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (a, b) => {
          const j = jacobian(`x = ${a}; y = ${b}\nv = [x*y + sin(x), exp(y/3) - x^2, relu(x - y)]`);
          if (!j.ok) throw new Error(j.error.message);
          j.rows.forEach((row, r) => {
            row.forEach((v, c) => {
              expect(Math.abs(v - (j.byColumns[r]?.[c] as number))).toBeLessThan(
                1e-12 * Math.max(1, Math.abs(v)),
              );
            });
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
