import { formatNumber as f, type Steps, type TangentStep } from '../core';

/** "0.2 + 0.4 = 0.6": the terms so far of a running sum, and the sum. */
function sumText(parts: readonly number[], total: number): string | undefined {
  if (parts.length < 2) return undefined;
  const sum = parts.map((c, k) => (k === 0 ? f(c) : c < 0 ? `− ${f(-c)}` : `+ ${f(c)}`)).join(' ');
  return `${sum} = ${f(total)}`;
}

/** "0.2 + 0.4 = 0.6" at the node where the current step's branch joins others. */
export function runningSum(steps: Steps, index: number): string | undefined {
  if (index >= steps.length || steps.terms(index) < 2) return undefined;
  const parts: number[] = [];
  for (let k = 0; k <= index; k++)
    if (steps.source(k) === steps.source(index)) parts.push(steps.contribution(k));
  return sumText(parts, steps.after(index));
}

/** Forward mode: the same at the gate where the tangents of several branches meet. */
export function tangentSum(steps: readonly TangentStep[], index: number): string | undefined {
  const step = steps[index];
  if (!step || step.terms < 2) return undefined;
  const parts = steps.slice(0, index + 1).filter((s) => s.target === step.target);
  return sumText(
    parts.map((s) => s.contribution),
    step.after,
  );
}

/** A program's text in one short line, for the "last valid program" banner. */
export function clip(source: string): string {
  const one = source.replace(/\s*\n\s*/g, '; ');
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
