import { formatNumber as f } from '../format';
import type { EdgeContext } from './types';

/* Small helpers the op definitions share: argument access, LaTeX parenthesization, and the student's own
 * names and numbers for the captions. */

export const at = (x: readonly number[], i: number) => x[i] as number;
export const arg = (a: readonly string[], i: number) => a[i] as string;
/** Parenthesize an operand that is not a single symbol or number, or that is negative. */
export const p = (s: string) => (/^[\w\\{}.]+$/.test(s) ? s : `\\left(${s}\\right)`);

/**
 * Plain-text name of argument i, as the student wrote it: the variable's name, or a constant's number
 * (`−2`, formatted like every other number; `pi` and `e` keep their names).
 */
export const name = (c: EdgeContext, i: number) => {
  const n = c.names[i] ?? '?';
  return c.constant[i] && /^[-.\d]/.test(n) ? f(at(c.x, i)) : n;
};
/** A number inside a formula, parenthesized when negative: 2·(−3)^1. */
export const fp = (v: number) => (v < 0 ? `(${f(v)})` : f(v));
/** Argument i's name inside a formula: a negative constant is parenthesized like a number, (−2)². */
export const operand = (c: EdgeContext, i: number) => {
  const n = name(c, i);
  return n.startsWith('−') ? `(${n})` : n;
};
