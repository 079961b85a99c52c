import {
  definitionLatex,
  type Frame,
  formatNumber,
  forwardCaption,
  numberLatex,
  stepCaption,
  stepLatex,
} from '../core';
import type { Scene } from '../store/derive';

export interface StepDescription {
  title: string;
  /** Plain text for everyone (and screen readers). */
  text: string;
  /** The step's equation as LaTeX (empty at the start and the end). */
  latex: string;
}

/** What the current position of the animation shows: used by the Step panel and the LaTeX export. */
export function describeStep(scene: Scene, frame: Frame): StepDescription {
  const { graph, values, steps } = scene.analysis;
  const { names } = scene;
  const out = names[graph.output] as string;
  if (frame.phase === 'start') {
    return {
      title: 'Start',
      text: `The inputs are set. Step forward to compute each gate in order, then back-propagate ∂${out}/∂· edge by edge.`,
      latex: '',
    };
  }
  if (frame.phase === 'forward' && frame.node !== undefined) {
    return {
      title: `Forward ${frame.index} of ${scene.timeline.forward.length}`,
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
      title: `Backward step ${frame.index} of ${steps.length}`,
      text: `Edge ${names[step.source]} → ${names[step.target]}: ${stepCaption(graph, names, values, step)}`,
      latex: stepLatex(graph, names, step, before),
    };
  }
  if (scene.analysis.inputs.length === 0) {
    return {
      title: 'Done',
      text: `${out} = ${formatNumber(values[graph.output] as number)}. The program has no inputs, so there is no gradient to find.`,
      latex: '',
    };
  }
  const grads = scene.analysis.inputs.map(
    (i) => `∂${out}/∂${i.name} = ${formatNumber(scene.analysis.gradients[i.name] as number)}`,
  );
  return {
    title: 'Done',
    text: `${out} = ${formatNumber(values[graph.output] as number)}. Every gradient has arrived: ${grads.join(', ')}. Press Restart (Home) to watch it again.`,
    latex: '',
  };
}
