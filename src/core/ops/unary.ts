import { formatNumber as f } from '../format';
import { arg, at, fp, name, operand, p } from './shared';
import { compositeSays } from './staged';
import type { EdgeContext, OpName, OpSpec } from './types';

/* The one-input gates: negation and the functions (exp, log, sqrt, abs, trig, tanh, sigmoid, relu). */

function logDomain(x: readonly number[], fn: string): string | null {
  const v = at(x, 0);
  if (v < 0) return `${fn} of a negative number (${f(v)})`;
  if (v === 0) return `${fn} of zero (it goes to −∞)`;
  return null;
}

function unary(
  name: OpName,
  functions: string[],
  spec: Pick<OpSpec, 'forward' | 'pattern' | 'domain' | 'kink' | 'expansion'> & {
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
    ...(spec.expansion ? { expansion: spec.expansion } : {}),
    latex: (a) => spec.tex(arg(a, 0)),
    partialLatex: (a, o) => spec.dtex(arg(a, 0), o),
    explain: spec.says,
  };
}

/** log base b: (log_b x)' = 1/(x ln b). One definition for log10 and log2. */
function logBase(fn: 'log10' | 'log2', base: number, log: (v: number) => number): OpSpec {
  const lnB = Math.log(base);
  return unary(fn, [fn], {
    pattern: 'reciprocal',
    forward: (x) => log(at(x, 0)),
    d: (v) => 1 / (v * lnB),
    domain: (x) => logDomain(x, fn),
    tex: (a) => `\\log_{${base}} ${p(a)}`,
    dtex: (a) => `\\frac{1}{${p(a)} \\ln ${base}}`,
    says: (c) =>
      `${fn} multiplies the gradient by 1/(${operand(c, 0)}·ln ${base}) = 1/(${fp(at(c.x, 0))}·ln ${base}) = ${f(1 / (at(c.x, 0) * lnB))}.`,
  });
}

export const UNARY_OPS: OpSpec[] = [
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
    says: (c) =>
      `exp multiplies the gradient by its own output: e^${operand(c, 0)} = e^${fp(at(c.x, 0))} = ${f(c.out)}.`,
  }),
  unary('log', ['log', 'ln'], {
    pattern: 'reciprocal',
    forward: (x) => Math.log(at(x, 0)),
    d: (v) => 1 / v, // (ln x)' = 1/x
    domain: (x) => logDomain(x, 'log'),
    tex: (a) => `\\ln ${p(a)}`,
    dtex: (a) => `\\frac{1}{${a}}`,
    says: (c) =>
      `log divides the gradient by its input: 1/${operand(c, 0)} = 1/${fp(at(c.x, 0))} = ${f(1 / at(c.x, 0))}.`,
  }),
  logBase('log10', 10, Math.log10),
  logBase('log2', 2, Math.log2),
  unary('sqrt', ['sqrt'], {
    pattern: 'smooth',
    forward: (x) => Math.sqrt(at(x, 0)),
    d: (_v, o) => 1 / (2 * o), // (√x)' = 1/(2√x)
    domain: (x) => (at(x, 0) < 0 ? `square root of a negative number (${f(at(x, 0))})` : null),
    tex: (a) => `\\sqrt{${a}}`,
    dtex: (a) => `\\frac{1}{2\\sqrt{${a}}}`,
    says: (c) =>
      `sqrt multiplies the gradient by 1/(2·√${operand(c, 0)}) = 1/(2·√${fp(at(c.x, 0))}) = ${f(1 / (2 * c.out))}.`,
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
        ? `abs has a corner at ${name(c, 0)} = 0; Gradflow uses the subgradient 0 there (as PyTorch does), so the gradient stops.`
        : `abs multiplies the gradient by the sign of its input: sign(${name(c, 0)}) = sign(${f(v)}) = ${v > 0 ? '+1' : '−1'}.`;
    },
  }),
  unary('sin', ['sin'], {
    pattern: 'smooth',
    forward: (x) => Math.sin(at(x, 0)),
    d: (v) => Math.cos(v),
    tex: (a) => `\\sin ${p(a)}`,
    dtex: (a) => `\\cos ${p(a)}`,
    says: (c) =>
      `sin multiplies the gradient by cos(${name(c, 0)}) = cos(${f(at(c.x, 0))}) = ${f(Math.cos(at(c.x, 0)))}.`,
  }),
  unary('cos', ['cos'], {
    pattern: 'smooth',
    forward: (x) => Math.cos(at(x, 0)),
    d: (v) => -Math.sin(v),
    tex: (a) => `\\cos ${p(a)}`,
    dtex: (a) => `-\\sin ${p(a)}`,
    says: (c) =>
      `cos multiplies the gradient by −sin(${name(c, 0)}) = −sin(${f(at(c.x, 0))}) = ${f(-Math.sin(at(c.x, 0)))}.`,
  }),
  unary('tan', ['tan'], {
    pattern: 'smooth',
    forward: (x) => Math.tan(at(x, 0)),
    d: (_v, o) => 1 + o * o, // (tan x)' = 1 + tan²x
    tex: (a) => `\\tan ${p(a)}`,
    dtex: (a) => `1 + \\tan^{2} ${p(a)}`,
    says: (c) =>
      `tan multiplies the gradient by 1 + tan²(${name(c, 0)}), from its own output: 1 + ${fp(c.out)}² = ${f(1 + c.out * c.out)}.`,
  }),
  unary('tanh', ['tanh'], {
    pattern: 'own-output',
    forward: (x) => Math.tanh(at(x, 0)),
    d: (_v, o) => 1 - o * o, // (tanh x)' = 1 − tanh²x, from its own output
    tex: (a) => `\\tanh ${p(a)}`,
    dtex: (a) => `1 - \\tanh^{2} ${p(a)}`,
    says: (c) =>
      `tanh gate: local derivative 1 − tanh²(${name(c, 0)}), from its own output: 1 − ${fp(c.out)}² = ${f(1 - c.out * c.out)}.`,
    expansion: '(exp(2*x) - 1)/(exp(2*x) + 1)',
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
    // CS231n's staged computation: the whole of 1/(1+exp(−x)) as one gate, σ' = σ(1−σ) from its output.
    says: (c) => compositeSays('σ', 'sigmoid', c.out),
    expansion: '1/(1 + exp(-x))',
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
