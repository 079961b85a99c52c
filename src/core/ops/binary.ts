import { formatNumber as f } from '../format';
import { arg, at, name, p } from './shared';
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
];
