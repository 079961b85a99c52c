import { formatNumber as f, type Steps } from '../core';

/** "0.2 + 0.4 = 0.6" at the node where the current step's branch joins others. */
export function runningSum(steps: Steps, index: number): string | undefined {
  if (index >= steps.length || steps.terms(index) < 2) return undefined;
  const parts: number[] = [];
  for (let k = 0; k <= index; k++)
    if (steps.source(k) === steps.source(index)) parts.push(steps.contribution(k));
  if (parts.length < 2) return undefined;
  const sum = parts.map((c, k) => (k === 0 ? f(c) : c < 0 ? `− ${f(-c)}` : `+ ${f(c)}`)).join(' ');
  return `${sum} = ${f(steps.after(index))}`;
}

/** A program's text in one short line, for the "last valid program" banner. */
export function clip(source: string): string {
  const one = source.replace(/\s*\n\s*/g, '; ');
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
