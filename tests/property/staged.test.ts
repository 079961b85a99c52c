import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, CALL_CODE, collapse, type Group, parse, tangent } from '../../src/core';

/*
 * Functions the program defines, against the same program with every call written out by hand. The
 * generator builds expression trees (its own, independent of Gradflow's AST), so that "written out" is a
 * substitution on trees: a parameter becomes the argument's text in parentheses, a call becomes its
 * callee's body. Bodies read their parameters and the program's inputs a, b, c and m; parameters are
 * named p, q, r (shared by every function: each call binds its own), never a program name, so nothing a
 * body reads can be captured by a substitution.
 */

type T =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string }
  | { t: 'un'; fn: 'neg' | 'sin' | 'cos' | 'exp' | 'tanh' | 'sigmoid' | 'relu'; a: T }
  | { t: 'bin'; op: '+' | '-' | '*'; a: T; b: T }
  /** a / (1.5 + b*b): a denominator that is never 0. */
  | { t: 'div'; a: T; b: T }
  | { t: 'pow'; a: T; k: 2 | 3 }
  | { t: 'max'; args: T[] }
  | { t: 'call'; fn: number; args: T[] };

const PARAMS = ['p', 'q', 'r'] as const;
const INPUTS = ['a', 'b', 'c'] as const;

interface Ctx {
  /** Names a leaf may read. */
  names: readonly string[];
  /** Arity of each function that may be called. */
  fns: readonly number[];
  pow: boolean;
}

function exprArb(ctx: Ctx, depth: number): fc.Arbitrary<T> {
  const leaf = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ctx.names).map((name): T => ({ t: 'var', name })) },
    { weight: 1, arbitrary: fc.integer({ min: -12, max: 12 }).map((n): T => ({ t: 'num', v: n / 4 })) },
  );
  if (depth <= 0) return leaf;
  const sub = exprArb(ctx, depth - 1);
  const options: fc.WeightedArbitrary<T>[] = [
    { weight: 2, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc
        .record({ fn: fc.constantFrom('neg', 'sin', 'cos', 'exp', 'tanh', 'sigmoid', 'relu'), a: sub })
        .map(({ fn, a }): T => ({ t: 'un', fn: fn as 'neg', a })),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({ op: fc.constantFrom('+', '-', '*'), a: sub, b: sub })
        .map(({ op, a, b }): T => ({ t: 'bin', op: op as '+', a, b })),
    },
    { weight: 1, arbitrary: fc.record({ a: sub, b: sub }).map(({ a, b }): T => ({ t: 'div', a, b })) },
    {
      weight: 1,
      arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((args): T => ({ t: 'max', args })),
    },
  ];
  if (ctx.pow)
    options.push({
      weight: 1,
      arbitrary: fc
        .record({ a: sub, k: fc.constantFrom(2, 3) })
        .map(({ a, k }): T => ({ t: 'pow', a, k: k as 2 })),
    });
  if (ctx.fns.length > 0)
    options.push({
      weight: 3,
      arbitrary: fc
        .nat(ctx.fns.length - 1)
        .chain((fn) =>
          fc
            .array(sub, { minLength: ctx.fns[fn] as number, maxLength: ctx.fns[fn] as number })
            .map((args): T => ({ t: 'call', fn, args })),
        ),
    });
  return fc.oneof(...options);
}

interface Fn {
  name: string;
  params: string[];
  body: T;
}

interface Prog {
  fns: Fn[];
  /** m = <tree over a, b, c without calls>, when present. */
  m: T | undefined;
  /** Optional named intermediate, then the output. */
  mid: T | undefined;
  out: T;
  values: Record<string, number>;
  /** 0: definitions first; 1: last; 2: interleaved with the program. */
  place: number;
  sep: string;
}

const valueArb = fc.oneof(
  fc.integer({ min: -8, max: 8 }).map((n) => n / 4),
  fc.double({ min: -2, max: 2, noNaN: true }),
);

function progArb(pow: boolean): fc.Arbitrary<Prog> {
  return fc
    .record({
      arities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      hasM: fc.boolean(),
      readsGlobals: fc.boolean(),
    })
    .chain(({ arities, hasM, readsGlobals }) => {
      const globals = [...INPUTS, ...(hasM ? ['m'] : [])];
      const bodies = arities.map((k, i) =>
        exprArb(
          {
            names: [...PARAMS.slice(0, k), ...(readsGlobals ? globals : [])],
            fns: arities.slice(0, i),
            pow,
          },
          i === 0 ? 3 : 2,
        ).map(
          (body): T =>
            // A body that is only a program name is refused (on purpose): wrap it.
            body.t === 'var' && !(PARAMS as readonly string[]).includes(body.name)
              ? { t: 'un', fn: 'sin', a: body }
              : body,
        ),
      );
      const mainCtx: Ctx = { names: globals, fns: arities, pow };
      const last = arities.length - 1;
      const lastCall = fc
        .array(exprArb({ ...mainCtx, fns: [] }, 1), {
          minLength: arities[last] as number,
          maxLength: arities[last] as number,
        })
        .map((args): T => ({ t: 'call', fn: last, args }));
      return fc.record({
        fns: fc
          .tuple(...bodies)
          .map((bs) =>
            bs.map((body, i): Fn => ({ name: `g${i}`, params: PARAMS.slice(0, arities[i]), body })),
          ),
        // m = a would make m another name of a: keep m its own node.
        m: hasM
          ? exprArb({ names: INPUTS, fns: [], pow }, 2).map((t): T | undefined =>
              t.t === 'var' ? { t: 'un', fn: 'cos', a: t } : t,
            )
          : fc.constant(undefined),
        mid: fc.option(exprArb({ ...mainCtx, names: globals }, 2), { nil: undefined }),
        // The output calls the last function (so every program calls something), plus more.
        out: fc
          .tuple(lastCall, exprArb({ ...mainCtx, names: globals }, 2))
          .map(([call, rest]): T => ({ t: 'bin', op: '+', a: call, b: rest })),
        values: fc.record({ a: valueArb, b: valueArb, c: valueArb }),
        place: fc.nat(2),
        sep: fc.constantFrom('\n', '; '),
      });
    });
}

/** Text of a tree. With `fns`, calls are written out (inlined); `env` maps a parameter to its argument's text. */
function render(t: T, fns: readonly Fn[] | null, env: ReadonlyMap<string, string> = new Map()): string {
  const r = (u: T) => render(u, fns, env);
  switch (t.t) {
    case 'num':
      return String(t.v);
    case 'var': {
      const bound = env.get(t.name);
      return bound === undefined ? t.name : `(${bound})`;
    }
    case 'un':
      return t.fn === 'neg' ? `(-${r(t.a)})` : `${t.fn}(${r(t.a)})`;
    case 'bin':
      return `(${r(t.a)} ${t.op} ${r(t.b)})`;
    case 'div':
      return `(${r(t.a)} / (1.5 + ${r(t.b)}*${r(t.b)}))`;
    case 'pow':
      return `(${r(t.a)})^${t.k}`;
    case 'max':
      return `max(${t.args.map(r).join(', ')})`;
    case 'call': {
      const args = t.args.map(r);
      if (fns === null) return `g${t.fn}(${args.join(', ')})`;
      const f = fns[t.fn] as Fn;
      // The callee's body sees its own parameters only: a fresh environment (lexical scope).
      return `(${render(f.body, fns, new Map(f.params.map((p, k) => [p, args[k] as string])))})`;
    }
  }
}

/** The program with its definitions, and the same program with every call written out. */
function texts(p: Prog): { withFns: string; inlined: string } {
  const defs = p.fns.map((f) => `${f.name}(${f.params.join(', ')}) = ${render(f.body, null)}`);
  const main = (fns: Fn[] | null) => [
    'a = 1',
    'b = 1',
    'c = 1',
    ...(p.m ? [`m = ${render(p.m, null)}`] : []),
    // 0.5*(…): written out, t = (((0))) would only declare an input t.
    ...(p.mid ? [`t = 0.5*${render(p.mid, fns)}`] : []),
    `f = ${render(p.out, fns)}${p.mid ? ' + t' : ''}`,
  ];
  const lines = main(null);
  const withDefs =
    p.place === 0
      ? [...defs, ...lines]
      : p.place === 1
        ? [...lines, ...defs]
        : lines.flatMap((l, k) => (k < defs.length ? [defs[k] as string, l] : [l]));
  return { withFns: withDefs.join(p.sep), inlined: main(p.fns).join(p.sep) };
}

/** Equal, or within 1e-12 relative (to at least 1). */
const near = (a: number, b: number, tol = 1e-12) =>
  a === b || Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

function expectSame(what: string, got: AnalysisOk, want: AnalysisOk, tol = 1e-12): void {
  expect(near(got.value, want.value, tol), `${what}: value ${got.value} vs ${want.value}`).toBe(true);
  expect(Object.keys(got.gradients).sort(), what).toEqual(Object.keys(want.gradients).sort());
  for (const [name, g] of Object.entries(want.gradients)) {
    const h = got.gradients[name] as number;
    expect(near(h, g, tol), `${what}: ∂f/∂${name} ${h} vs ${g}`).toBe(true);
  }
}

/** The keys of the built-in composites (sigmoid, tanh) left as single gates. */
const compositeKeys = (r: AnalysisOk) => new Set(r.graph.callKey.filter((k): k is string => k !== undefined));

const MAX_TEXT = 20_000;

describe('functions = the same program with every call written out', () => {
  it('value and every gradient: inlined, collapsed, all opened, built-ins expanded', () => {
    let compared = 0;
    fc.assert(
      fc.property(progArb(true), (p) => {
        const { withFns, inlined } = texts(p);
        fc.pre(inlined.length < MAX_TEXT);
        const want = analyze(inlined, p.values);
        const got = analyze(withFns, p.values);
        // Overflow can stop the written-out program (exp of something large); then it stops both.
        expect(got.ok, `${withFns}\n${got.ok ? '' : got.error.message}`).toBe(want.ok);
        if (!want.ok || !got.ok) return;
        const what = `${withFns}\n  ≡ ${inlined}\n  at ${JSON.stringify(p.values)}`;
        expectSame(`${what}\ninlined`, got, want);
        expect(got.value, what).toBe(got.values[got.graph.output]);

        const keys = got.graph.groups.map((g) => g.key);
        const closed = collapse(got, new Set());
        expectSame(`${what}\ncollapsed`, closed, want);
        expect(closed.value, what).toBe(got.value);
        const open = collapse(got, new Set(keys));
        expectSame(`${what}\nall opened`, open, want);
        expect(open.graph.size, what).toBe(got.graph.size);
        // A few keys opened: the first half.
        const some = collapse(got, new Set(keys.slice(0, Math.ceil(keys.length / 2))));
        expectSame(`${what}\nsome opened`, some, want);

        // sigmoid and tanh built from their definitions, in both programs: the same sums again.
        const ge = analyze(withFns, p.values, { expand: compositeKeys(got) });
        const we = analyze(inlined, p.values, { expand: compositeKeys(want) });
        if (ge.ok && we.ok) {
          expectSame(`${what}\nexpanded`, ge, we);
          expectSame(`${what}\nexpanded, collapsed`, collapse(ge, new Set()), we);
        } else expect(ge.ok, what).toBe(we.ok);
        compared++;
      }),
      { numRuns: 250 },
    );
    expect(compared).toBeGreaterThan(150);
  });

  it('each collapsed call’s local derivatives are the reverse and forward derivatives of its body', () => {
    let checked = 0;
    fc.assert(
      fc.property(progArb(true), (p) => {
        const { withFns, inlined } = texts(p);
        fc.pre(inlined.length < MAX_TEXT);
        const got = analyze(withFns, p.values);
        fc.pre(got.ok);
        if (!got.ok) return;
        const c = collapse(got, new Set());
        const g = c.graph;
        for (let n = 0; n < g.size; n++) {
          if (g.op[n] !== CALL_CODE) continue;
          const grp = got.graph.groups.find((x) => x.key === g.callKey[n]) as Group;
          const f = p.fns[Number(grp.fn.slice(1))] as Fn;
          const info = g.calls[n];
          expect(info?.params.slice(0, f.params.length)).toEqual(f.params);
          // The body alone, written out, with its parameters as inputs P0, P1, … at the arguments' values
          // and the program's names it reads as inputs at their values.
          const env = new Map(f.params.map((q, k) => [q, `P${k}`]));
          // + 0*Pk: every parameter is an input even where the body does not read it (its local is 0).
          const body = `out = ${render(f.body, p.fns, env)}${f.params.map((_, k) => ` + 0*P${k}`).join('')}`;
          const values: Record<string, number> = {};
          const first = g.firstEdge[n] as number;
          for (let k = 0; k < g.arity(n); k++) {
            const name =
              k < f.params.length ? `P${k}` : (g.label[g.edgeSource[first + k] as number] as string);
            values[name] = c.values[g.edgeSource[first + k] as number] as number;
          }
          const alone = analyze(body, values);
          expect(alone.ok, body).toBe(true);
          if (!alone.ok) return;
          const what = `${withFns}\n  call ${grp.key} ≡ ${body} at ${JSON.stringify(values)}`;
          expect(near(alone.value, c.values[n] as number), `${what}: value`).toBe(true);
          for (let k = 0; k < g.arity(n); k++) {
            const name =
              k < f.params.length ? `P${k}` : (g.label[g.edgeSource[first + k] as number] as string);
            const local = g.callLocal?.[first + k] as number;
            const input = alone.inputs.find((i) => i.name === name);
            // A name the call reads only through an argument its callee ignores: the body does not depend on it.
            const reverse = input ? (alone.gradients[name] as number) : 0;
            const forward = input
              ? (tangent(alone.graph, alone.values, input.node)[alone.graph.output] as number)
              : 0;
            expect(near(local, reverse), `${what}: ∂/∂${name} local ${local}, reverse ${reverse}`).toBe(true);
            expect(
              near(local, forward, 1e-10),
              `${what}: ∂/∂${name} local ${local}, tangent ${forward}`,
            ).toBe(true);
            checked++;
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(200);
  });

  it('collapsed, every outermost call is one gate and nothing of its inside is left', () => {
    // x^k in bodies included: a negative base once made every local NaN (tests/unit/staged.test.ts).
    fc.assert(
      fc.property(progArb(true), (p) => {
        const { withFns, inlined } = texts(p);
        fc.pre(inlined.length < MAX_TEXT);
        const got = analyze(withFns, p.values);
        fc.pre(got.ok);
        if (!got.ok) return;
        const top = got.graph.groups.filter((g) => g.parent < 0);
        const c = collapse(got, new Set());
        const calls = Array.from({ length: c.graph.size }, (_, n) => n).filter(
          (n) => c.graph.op[n] === CALL_CODE,
        );
        expect(
          calls.map((n) => c.graph.callKey[n]),
          withFns,
        ).toEqual(top.map((g) => g.key));
        expect(c.graph.groups).toEqual([]);
        const inside = top.reduce((s, g) => s + g.last - g.first, 0);
        expect(c.graph.size, withFns).toBe(got.graph.size - inside);
        expect(c.graph.edgeCount).toBeLessThanOrEqual(got.graph.edgeCount);
      }),
      { numRuns: 150 },
    );
  });
});

describe('parse never throws', () => {
  const FRAGMENTS = [
    'f(',
    'g(',
    'h(x, y) = ',
    ') =',
    ')',
    '(',
    ',',
    ', ',
    '=',
    ' = ',
    ';',
    '\n',
    'x',
    'y',
    'z',
    'f',
    'g',
    '1',
    '2.5',
    '-',
    '+',
    '*',
    '/',
    '^',
    'sin(',
    'sigmoid',
    'tanh(',
    'exp',
    'e',
    'pi',
    ' ',
    'f(x) = ',
    'g(x) = f(x)',
    'max(',
  ];
  const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
  /** A valid program with a few fragments inserted and slices cut: text that is nearly right. */
  const edited = fc
    .tuple(
      progArb(true),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FRAGMENTS), fc.nat(3)), { maxLength: 4 }),
    )
    .map(([p, edits]) => {
      let src = texts(p).withFns;
      for (const [at, fragment, cut] of edits) {
        const k = at % (src.length + 1);
        src = src.slice(0, k) + fragment + src.slice(k + cut);
      }
      return src;
    });

  it('on random text built from definition fragments, and on valid programs edited at random', () => {
    let defined = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(soup, edited), (src) => {
        const p = parse(src);
        if (!p.ok) {
          refused++;
          expect(p.error.start, src).toBeGreaterThanOrEqual(0);
          expect(p.error.start, src).toBeLessThanOrEqual(p.error.end);
          expect(p.error.end, src).toBeLessThanOrEqual(src.length);
          expect(p.error.message.length, src).toBeGreaterThan(0);
        } else if (p.program.definitions.length > 0) defined++;
        // Neither building, the passes nor collapsing throws either.
        const r = analyze(src);
        if (r.ok) {
          const c = collapse(r, new Set());
          expect(c.value, src).toBe(r.value);
        }
      }),
      { numRuns: 1500 },
    );
    expect(defined).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
