import { formatNumber as f } from '../format';
import type { EdgeContext, OpName, OpSpec } from './types';

/* Each op is defined here once: arity, value, local derivatives, LaTeX and what it does to a gradient.
 * The parser, graph builder, autodiff and captions all read from this table. `partial` receives the
 * inputs `x` and the output `o` already computed, so ops whose derivative is built from their own output
 * (exp, sigmoid, tanh) reuse it, exactly as a lecture explains them. */

const at = (x: readonly number[], i: number) => x[i] as number;
const arg = (a: readonly string[], i: number) => a[i] as string;
/** Parenthesize an operand that is not a single symbol or number, or that is negative. */
const p = (s: string) => (/^[\w\\{}.]+$/.test(s) ? s : `\\left(${s}\\right)`);
const name = (c: EdgeContext, i: number) => c.names[i] ?? '?';

/** The first argument that attains the extreme value. Ties go to the leftmost argument, always. */
export function winner(x: readonly number[], better: (a: number, b: number) => boolean): number {
  let w = 0;
  for (let k = 1; k < x.length; k++) if (better(at(x, k), at(x, w))) w = k;
  return w;
}
const maxWinner = (x: readonly number[]) => winner(x, (a, b) => a > b);
const minWinner = (x: readonly number[]) => winner(x, (a, b) => a < b);

/** Gap between the best and the runner-up: 0 at a tie, where max/min have a corner. */
function tieGap(x: readonly number[], w: number): number {
  let gap = Number.POSITIVE_INFINITY;
  for (let k = 0; k < x.length; k++) if (k !== w) gap = Math.min(gap, Math.abs(at(x, k) - at(x, w)));
  return gap;
}

function routeSentence(c: EdgeContext, w: number, word: 'max' | 'min'): string {
  const tie = c.x.some((v, k) => k !== w && v === at(c.x, w));
  const winnerText = `${name(c, w)} = ${f(at(c.x, w))}`;
  if (c.i === w) {
    return tie
      ? `${word} routes: a tie at ${f(at(c.x, w))}; by Gradflow's rule the first argument that attains the ${word} (${name(c, w)}) gets the whole gradient.`
      : `${word} routes the whole gradient to the input that won (${winnerText}).`;
  }
  return tie && at(c.x, c.i) === at(c.x, w)
    ? `${word} routes: ${name(c, c.i)} ties with ${name(c, w)}, but by Gradflow's rule only the first (${name(c, w)}) gets the gradient, so ${name(c, c.i)} gets 0.`
    : `${word} routes: ${name(c, c.i)} = ${f(at(c.x, c.i))} lost to ${winnerText}, so it gets 0.`;
}

const LN10 = Math.LN10;
const LN2 = Math.LN2;

function logDomain(x: readonly number[], fn: string): string | null {
  const v = at(x, 0);
  if (v < 0) return `${fn} of a negative number (${f(v)})`;
  if (v === 0) return `${fn} of zero (it goes to −∞)`;
  return null;
}

function unary(
  name: OpName,
  functions: string[],
  spec: Pick<OpSpec, 'forward' | 'pattern' | 'domain' | 'kink'> & {
    symbol?: string;
    d: (v: number, o: number) => number;
    tex: (a: string) => string;
    dtex: (a: string, o: string) => string;
    says: (c: EdgeContext) => string;
  },
): OpSpec {
  return {
    name,
    symbol: spec.symbol ?? functions[0] ?? name,
    functions,
    minArgs: 1,
    maxArgs: 1,
    pattern: spec.pattern,
    forward: spec.forward,
    partial: (x, o) => spec.d(at(x, 0), o),
    ...(spec.domain ? { domain: spec.domain } : {}),
    ...(spec.kink ? { kink: spec.kink } : {}),
    latex: (a) => spec.tex(arg(a, 0)),
    partialLatex: (a, o) => spec.dtex(arg(a, 0), o),
    explain: spec.says,
  };
}

const leaf = (name: 'input' | 'const'): OpSpec => ({
  name,
  symbol: '',
  functions: [],
  minArgs: 0,
  maxArgs: 0,
  pattern: 'leaf',
  forward: () => Number.NaN,
  partial: () => 0,
  latex: () => '',
  partialLatex: () => '0',
  explain: () => '',
});

const OPS: OpSpec[] = [
  leaf('input'),
  leaf('const'),
  {
    name: 'add',
    symbol: '+',
    functions: [],
    minArgs: 2,
    maxArgs: 2,
    pattern: 'distributes',
    forward: (x) => at(x, 0) + at(x, 1),
    partial: () => 1, // ∂(a+b)/∂a = ∂(a+b)/∂b = 1
    latex: (a) => `${arg(a, 0)} + ${arg(a, 1)}`,
    partialLatex: () => '1',
    explain: (c) =>
      `add distributes: the gradient passes to ${name(c, c.i)} unchanged (local derivative 1), as it does to every input of +.`,
  },
  {
    name: 'sub',
    symbol: '−',
    functions: [],
    minArgs: 2,
    maxArgs: 2,
    pattern: 'distributes-signed',
    forward: (x) => at(x, 0) - at(x, 1),
    partial: (_x, _o, i) => (i === 0 ? 1 : -1), // ∂(a−b)/∂a = 1, ∂(a−b)/∂b = −1
    latex: (a) => `${arg(a, 0)} - ${p(arg(a, 1))}`,
    partialLatex: (_a, _o, i) => (i === 0 ? '1' : '-1'),
    explain: (c) =>
      c.i === 0
        ? `subtract distributes: the left input (${name(c, 0)}) gets the gradient unchanged (local derivative 1).`
        : `subtract distributes with a sign flip: the right input (${name(c, 1)}) gets minus the gradient (local derivative −1).`,
  },
  {
    name: 'mul',
    symbol: '×',
    functions: [],
    minArgs: 2,
    maxArgs: 2,
    pattern: 'swaps',
    forward: (x) => at(x, 0) * at(x, 1),
    partial: (x, _o, i) => at(x, 1 - i), // ∂(ab)/∂a = b: each input gets the other's value
    latex: (a) => `${p(arg(a, 0))} \\cdot ${p(arg(a, 1))}`,
    partialLatex: (a, _o, i) => arg(a, 1 - i),
    explain: (c) => {
      const other = 1 - c.i;
      if (c.constant[other])
        return `a scalar multiply scales: the gradient to ${name(c, c.i)} is multiplied by the constant ${f(at(c.x, other))}.`;
      return `mul swaps: the gradient to ${name(c, c.i)} is multiplied by the other input's value (${name(c, other)} = ${f(at(c.x, other))}).`;
    },
  },
  {
    name: 'div',
    symbol: '÷',
    functions: [],
    minArgs: 2,
    maxArgs: 2,
    pattern: 'divides',
    forward: (x) => at(x, 0) / at(x, 1),
    // ∂(a/b)/∂a = 1/b;  ∂(a/b)/∂b = −a/b²
    partial: (x, _o, i) => (i === 0 ? 1 / at(x, 1) : -at(x, 0) / (at(x, 1) * at(x, 1))),
    domain: (x) => (at(x, 1) === 0 ? 'division by zero (the denominator is 0)' : null),
    latex: (a) => `\\frac{${arg(a, 0)}}{${arg(a, 1)}}`,
    partialLatex: (a, _o, i) =>
      i === 0 ? `\\frac{1}{${arg(a, 1)}}` : `-\\frac{${arg(a, 0)}}{${p(arg(a, 1))}^{2}}`,
    explain: (c) =>
      c.i === 0
        ? `divide scales the gradient to the numerator ${name(c, 0)} by 1/${name(c, 1)} = ${f(1 / at(c.x, 1))}.`
        : `divide: the denominator ${name(c, 1)} gets −a/b² = ${f(-at(c.x, 0) / at(c.x, 1) ** 2)} times the gradient (a bigger denominator makes the output smaller).`,
  },
  {
    name: 'pow',
    symbol: '^',
    functions: ['pow'],
    minArgs: 2,
    maxArgs: 2,
    pattern: 'power',
    forward: (x) => at(x, 0) ** at(x, 1),
    partial: (x, o, i) => {
      const a = at(x, 0);
      const b = at(x, 1);
      if (i === 0) return b === 0 ? 0 : b * a ** (b - 1); // power rule: ∂(a^b)/∂a = b·a^(b−1)
      // ∂(a^b)/∂b = a^b·ln a; at a = 0 (b > 0) the limit is 0; for a < 0 it does not exist (NaN).
      return a === 0 ? 0 : o * Math.log(a);
    },
    domain: (x) => {
      const a = at(x, 0);
      const b = at(x, 1);
      if (a < 0 && !Number.isInteger(b))
        return `a negative base (${f(a)}) raised to a fractional power (${f(b)})`;
      if (a === 0 && b < 0) return `zero raised to a negative power (${f(b)}) is a division by zero`;
      return null;
    },
    latex: (a) => `${p(arg(a, 0))}^{${arg(a, 1)}}`,
    partialLatex: (a, o, i) =>
      i === 0
        ? `${p(arg(a, 1))} \\cdot ${p(arg(a, 0))}^{${arg(a, 1)} - 1}`
        : `${o} \\cdot \\ln ${p(arg(a, 0))}`,
    explain: (c) =>
      c.i === 0
        ? `power rule: the base ${name(c, 0)} gets b·a^(b−1) = ${f(at(c.x, 1))}·${f(at(c.x, 0))}^${f(at(c.x, 1) - 1)} times the gradient.`
        : `the exponent ${name(c, 1)} gets a^b·ln a (the output times ln of the base) times the gradient.`,
  },
  {
    name: 'max',
    symbol: 'max',
    functions: ['max'],
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    pattern: 'routes',
    forward: (x) => at(x, maxWinner(x)),
    partial: (x, _o, i) => (i === maxWinner(x) ? 1 : 0), // 1 for the winner, 0 for the rest
    kink: (x) => tieGap(x, maxWinner(x)),
    latex: (a) => `\\max\\left(${a.join(', ')}\\right)`,
    partialLatex: (a, _o, i) => `\\mathbb{1}\\left[${arg(a, i)} \\text{ is the max}\\right]`,
    explain: (c) => routeSentence(c, maxWinner(c.x), 'max'),
  },
  {
    name: 'min',
    symbol: 'min',
    functions: ['min'],
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    pattern: 'routes',
    forward: (x) => at(x, minWinner(x)),
    partial: (x, _o, i) => (i === minWinner(x) ? 1 : 0),
    kink: (x) => tieGap(x, minWinner(x)),
    latex: (a) => `\\min\\left(${a.join(', ')}\\right)`,
    partialLatex: (a, _o, i) => `\\mathbb{1}\\left[${arg(a, i)} \\text{ is the min}\\right]`,
    explain: (c) => routeSentence(c, minWinner(c.x), 'min'),
  },
  unary('neg', [], {
    symbol: '−',
    pattern: 'flips',
    forward: (x) => -at(x, 0),
    d: () => -1,
    tex: (a) => `-${p(a)}`,
    dtex: () => '-1',
    says: (c) => `negation flips the sign of the gradient flowing to ${name(c, 0)} (local derivative −1).`,
  }),
  unary('exp', ['exp'], {
    pattern: 'own-output',
    forward: (x) => Math.exp(at(x, 0)),
    d: (_v, o) => o, // (e^x)' = e^x: exp multiplies by its own output
    tex: (a) => `e^{${a}}`,
    dtex: (a) => `e^{${a}}`,
    says: (c) => `exp multiplies the gradient by its own output (e^${name(c, 0)} = ${f(c.out)}).`,
  }),
  unary('log', ['log', 'ln'], {
    pattern: 'reciprocal',
    forward: (x) => Math.log(at(x, 0)),
    d: (v) => 1 / v, // (ln x)' = 1/x
    domain: (x) => logDomain(x, 'log'),
    tex: (a) => `\\ln ${p(a)}`,
    dtex: (a) => `\\frac{1}{${a}}`,
    says: (c) =>
      `log divides the gradient by its input: 1/${name(c, 0)} = 1/${f(at(c.x, 0))} = ${f(1 / at(c.x, 0))}.`,
  }),
  unary('log10', ['log10'], {
    pattern: 'reciprocal',
    forward: (x) => Math.log10(at(x, 0)),
    d: (v) => 1 / (v * LN10), // (log₁₀ x)' = 1/(x ln 10)
    domain: (x) => logDomain(x, 'log10'),
    tex: (a) => `\\log_{10} ${p(a)}`,
    dtex: (a) => `\\frac{1}{${p(a)} \\ln 10}`,
    says: (c) => `log10 multiplies the gradient by 1/(x·ln 10) = ${f(1 / (at(c.x, 0) * LN10))}.`,
  }),
  unary('log2', ['log2'], {
    pattern: 'reciprocal',
    forward: (x) => Math.log2(at(x, 0)),
    d: (v) => 1 / (v * LN2), // (log₂ x)' = 1/(x ln 2)
    domain: (x) => logDomain(x, 'log2'),
    tex: (a) => `\\log_{2} ${p(a)}`,
    dtex: (a) => `\\frac{1}{${p(a)} \\ln 2}`,
    says: (c) => `log2 multiplies the gradient by 1/(x·ln 2) = ${f(1 / (at(c.x, 0) * LN2))}.`,
  }),
  unary('sqrt', ['sqrt'], {
    pattern: 'smooth',
    forward: (x) => Math.sqrt(at(x, 0)),
    d: (_v, o) => 1 / (2 * o), // (√x)' = 1/(2√x)
    domain: (x) => (at(x, 0) < 0 ? `square root of a negative number (${f(at(x, 0))})` : null),
    tex: (a) => `\\sqrt{${a}}`,
    dtex: (a) => `\\frac{1}{2\\sqrt{${a}}}`,
    says: (c) => `sqrt multiplies the gradient by 1/(2√x) = ${f(1 / (2 * c.out))}.`,
  }),
  unary('abs', ['abs'], {
    pattern: 'sign',
    forward: (x) => Math.abs(at(x, 0)),
    d: (v) => (v > 0 ? 1 : v < 0 ? -1 : 0), // sign(x); |x|'(0) = 0, the subgradient PyTorch uses
    kink: (x) => Math.abs(at(x, 0)),
    tex: (a) => `\\left|${a}\\right|`,
    dtex: (a) => `\\operatorname{sign}(${a})`,
    says: (c) => {
      const v = at(c.x, 0);
      return v === 0
        ? 'abs has a corner at 0; Gradflow uses the subgradient 0 there (as PyTorch does), so the gradient stops.'
        : `abs multiplies the gradient by the sign of its input (${v > 0 ? '+1' : '−1'}).`;
    },
  }),
  unary('sin', ['sin'], {
    pattern: 'smooth',
    forward: (x) => Math.sin(at(x, 0)),
    d: (v) => Math.cos(v),
    tex: (a) => `\\sin ${p(a)}`,
    dtex: (a) => `\\cos ${p(a)}`,
    says: (c) => `sin multiplies the gradient by cos(${name(c, 0)}) = ${f(Math.cos(at(c.x, 0)))}.`,
  }),
  unary('cos', ['cos'], {
    pattern: 'smooth',
    forward: (x) => Math.cos(at(x, 0)),
    d: (v) => -Math.sin(v),
    tex: (a) => `\\cos ${p(a)}`,
    dtex: (a) => `-\\sin ${p(a)}`,
    says: (c) => `cos multiplies the gradient by −sin(${name(c, 0)}) = ${f(-Math.sin(at(c.x, 0)))}.`,
  }),
  unary('tan', ['tan'], {
    pattern: 'smooth',
    forward: (x) => Math.tan(at(x, 0)),
    d: (_v, o) => 1 + o * o, // (tan x)' = 1 + tan²x
    tex: (a) => `\\tan ${p(a)}`,
    dtex: (a) => `1 + \\tan^{2} ${p(a)}`,
    says: (c) => `tan multiplies the gradient by 1 + tan² = ${f(1 + c.out * c.out)}.`,
  }),
  unary('tanh', ['tanh'], {
    pattern: 'own-output',
    forward: (x) => Math.tanh(at(x, 0)),
    d: (_v, o) => 1 - o * o, // (tanh x)' = 1 − tanh²x, from its own output
    tex: (a) => `\\tanh ${p(a)}`,
    dtex: (a) => `1 - \\tanh^{2} ${p(a)}`,
    says: (c) =>
      `tanh multiplies the gradient by 1 − (its output)² = 1 − ${f(c.out)}² = ${f(1 - c.out * c.out)}.`,
  }),
  unary('sigmoid', ['sigmoid'], {
    pattern: 'own-output',
    forward: (x) => {
      // Written two ways so that neither branch overflows exp.
      const v = at(x, 0);
      if (v >= 0) return 1 / (1 + Math.exp(-v));
      const ev = Math.exp(v);
      return ev / (1 + ev);
    },
    d: (_v, o) => o * (1 - o), // σ'(x) = σ(x)(1 − σ(x)), from its own output
    tex: (a) => `\\sigma${p(`${a}`) === a ? `(${a})` : p(a)}`,
    dtex: (a) => `\\sigma(${a})\\left(1 - \\sigma(${a})\\right)`,
    says: (c) =>
      `sigmoid multiplies the gradient by σ(1 − σ), built from its own output: ${f(c.out)}·(1 − ${f(c.out)}) = ${f(c.out * (1 - c.out))}.`,
  }),
  unary('relu', ['relu'], {
    pattern: 'gates',
    forward: (x) => Math.max(0, at(x, 0)),
    d: (v) => (v > 0 ? 1 : 0), // relu'(0) = 0, as in PyTorch
    kink: (x) => Math.abs(at(x, 0)),
    tex: (a) => `\\operatorname{relu}${p(a) === a ? `(${a})` : p(a)}`,
    dtex: (a) => `\\mathbb{1}\\left[${a} > 0\\right]`,
    says: (c) =>
      at(c.x, 0) > 0
        ? `relu gates: its input ${name(c, 0)} = ${f(at(c.x, 0))} is positive, so the gradient passes unchanged.`
        : `relu gates: its input ${name(c, 0)} = ${f(at(c.x, 0))} is not positive, so the gradient is blocked (0; relu'(0) = 0).`,
  }),
];

/** The op table, by name. */
export const OP: Readonly<Record<OpName, OpSpec>> = Object.fromEntries(OPS.map((o) => [o.name, o])) as Record<
  OpName,
  OpSpec
>;

/** Function names a student can call (`sin`, `ln`, `max`, `pow`, ...) and the op each one means. */
export const FUNCTIONS: ReadonlyMap<string, OpSpec> = new Map(
  OPS.flatMap((o) => o.functions.map((fn) => [fn, o] as const)),
);

/** Named constants. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

export const ALL_OPS: readonly OpSpec[] = OPS;
