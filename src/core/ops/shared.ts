import type { EdgeContext } from './types';

/* Small helpers the op definitions share: argument access and LaTeX parenthesization. */

export const at = (x: readonly number[], i: number) => x[i] as number;
export const arg = (a: readonly string[], i: number) => a[i] as string;
/** Parenthesize an operand that is not a single symbol or number, or that is negative. */
export const p = (s: string) => (/^[\w\\{}.]+$/.test(s) ? s : `\\left(${s}\\right)`);
export const name = (c: EdgeContext, i: number) => c.names[i] ?? '?';
