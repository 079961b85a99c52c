import { definitionLatex, type Frame, forwardCaption, numberLatex, stepCaption, stepLatex } from '../core';
import type { Scene } from '../store/derive';
import { describeEnd, gateTitle, type StepDescription } from './describeEnds';

export type { StepDescription } from './describeEnds';

/** What the current position of the animation shows: used by the Step panel and the LaTeX export. */
export function describeStep(scene: Scene, frame: Frame): StepDescription {
  const { graph, values, steps } = scene.analysis;
  const { names } = scene;
  if (frame.phase === 'forward' && frame.node !== undefined) {
    return {
      title: gateTitle(scene, frame),
      text: forwardCaption(graph, names, values, frame.node),
      latex: `${definitionLatex(graph, names, frame.node)} = ${numberLatex(values[frame.node] as number, 4, true)}`,
    };
  }
  if (frame.step) {
    const step = frame.step;
    // Contributions that reached the same node before this one: the terms of its running sum.
    const before: number[] = [];
    for (let k = 0; k < frame.index - 1; k++) {
      if (steps.source(k) === step.source) before.push(steps.contribution(k));
    }
    return {
      title: gateTitle(scene, frame),
      text: `Edge ${names[step.source]} → ${names[step.target]}: ${stepCaption(graph, names, values, step)}`,
      latex: stepLatex(graph, names, step, before),
    };
  }
  return describeEnd(scene, frame);
}
