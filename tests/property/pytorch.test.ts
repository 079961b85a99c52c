import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_OPS, type AnalysisOk, analyze, type OpSpec } from '../../src/core';
import { pyTorchScript } from '../../src/core/pytorch';
import { parsePrinted, type RunResult, runScript, runScripts } from '../py/run';
import { program, type Tree, treeArb, VARS } from './programs';

/*
 * For every program Gradflow accepts, "Copy as PyTorch" gives a script that runs and prints the same
 * value and gradients. The scripts run under the torch stand-in (tests/py/torch), hundreds in one python3
 * process; a failure is then shrunk with fast-check, one python3 run per candidate.
 */

// --- Programs ---------------------------------------------------------------------------------------------

/** Variable names, some of them Python keywords or names the script itself uses. */
const NAME_SETS: readonly (readonly string[])[] = [
  VARS,
  ['torch', 'torch_', 'lambda', 'print', 'x1'],
  ['math', 'float', 'first_max', 'None', 'torch_1'],
  ['first_min', 'True', 'def', 'builtins', 'f'],
];

function rename(t: Tree, to: Record<string, string>): Tree {
  switch (t.t) {
    case 'var':
      return { t: 'var', name: to[t.name] ?? t.name };
    case 'num':
      return t;
    case 'un':
      return { ...t, a: rename(t.a, to) };
    case 'bin':
      return { ...t, a: rename(t.a, to), b: rename(t.b, to) };
    default:
      return { t: t.t, args: t.args.map((a) => rename(a, to)) };
  }
}

/** Edge values: zeros of both signs, corners, huge and tiny magnitudes, numbers with long reprs. */
const EDGE = [
  0,
  -0,
  1,
  -1,
  2,
  -2,
  0.5,
  0.1,
  1 / 3,
  1e-300,
  -1e-300,
  5e-324,
  1e21,
  -1e21,
  1e300,
  123456.789,
  1e15,
];
const valueArb = fc.oneof(
  { weight: 2, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE) },
);
/** Values for the five variables; often several equal, so that max and min tie. */
const valuesArb = fc.oneof(
  fc.array(valueArb, { minLength: 5, maxLength: 5 }),
  valueArb.map((v) => [v, v, v, v, v]),
  fc.tuple(valueArb, valueArb).map(([p, q]) => [p, q, p, q, p]),
);

interface Case {
  source: string;
  values: Record<string, number>;
}

/** The existing generator's programs, in its spellings, with renamed variables and edge values. */
const generated: fc.Arbitrary<Case> = fc
  .record({ tree: treeArb, style: fc.nat(11), names: fc.constantFrom(...NAME_SETS), values: valuesArb })
  .map(({ tree, style, names, values }) => {
    const to = Object.fromEntries(VARS.map((v, k) => [v, names[k] as string]));
    return {
      source: program(rename(tree, to), style),
      values: Object.fromEntries(names.map((n, k) => [n, values[k] as number])),
    };
  });

/**
 * What the generator does not make: pow with any exponent, log10, log2, tan, pi and e, literals that
 * are huge or tiny, negative bases, and parts that use no input at all.
 */
const LITERALS = ['2', '0', '0.5', '(-2)', '-3', '1e21', '1e308', '5e-324', '0.1', 'pi', 'e', '1e-7', '3'];
const FUNCTIONS = [
  'log10',
  'log2',
  'tan',
  'exp',
  'log',
  'sqrt',
  'abs',
  'relu',
  'sigmoid',
  'tanh',
  'sin',
  'cos',
];
const extraText: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', 'x', 'y', ...LITERALS),
    fc.tuple(fc.constantFrom(...FUNCTIONS), tie('e')).map(([fn, a]) => `${fn}(${a})`),
    tie('e').map((a) => `-(${a})`),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '**'), tie('e'))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc
      .tuple(fc.constantFrom('max', 'min', 'pow'), fc.array(tie('e'), { minLength: 2, maxLength: 3 }))
      .map(([fn, args]) => `${fn}(${(fn === 'pow' ? args.slice(0, 2) : args).join(', ')})`),
  ),
})).e;
const extra: fc.Arbitrary<Case> = fc
  .record({ source: extraText, x: valueArb, y: valueArb, tie: fc.boolean() })
  .map(({ source, x, y, tie }) => ({ source, values: { x, y: tie ? x : y } }));

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 3, arbitrary: generated },
  { weight: 2, arbitrary: extra },
);

// --- Comparing ------------------------------------------------------------------------------------------

/**
 * Gradflow's doubles and torch's may differ by rounding: where their formulas group the arithmetic
 * differently (g·(1/b) vs g/b, the order of a sum), and where JavaScript's Math functions and C's libm
 * round differently (V8's (1e-7)**-2 is 1e14, glibc's is 1 ulp above). So a number is compared
 * relative to itself, or for a gradient to the sum of |upstream × local| over every path (which bounds
 * how much rounding can cancel), plus the noise that moving every computed value by a few ulps causes
 * (cos(1e-7^-2) is all noise), plus nothing below TINY, where subnormals hold a few bits only.
 */
const REL = 1e-9;
const TINY = 1e-280;
function close(printed: number, expected: number, scale: number, noise: number): boolean {
  if (Object.is(printed, expected) || printed === expected) return true;
  if (Number.isNaN(printed) && Number.isNaN(expected)) return true;
  if (!Number.isFinite(printed) || !Number.isFinite(expected)) return false;
  const tolerance = REL * Math.max(Math.abs(expected), Math.abs(printed), scale) + 10 * noise + TINY;
  return Math.abs(printed - expected) <= tolerance;
}

/** ∑ over paths of the product of |local derivatives|: how large the terms of each gradient are. */
function pathScale(r: AnalysisOk): Float64Array {
  const abs = new Float64Array(r.graph.size);
  abs[r.graph.output] = 1;
  for (const s of r.steps.toArray())
    abs[s.source] = (abs[s.source] as number) + (abs[s.target] as number) * Math.abs(s.local);
  return abs;
}

/** ±1 from a double's bits: equal values move alike, so that a tie stays a tie. */
function wobble(v: number, trial: number): number {
  const bits = new Uint32Array(new Float64Array([v]).buffer);
  let h = Math.imul((bits[0] as number) ^ trial, 0x9e3779b1) ^ Math.imul(bits[1] as number, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) & 1 ? 1 : -1;
}

/**
 * How far Gradflow's value and gradients move when every computed value is off by ~4 ulps: Gradflow's
 * passes again (its own op table), each gate's value multiplied by 1 ± 1e-15.
 */
function noise(r: AnalysisOk): { value: number; grads: Float64Array } {
  const g = r.graph;
  const spec = (n: number) => ALL_OPS[g.op[n] as number] as OpSpec;
  const args = (v: Float64Array, n: number) =>
    Array.from({ length: g.arity(n) }, (_, s) => v[g.arg(n, s)] as number);
  let value = 0;
  const grads = new Float64Array(g.size);
  for (const trial of [1, 2]) {
    const v = Float64Array.from(r.values);
    for (let n = 0; n < g.size; n++) {
      if (g.arity(n) === 0) continue;
      const out = spec(n).forward(args(v, n));
      v[n] = out * (1 + 1e-15 * wobble(out, trial));
    }
    const d = new Float64Array(g.size);
    d[g.output] = 1;
    for (let n = g.output; n >= 0; n--) {
      const up = d[n] as number;
      if (g.arity(n) === 0 || up === 0) continue;
      const xs = args(v, n);
      for (let s = 0; s < xs.length; s++) {
        const a = g.arg(n, s);
        d[a] = (d[a] as number) + up * spec(n).partial(xs, v[n] as number, s);
      }
    }
    const off = (a: number, b: number) => (Number.isNaN(a - b) ? Number.POSITIVE_INFINITY : Math.abs(a - b));
    value = Math.max(value, off(v[g.output] as number, r.value));
    for (const i of r.inputs)
      grads[i.node] = Math.max(grads[i.node] as number, off(d[i.node] as number, r.grads[i.node] as number));
  }
  return { value, grads };
}

/** Why the script's run disagrees with Gradflow, or null when it agrees. */
function disagreement(r: AnalysisOk, code: string, run: RunResult): string | null {
  if (run.error) return run.error;
  let printed: ReturnType<typeof parsePrinted>;
  try {
    printed = parsePrinted(run.stdout);
  } catch (e) {
    return (e as Error).message;
  }
  const problems: string[] = [];
  const scale = pathScale(r);
  const wobbly = noise(r);
  if (!close(printed.value, r.value, 0, wobbly.value))
    problems.push(`value ${printed.value}, Gradflow ${r.value}`);
  for (const inp of r.inputs) {
    const p = printed.grads[inp.name];
    const g = r.gradients[inp.name] as number;
    if (p === undefined) problems.push(`no d/d${inp.name} printed`);
    else if (!close(p, g, scale[inp.node] as number, wobbly.grads[inp.node] as number))
      problems.push(`d/d${inp.name} ${p}, Gradflow ${g}`);
  }
  if (Object.keys(printed.grads).length !== r.inputs.length) problems.push('printed other gradients');
  return problems.length > 0 ? `${problems.join('; ')}\n${code}` : null;
}

const key = (c: Case) =>
  JSON.stringify([c.source, Object.entries(c.values).map(([k, v]) => [k, Object.is(v, -0) ? '-0' : v])]);

function exported(c: Case): { r: AnalysisOk; code: string } | null {
  const r = analyze(c.source, c.values);
  return r.ok ? { r, code: pyTorchScript(r) } : null;
}

// --- The property -----------------------------------------------------------------------------------------

describe('Copy as PyTorch on random programs', () => {
  it('every program Gradflow accepts exports a script that prints Gradflow’s value and gradients', () => {
    const seed = Number(process.env.PYTORCH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const numRuns = Number(process.env.PYTORCH_RUNS ?? 1000);
    const cases = fc.sample(caseArb, { seed, numRuns });
    const accepted = cases.flatMap((c) => {
      const e = exported(c);
      return e ? [{ c, ...e }] : [];
    });
    const runs = runScripts(accepted.map((a) => a.code));
    const verdict = new Map<string, string | null>();
    for (const [k, a] of accepted.entries())
      verdict.set(key(a.c), disagreement(a.r, a.code, runs[k] as RunResult));
    const failed = accepted.filter((a) => verdict.get(key(a.c)) !== null);
    if (failed.length > 0) {
      // Shrink: the same seed generates the same cases; those already run are looked up, the smaller
      // ones fast-check tries while shrinking run one python3 each.
      fc.assert(
        fc.property(caseArb, (c) => {
          const k = key(c);
          if (!verdict.has(k)) {
            const e = exported(c);
            if (!e) return;
            verdict.set(k, disagreement(e.r, e.code, toResult(runScript(e.code))));
          }
          const why = verdict.get(k);
          if (why) throw new Error(`${JSON.stringify(c)}\n${why}`);
        }),
        { seed, numRuns },
      );
    }
    const replay = `replay with PYTORCH_SEED=${seed}`;
    expect(failed.map((a) => `${JSON.stringify(a.c)}: ${verdict.get(key(a.c))}`).slice(0, 3), replay).toEqual(
      [],
    );
    // The property is about something: most programs are accepted, and many have a max/min at a tie.
    expect(accepted.length, replay).toBeGreaterThan(numRuns / 3);
    expect(accepted.filter((a) => hasTie(a.r)).length, replay).toBeGreaterThan(numRuns / 50);
  });
});

/** Whether a max or min that the output uses ties (where torch.max would share the gradient). */
function hasTie(r: AnalysisOk): boolean {
  const g = r.graph;
  for (let n = 0; n < g.size; n++) {
    const op = g.opName(n);
    if (op !== 'max' && op !== 'min') continue;
    const xs = Array.from({ length: g.arity(n) }, (_, s) => r.values[g.arg(n, s)] as number);
    if ((ALL_OPS[g.op[n] as number] as OpSpec).kink?.(xs) === 0 && r.grads[n] !== 0) return true;
  }
  return false;
}

function toResult(run: ReturnType<typeof runScript>): RunResult {
  if (run.status === 0) return { stdout: run.stdout, error: null };
  const last = run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}`;
  return { stdout: run.stdout, error: last };
}
