import { formatNumber as f } from '../format';
import { arg, at, fp, name, operand, p } from './shared';
import type { EdgeContext, OpSpec } from './types';

/* The gates with two or more inputs: + − × ÷ ^ max min. */

/** The first argument that attains the extreme value. Ties go to the leftmost argument, always. */
export function winner(x: readonly number[], better: (a: number, b: number) => boolean): number {
  let w = 0;
  for (let k = 1; k < x.length; k++) if (better(at(x, k), at(x, w))) w = k;
  return w;
}
const maxWinner = (x: readonly number[]) => winner(x, (a, b) => a > b);
const minWinner = (x: readonly number[]) => winner(x, (a, b) => a < b);

/** max/min route: ∂out/∂x_i is 1 for the winner and 0 for the rest, found with one pass for all i. */
function route(w: number, n: number, into: number[]): void {
  for (let k = 0; k < n; k++) into[k] = k === w ? 1 : 0;
}

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

/** Power rule: ∂(a^b)/∂a = b·a^(b−1) (0 when b = 0, where a^b is the constant 1). */
const powerRule = (a: number, b: number) => (b === 0 ? 0 : b * a ** (b - 1));
/** ∂(a^b)/∂b = a^b·ln a, from the output o = a^b; at a = 0 (b > 0) the limit is 0; for a < 0 it does not exist (NaN). */
const powExponent = (a: number, o: number) => (a === 0 ? 0 : o * Math.log(a));

export const BINARY_OPS: OpSpec[] = [
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
    // ∂(a/b)/∂b = −a/b², computed as −(a/b)/b from the output, as PyTorch does: b² underflows to 0 for
    // |b| < 1e-154, where (a/b)/b is still exact (x/x at x = −1.6e−162 has gradient 0, not 1e161).
    partial: (x, o, i) => (i === 0 ? 1 / at(x, 1) : -o / at(x, 1)),
    domain: (x) => (at(x, 1) === 0 ? 'division by zero (the denominator is 0)' : null),
    latex: (a) => `\\frac{${arg(a, 0)}}{${arg(a, 1)}}`,
    partialLatex: (a, _o, i) =>
      i === 0 ? `\\frac{1}{${arg(a, 1)}}` : `-\\frac{${arg(a, 0)}}{${p(arg(a, 1))}^{2}}`,
    explain: (c) => {
      const [a, b] = [at(c.x, 0), at(c.x, 1)];
      if (c.i === 0)
        return `divide scales the gradient to the numerator ${name(c, 0)} by 1/${operand(c, 1)} = 1/${fp(b)} = ${f(1 / b)}.`;
      const local = -c.out / b; // as the gate computes it: −(a/b)/b
      // −a/b² has the opposite sign of the numerator: a bigger denominator pulls a/b towards 0.
      const why =
        local < 0
          ? ' (a bigger denominator makes the output smaller)'
          : local > 0
            ? ` (the numerator ${name(c, 0)} is negative, so a bigger denominator makes the output larger)`
            : '';
      return `divide: the denominator ${name(c, 1)} gets −${operand(c, 0)}/${operand(c, 1)}² = −${fp(a)}/${fp(b)}² = ${f(local)} times the gradient${why}.`;
    },
  },
  {
    name: 'pow',
    symbol: '^',
    functions: ['pow'],
    minArgs: 2,
    maxArgs: 2,
    pattern: 'power',
    forward: (x) => at(x, 0) ** at(x, 1),
    partial: (x, o, i) => (i === 0 ? powerRule(at(x, 0), at(x, 1)) : powExponent(at(x, 0), o)),
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
    explain: (c) => {
      const [a, b] = [at(c.x, 0), at(c.x, 1)];
      const [base, exponent] = [operand(c, 0), operand(c, 1)];
      if (c.i === 0) {
        const shifted = b - 1;
        return `power rule: the base ${name(c, 0)} gets ${exponent}·${base}^(${name(c, 1)}−1) = ${fp(b)}·${fp(a)}^${fp(shifted)} = ${f(powerRule(a, b))} times the gradient.`;
      }
      if (a === 0)
        return `the base ${name(c, 0)} is 0, so the exponent ${name(c, 1)} gets 0 (the limit of ${base}^${exponent}·ln(${name(c, 0)}) as ${name(c, 0)} → 0).`;
      return `the exponent ${name(c, 1)} gets ${base}^${exponent}·ln(${name(c, 0)}) = ${fp(c.out)}·ln(${f(a)}) = ${f(powExponent(a, c.out))} times the gradient (the output times ln of the base).`;
    },
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
    partials: (x, _o, into) => route(maxWinner(x), x.length, into),
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
    partials: (x, _o, into) => route(minWinner(x), x.length, into),
    kink: (x) => tieGap(x, minWinner(x)),
    latex: (a) => `\\min\\left(${a.join(', ')}\\right)`,
    partialLatex: (a, _o, i) => `\\mathbb{1}\\left[${arg(a, i)} \\text{ is the min}\\right]`,
    explain: (c) => routeSentence(c, minWinner(c.x), 'min'),
  },
];
