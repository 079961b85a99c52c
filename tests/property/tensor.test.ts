import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, cornerWithin, forward, parse } from '../../src/core';
import { choicesArb, makeCase } from './tensor-programs';

/*
 * Random small programs with vectors and matrices, checked against (a) the same program written out by
 * hand as scalars, by this file's own expander (every element its own input or statement; a matmul
 * element a sum of products), and (b) central differences of the value. Programs are drawn from a stream
 * of choices, so that fast-check shrinks a failing program by shrinking the stream.
 */

const close = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Central differences of the tensor program's value in input k, Richardson-extrapolated; undefined where not smooth. */
function numeric(r: AnalysisOk, k: number, h: number): number | undefined {
  const base = r.inputs.map((i) => i.value);
  const f = (dx: number) => {
    const xs = base.slice();
    xs[k] = (xs[k] as number) + dx;
    const fw = forward(r.graph, xs);
    return fw.ok ? (fw.values[r.graph.output] as number) : Number.NaN;
  };
  const d = (s: number) => (f(s) - f(-s)) / (2 * s);
  const coarse = d(h);
  const fine = d(h / 2);
  if (!Number.isFinite(coarse) || !Number.isFinite(fine) || !close(coarse, fine, 1e-4)) return undefined;
  return (4 * fine - coarse) / 3;
}

describe('random tensor programs', () => {
  it('equal their scalar expansion (value and every gradient) and central differences', () => {
    let expanded = 0;
    let differenced = 0;
    let tensorOps = 0;
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const c = makeCase(choices);
        const t = analyze(c.tensor);
        const s = analyze(c.scalar);
        if (!t.ok || !s.ok) {
          // Only an overflow (exp of something large) may stop them, and then it stops both.
          expect(t.ok, `${c.tensor}\n---\n${c.scalar}`).toBe(false);
          expect(s.ok, `${c.tensor}\n---\n${c.scalar}`).toBe(false);
          if (!t.ok) expect(t.error.message, c.tensor).toMatch(/overflows/);
          return;
        }
        expanded++;
        tensorOps += t.graph.tensors.length;
        const where = `\n${c.tensor}\n--- expanded:\n${c.scalar}`;
        expect(close(t.value, s.value, 1e-12), `value ${t.value} vs ${s.value}${where}`).toBe(true);
        // Every element of every tensor input is an input, by its element name.
        expect(Object.keys(t.gradients).sort(), where).toEqual(c.names.map((n) => n.tensor).sort());
        for (const n of c.names) {
          const gt = t.gradients[n.tensor] as number;
          const gs = s.gradients[n.scalar] as number;
          expect(close(gt, gs, 1e-12), `∂f/∂${n.tensor}: ${gt} vs ${gs}${where}`).toBe(true);
        }
        if (Math.abs(t.value) > 1e6) return;
        t.inputs.forEach((inp, k) => {
          const h = 1e-5 * Math.max(1, Math.abs(inp.value));
          // Central differences are blind across a relu or max corner within reach of ±h.
          if (cornerWithin(t.graph, t.values, inp.node, 2 * h)) return;
          const d = numeric(t, k, h);
          if (d === undefined) return;
          const g = t.gradients[inp.name] as number;
          expect(close(g, d, 1e-5), `∂f/∂${inp.name}: ${g} vs numeric ${d}${where}`).toBe(true);
          differenced++;
        });
      }),
      { numRuns: 400 },
    );
    // The programs are not all trivial: most run, and they use tensor operations.
    expect(expanded).toBeGreaterThan(350);
    expect(tensorOps / expanded).toBeGreaterThan(3);
    expect(differenced).toBeGreaterThan(1500);
  });
});

/** Text made from the language's tensor fragments. */
const FRAGMENTS = [
  '[',
  ']',
  '[',
  ']',
  '@',
  '.T',
  '.',
  ',',
  ', ',
  '0',
  '1',
  '2',
  '2.5',
  '-',
  '+',
  '*',
  '/',
  '^2',
  '(',
  ')',
  '=',
  ';',
  '\n',
  ' ',
  'x',
  'W',
  'v',
  'T',
  'sum',
  'mean',
  'max',
  'min',
  'softmax',
  'logsumexp',
  'relu',
  'f(p) = ',
  'f',
  'p',
  'e',
];

function checkNeverThrows(source: string) {
  let p: ReturnType<typeof parse> | undefined;
  let a: ReturnType<typeof analyze> | undefined;
  expect(() => {
    p = parse(source);
  }, source).not.toThrow();
  expect(() => {
    a = analyze(source);
  }, source).not.toThrow();
  for (const r of [p, a])
    if (r && !r.ok) {
      expect(r.error.start, source).toBeGreaterThanOrEqual(0);
      expect(r.error.end, source).toBeGreaterThanOrEqual(r.error.start);
      expect(r.error.end, source).toBeLessThanOrEqual(source.length);
      expect(r.error.message.length, source).toBeGreaterThan(0);
    }
  if (a?.ok) expect(Number.isFinite(a.value), source).toBe(true);
}

describe('parse and analyze never throw on text made of tensor fragments', () => {
  const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((xs) => xs.join(''));

  it('on random fragments', () => {
    fc.assert(fc.property(fragments, checkNeverThrows), { numRuns: 1000 });
  });

  it('after declarations of a matrix and a vector, so that more of it reaches the builder', () => {
    const prefix = 'W = [[1, 2], [3, 4]]; v = [1, -2]; x = 0.5\ng = ';
    fc.assert(
      fc.property(fragments, (s) => checkNeverThrows(prefix + s)),
      { numRuns: 1000 },
    );
  });
});
