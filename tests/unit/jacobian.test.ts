import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, jacobian, tangentPass } from '../../src/core';

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

  it('analyze returns it as `jacobian`: one row per output element, keyed by input name', () => {
    const a = analyze('x1 = 3; x2 = 1\ny = [-5*x1 + x2, x1^2]');
    if (!a.ok) throw new Error(a.error.message);
    expect(a.jacobian).toEqual([
      { x1: -5, x2: 1 },
      { x1: 6, x2: 0 },
    ]);
    // The rest of the analysis is about row 0, y[0] = −14, unless another row is asked for.
    expect([a.row, a.value, a.gradients]).toEqual([0, -14, { x1: -5, x2: 1 }]);
    const b = analyze('x1 = 3; x2 = 1\ny = [-5*x1 + x2, x1^2]', {}, { row: 1 });
    expect(b.ok && [b.row, b.value, b.gradients, b.steps.length]).toEqual([1, 9, { x1: 6, x2: 0 }, 1]);
    // A matrix output has no Jacobian view (yet): the plain message.
    const m = analyze('W = [[1, 2], [3, 4]]\nM = W * 2');
    expect(m.ok).toBe(false);
  });

  it('random small programs: both ways agree', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (a, b) => {
          const source = `x = ${a}; y = ${b}\nv = [x*y + sin(x), exp(y/3) - x^2, relu(x - y)]`;
          const j = jacobian(source);
          if (!j.ok) throw new Error(j.error.message);
          // analyze's rows are the same, and each row's gradients are the backward pass of that element.
          for (let row = 0; row < 3; row++) {
            const r = analyze(source, {}, { row });
            if (!r.ok) throw new Error(r.error.message);
            expect(r.jacobian).toEqual(j.jacobian);
            expect(r.gradients).toEqual(j.jacobian[row]);
            // The forward-mode replay seeded on x reaches every element: a column.
            const pass = tangentPass(r.graph, r.values, r.inputs[0]?.node as number);
            expect(r.graph.allOutputs.map((o) => pass.dots[o])).toEqual(j.byColumns.map((c) => c[0]));
          }
          j.rows.forEach((row, r) => {
            row.forEach((v, c) => {
              expect(Math.abs(v - (j.byColumns[r]?.[c] as number))).toBeLessThan(
                1e-12 * Math.max(1, Math.abs(v)),
              );
            });
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
