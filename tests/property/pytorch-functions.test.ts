import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnalysisOk,
  analyze,
  CALL_CODE,
  COMPOSITES,
  collapse,
  nodeNames,
  toPyTorch,
} from '../../src/core';
import { pyTorchScript } from '../../src/core/pytorch';
import { parsePrinted, type RunResult, runScripts } from '../py/run';

/*
 * Programs with functions: the script that writes them as Python functions prints exactly what the
 * script with every call inlined prints (tests/property/pytorch.test.ts checks that one against
 * Gradflow on every program), since it runs the same operations on the same values in the same order.
 * And it really writes them: every function a line of the output calls is a `def`.
 */

/** A random expression, its leaves and calls picked by index from what is in scope where it is written. */
type Shape =
  | { k: 'leaf'; n: number }
  | { k: 'un'; fn: string; a: Shape }
  | { k: 'neg'; a: Shape }
  | { k: 'bin'; op: string; a: Shape; b: Shape }
  | { k: 'call'; n: number; args: Shape[] };

const shapeArb: fc.Arbitrary<Shape> = fc.letrec<{ s: Shape }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.nat(99).map((n): Shape => ({ k: 'leaf', n })),
    fc.record({
      k: fc.constant('un' as const),
      fn: fc.constantFrom('exp', 'log', 'sqrt', 'sin', 'tanh', 'sigmoid', 'relu', 'abs'),
      a: tie('s'),
    }),
    fc.record({ k: fc.constant('neg' as const), a: tie('s') }),
    fc.record({
      k: fc.constant('bin' as const),
      op: fc.constantFrom('+', '-', '*', '/', '^'),
      a: tie('s'),
      b: tie('s'),
    }),
    fc.record({ k: fc.constant('call' as const), n: fc.nat(99), args: fc.array(tie('s'), { maxLength: 3 }) }),
  ),
})).s;

interface Fn {
  name: string;
  arity: number;
}

function render(s: Shape, leaves: readonly string[], fns: readonly Fn[]): string {
  switch (s.k) {
    case 'leaf':
      return leaves[s.n % leaves.length] as string;
    case 'un':
      return `${s.fn}(${render(s.a, leaves, fns)})`;
    case 'neg':
      return `-(${render(s.a, leaves, fns)})`;
    case 'bin':
      return `(${render(s.a, leaves, fns)}) ${s.op} (${render(s.b, leaves, fns)})`;
    case 'call': {
      const args = s.args.map((a) => render(a, leaves, fns));
      if (args.length === 0) args.push(leaves[s.n % leaves.length] as string);
      const fn = fns[s.n % Math.max(1, fns.length)];
      if (!fn) return `max(${args.join(', ')}, ${leaves[s.n % leaves.length]})`;
      return `${fn.name}(${Array.from({ length: fn.arity }, (_, k) => args[k % args.length]).join(', ')})`;
    }
  }
}

/** Function names, some Python's or the script's own; parameter names, some spelled like the program's. */
const FN_NAMES = ['g', 'u1', 'def', 'print', 'sig'];
const PARAMS = ['z', 'x', 'lambda', 'None', 'torch', 't1', 'first_max', 'q', 'w'];
const LITERALS = ['2', '0.5', '(-3)', 'pi', '1e-7'];

const defArb = fc.record({
  params: fc.shuffledSubarray(PARAMS, { minLength: 1, maxLength: 3 }),
  body: shapeArb,
});

interface Case {
  source: string;
  values: Record<string, number>;
}

const valueArb = fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom(0, -0, 1, -1, 2));

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    defs: fc.array(defArb, { minLength: 1, maxLength: FN_NAMES.length }),
    q: shapeArb,
    out: shapeArb,
    alias: fc.boolean(),
    x: valueArb,
    y: valueArb,
    tie: fc.boolean(),
  })
  .map(({ defs, q, out, alias, x, y, tie }) => {
    const fns: Fn[] = [];
    const lines: string[] = [];
    // Each function may call the ones before it and read x, y, q (and r, the other name of q).
    defs.forEach((d, k) => {
      const name = FN_NAMES[k] as string;
      lines.push(
        `${name}(${d.params.join(', ')}) = ${render(d.body, [...d.params, 'x', 'y', 'q', 'r', ...LITERALS], fns)}`,
      );
      fns.push({ name, arity: d.params.length });
    });
    lines.push(`q = ${render(q, ['x', 'y', ...LITERALS], fns)}`);
    lines.push(alias ? 'r = q' : 'r = q * 1');
    lines.push(
      `out = ${render(out, ['x', 'y', 'q', 'r', ...LITERALS], fns)} + ${fns.map((f) => `${f.name}(${Array(f.arity).fill('y').join(', ')})`).join(' + ')}`,
    );
    return { source: lines.join('\n'), values: { x, y: tie ? x : y } };
  });

/** The functions a line of the output calls (not the built-in composites). */
function calledByOutput(full: AnalysisOk): Set<string> {
  const g = collapse(full, new Set()).graph;
  const called = new Set<string>();
  for (let id = 0; id < g.size; id++) {
    const fn = g.fn[id] as string;
    if (g.op[id] === CALL_CODE && !COMPOSITES.includes(fn as never)) called.add(fn);
  }
  return called;
}

function printed(run: RunResult) {
  if (run.error) return run.error;
  const p = parsePrinted(run.stdout);
  return JSON.stringify([p.value, Object.entries(p.grads)].flat(2).map((v) => (Object.is(v, -0) ? '-0' : v)));
}

describe('Copy as PyTorch on random programs with functions', () => {
  it('the functions’ script prints exactly what the inlined script prints, and defines each function', () => {
    const seed = Number(process.env.PYTORCH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const numRuns = Number(process.env.PYTORCH_RUNS ?? 400);
    const replay = `replay with PYTORCH_SEED=${seed}`;
    const accepted = fc.sample(caseArb, { seed, numRuns }).flatMap((c) => {
      const r = analyze(c.source, c.values);
      return r.ok
        ? [{ c, r, code: pyTorchScript(r), inlined: toPyTorch(r.graph, nodeNames(r.graph), r.inputs) }]
        : [];
    });
    expect(accepted.length, replay).toBeGreaterThan(numRuns / 4);
    const runs = runScripts(accepted.flatMap((a) => [a.code, a.inlined]));
    const failures: string[] = [];
    accepted.forEach((a, k) => {
      const mine = printed(runs[2 * k] as RunResult);
      const reference = printed(runs[2 * k + 1] as RunResult);
      const missing = [...calledByOutput(a.r)].filter((fn) => !a.code.includes(`def ${fn}`));
      if (mine !== reference || missing.length > 0)
        failures.push(
          `${JSON.stringify(a.c)}\n${mine}\nvs inlined ${reference}\nno def for ${missing}\n${a.code}`,
        );
    });
    expect(failures.slice(0, 2), replay).toEqual([]);
    // The property is about something: calls that read the program's names, renamed parameters.
    expect(
      accepted.filter((a) => /^def \w+\(.*\b(lambda|None|torch)_/m.test(a.code)).length,
      replay,
    ).toBeGreaterThan(numRuns / 50);
  });
});
