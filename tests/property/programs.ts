import fc from 'fast-check';

/** A random expression tree, independent of Gradflow's AST, with its own evaluator (the oracle). */
export type Tree =
  | { t: 'var'; name: string }
  | { t: 'num'; value: number }
  | {
      t: 'un';
      fn: 'neg' | 'exp' | 'log' | 'sqrt' | 'sin' | 'cos' | 'tanh' | 'sigmoid' | 'relu' | 'abs' | 'square';
      a: Tree;
    }
  | { t: 'bin'; op: '+' | '-' | '*' | '/'; a: Tree; b: Tree }
  | { t: 'max' | 'min'; args: Tree[] };

export const VARS = ['a', 'b', 'c', 'x1', 'w_0'] as const;

const leaf = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VARS).map((name): Tree => ({ t: 'var', name })) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 20 }).map((n): Tree => ({ t: 'num', value: n / 4 })) },
);

export const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    leaf,
    fc.record({
      t: fc.constant('un' as const),
      fn: fc.constantFrom(
        'neg',
        'exp',
        'log',
        'sqrt',
        'sin',
        'cos',
        'tanh',
        'sigmoid',
        'relu',
        'abs',
        'square',
      ),
      a: tie('tree'),
    }),
    fc.record({
      t: fc.constant('bin' as const),
      op: fc.constantFrom('+', '-', '*', '/'),
      a: tie('tree'),
      b: tie('tree'),
    }),
    fc.record({
      t: fc.constantFrom('max' as const, 'min' as const),
      args: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
    }),
  ),
})).tree;

/**
 * The oracle: plain JavaScript. log and sqrt take x²+0.5 and division takes a denominator of x²+0.5, so
 * every program is defined everywhere; what can still go wrong is overflow, which the tests skip.
 */
export function evaluate(t: Tree, env: Record<string, number>): number {
  switch (t.t) {
    case 'var':
      return env[t.name] as number;
    case 'num':
      return t.value;
    case 'un': {
      const a = evaluate(t.a, env);
      const safe = a * a + 0.5;
      return {
        neg: -a,
        exp: Math.exp(a),
        log: Math.log(safe),
        sqrt: Math.sqrt(safe),
        sin: Math.sin(a),
        cos: Math.cos(a),
        tanh: Math.tanh(a),
        sigmoid: 1 / (1 + Math.exp(-a)),
        relu: Math.max(0, a),
        abs: Math.abs(a),
        square: a ** 2,
      }[t.fn];
    }
    case 'bin': {
      const a = evaluate(t.a, env);
      const b = evaluate(t.b, env);
      if (t.op === '+') return a + b;
      if (t.op === '-') return a - b;
      if (t.op === '*') return a * b;
      return a / (b * b + 0.5);
    }
    case 'max':
      return Math.max(...t.args.map((x) => evaluate(x, env)));
    case 'min':
      return Math.min(...t.args.map((x) => evaluate(x, env)));
  }
}

/** Precedence of a tree's top operator as printed by `printMinimal`: atoms and calls bind tightest. */
function prec(t: Tree): number {
  if (t.t === 'bin') return t.op === '+' || t.op === '-' ? 1 : 2;
  if (t.t === 'un' && t.fn === 'neg') return 3;
  if (t.t === 'un' && t.fn === 'square') return 4;
  if (t.t === 'num' && t.value < 0) return 0;
  return 5;
}

/** Prints with only the parentheses precedence and associativity need: tests the parser's grammar. */
export function printMinimal(t: Tree, need = 0): string {
  const wrap = (s: string, own: number) => (own < need ? `(${s})` : s);
  switch (t.t) {
    case 'var':
      return t.name;
    case 'num':
      return wrap(String(t.value), prec(t));
    case 'un':
      if (t.fn === 'neg') return wrap(`-${printMinimal(t.a, 3)}`, 3);
      // The base of ^ must bind tighter than ^ itself (and −a^2 means −(a^2)).
      if (t.fn === 'square') return wrap(`${printMinimal(t.a, 5)}^2`, 4);
      if (t.fn === 'log' || t.fn === 'sqrt') return `${t.fn}(${printMinimal(t.a, 5)}^2 + 0.5)`;
      return `${t.fn}(${printMinimal(t.a)})`;
    case 'bin': {
      const own = prec(t);
      // Left-associative: the left operand may share our precedence, the right one must bind tighter.
      if (t.op === '/') return wrap(`${printMinimal(t.a, 2)} / (${printMinimal(t.b, 5)}^2 + 0.5)`, 2);
      return wrap(`${printMinimal(t.a, own)} ${t.op} ${printMinimal(t.b, own + 1)}`, own);
    }
    case 'max':
    case 'min':
      return `${t.t}(${t.args.map((x) => printMinimal(x)).join(', ')})`;
  }
}

/** Prints a tree as Gradflow text, in one of several equivalent spellings chosen by `style`. */
export function print(t: Tree, style: number): string {
  if (style >= 8) return printMinimal(t);
  const p = (x: Tree) => `(${print(x, style)})`;
  switch (t.t) {
    case 'var':
      return t.name;
    case 'num':
      return t.value < 0 ? `(${t.value})` : String(t.value);
    case 'un': {
      if (t.fn === 'neg') return `-${p(t.a)}`;
      if (t.fn === 'square')
        return style % 3 === 0
          ? `pow(${print(t.a, style)}, 2)`
          : style % 3 === 1
            ? `${p(t.a)}**2`
            : `${p(t.a)}^2`;
      if (t.fn === 'log' || t.fn === 'sqrt') {
        const fn = t.fn === 'log' && style % 2 === 1 ? 'ln' : t.fn;
        return `${fn}(${p(t.a)}^2 + 0.5)`;
      }
      return `${t.fn}(${print(t.a, style)})`;
    }
    case 'bin':
      if (t.op === '/') return `${p(t.a)} / (${p(t.b)}^2 + 0.5)`;
      // Implicit multiplication between parenthesized factors: (a+b)(b+1).
      if (t.op === '*' && style % 2 === 0) return `${p(t.a)}${p(t.b)}`;
      return `${p(t.a)} ${t.op} ${p(t.b)}`;
    case 'max':
    case 'min':
      return `${t.t}(${t.args.map((x) => print(x, style)).join(', ')})`;
  }
}

/** The same program, sometimes with its top operands pulled out into named intermediates. */
export function program(t: Tree, style: number): string {
  if (style % 4 !== 3 || t.t !== 'bin') return print(t, style);
  return `u = ${print(t.a, style)}\nv = ${print(t.b, style)}; out = ${print({ ...t, a: { t: 'var', name: 'u' }, b: { t: 'var', name: 'v' } }, style)}`;
}

export const envArb = fc.record(
  Object.fromEntries(VARS.map((v) => [v, fc.double({ min: -2, max: 2, noNaN: true })])) as Record<
    (typeof VARS)[number],
    fc.Arbitrary<number>
  >,
);
