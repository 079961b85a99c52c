import { formatNumber as f } from '../format';
import { arg, at, fp, name } from './shared';
import type { EdgeContext, OpSpec } from './types';

/*
 * The two ops of staged computation (a function call drawn as one gate, or opened up):
 *   param: inside an expanded call, the argument under its parameter's name. Its value is the argument's
 *          and its local derivative is 1: the gradient reaching the parameter passes out unchanged.
 *   call:  a collapsed call. Its value is the body's output, and its local derivative on each edge is
 *          ∂out/∂argument by the chain rule through the body; the graph carries those numbers
 *          (Graph.callLocal), since they depend on the whole inside and not on the gate's inputs alone.
 */

/** "sig gate: local derivative σ(1−σ) = 0.7311·(1−0.7311) = 0.1966": a body recognised as a built-in. */
export function compositeSays(gate: string, like: 'sigmoid' | 'tanh', out: number): string {
  return like === 'sigmoid'
    ? `${gate} gate: local derivative σ(1−σ) = ${f(out)}·(1−${f(out)}) = ${f(out * (1 - out))}.`
    : `${gate} gate: local derivative 1−tanh² = 1−${fp(out)}² = ${f(1 - out * out)}.`;
}

const callSays = (c: EdgeContext): string => {
  const fn = c.fn ?? 'ƒ';
  if (c.like && c.x.length === 1) return compositeSays(fn, c.like, c.out);
  const wrt = c.param ?? name(c, c.i);
  return `${fn} gate: local derivative ∂${fn}/∂${wrt} = ${f(c.local ?? Number.NaN)}, the chain rule through its inside (expand it to see each step).`;
};

export const STAGED_OPS: OpSpec[] = [
  {
    name: 'param',
    symbol: '=',
    functions: [],
    minArgs: 1,
    maxArgs: 1,
    pattern: 'passes',
    forward: (x) => at(x, 0),
    partial: () => 1,
    latex: (a) => arg(a, 0),
    partialLatex: () => '1',
    explain: (c) =>
      `${c.param ?? 'the parameter'} is ${c.fn ?? 'the function'}'s parameter, bound to ${name(c, 0)}: the gradient passes out unchanged (×1).`,
  },
  {
    name: 'call',
    symbol: 'ƒ',
    functions: [],
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    pattern: 'staged',
    forward: () => Number.NaN,
    partial: () => Number.NaN,
    latex: (a) => `f(${a.join(', ')})`,
    partialLatex: () => '',
    explain: callSays,
  },
];
