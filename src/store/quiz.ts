import { type Frame, formatNumber } from '../core';
import type { Scene } from './derive';

/** A prediction counts as right within 1% of the answer, or ±0.005 near zero (two decimals). */
export function isClose(given: number, truth: number): boolean {
  return Math.abs(given - truth) <= Math.max(0.005, 0.01 * Math.abs(truth));
}
export const TOLERANCE_TEXT = 'within 1% (or ±0.005)';

export interface Question {
  /** What to predict, in words. */
  prompt: string;
  truth: number;
}

/** The number the class predicts at this position: a gate's value going forward, an edge's gradient going back. */
export function questionAt(scene: Scene, frame: Frame): Question | null {
  const { names } = scene;
  const out = names[scene.analysis.graph.output] as string;
  if (frame.phase === 'forward' && frame.node !== undefined) {
    return {
      prompt: `Predict the value of ${names[frame.node]}.`,
      truth: scene.analysis.values[frame.node] as number,
    };
  }
  if (frame.phase === 'backward' && frame.step) {
    const s = frame.step;
    const [src, gate] = [names[s.source], names[s.target]];
    const what =
      s.target === scene.analysis.graph.output ? `∂${out}/∂${src}` : `∂${out}/∂${gate} × ∂${gate}/∂${src}`;
    return {
      prompt: `Predict the gradient flowing back to ${src} along this edge from ${gate}: ${what}.`,
      truth: s.contribution,
    };
  }
  return null;
}

/**
 * The frame with the current step's number hidden: the gate's value (forward), or the edge's gradient,
 * the new running sum and the receiving node's total (backward). Earlier steps stay visible.
 */
export function maskFrame(frame: Frame): Frame {
  const known = frame.known.slice();
  const grad = frame.grad.slice();
  const edgeGrad = frame.edgeGrad.slice();
  if (frame.phase === 'forward' && frame.node !== undefined) known[frame.node] = 0;
  if (frame.phase === 'backward' && frame.step) {
    edgeGrad[frame.step.edge] = Number.NaN;
    grad[frame.step.source] = frame.step.term > 1 ? frame.step.before : Number.NaN;
  }
  return { ...frame, known, grad, edgeGrad };
}

export interface Answer {
  given: number;
  correct: boolean;
}

export function markText(a: Answer, truth: number): string {
  return a.correct
    ? `✓ Right: ${formatNumber(truth, 6)}.`
    : `✗ Not quite: you said ${formatNumber(a.given, 6)}; the answer is ${formatNumber(truth, 6)}.`;
}
