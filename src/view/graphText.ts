import { type Frame, formatNumber as f, type Steps, type TangentStep, type Timeline } from '../core';

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

/**
 * What the current step writes on the graph: its product (upstream × local going back, local × the
 * tangent going forward), its two lines ("?" in the quiz), its index, and the running sum where branches meet.
 */
export function stepText(timeline: Timeline | undefined, frame: Frame | null, quizHidden: boolean) {
  const step = frame?.step
    ? { factors: [frame.step.upstream, frame.step.local] as const, contribution: frame.step.contribution }
    : frame?.tangent
      ? {
          factors: [frame.tangent.local, frame.tangent.incoming] as const,
          contribution: frame.tangent.contribution,
        }
      : undefined;
  const index = frame?.phase === 'backward' || frame?.phase === 'tangent' ? frame.index - 1 : -1;
  const tangent = timeline?.tangent;
  const sum =
    timeline && index >= 0
      ? tangent
        ? tangentSum(tangent.steps, index)
        : runningSum(timeline.steps, index)
      : undefined;
  const lines: [string, string] | undefined = step
    ? quizHidden
      ? ['?', '']
      : [`${f(step.factors[0])} × ${f(step.factors[1])}`, `= ${f(step.contribution)}`]
    : undefined;
  return { step, index, sum, lines };
}
