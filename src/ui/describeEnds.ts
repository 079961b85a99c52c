import { type Frame, formatNumber } from '../core';
import type { Scene } from '../store/derive';

export interface StepDescription {
  title: string;
  /** Plain text for everyone (and screen readers). */
  text: string;
  /** The step's equation as LaTeX (empty at the start and the end). */
  latex: string;
}

/** The title of a gate's step, forward or backward (its words come with describeGate.ts). */
export function gateTitle(scene: Scene, frame: Frame): string {
  return frame.phase === 'forward'
    ? `Forward ${frame.index} of ${scene.timeline.forward.length}`
    : `Backward step ${frame.index} of ${scene.timeline.steps.length}`;
}

/** What the Start and Done positions say (the first screen's text: no captions needed). */
export function describeEnd(scene: Scene, frame: Frame): StepDescription {
  const { graph, values } = scene.analysis;
  const { names } = scene;
  const out = names[graph.output] as string;
  if (frame.phase === 'start') {
    return {
      title: 'Start',
      text: `The inputs are set. Step forward to compute each gate in order, then back-propagate ∂${out}/∂· edge by edge.`,
      latex: '',
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
  const row = graph.outputs ? ` That is row ${out} of the Jacobian.` : '';
  return {
    title: 'Done',
    text: `${out} = ${formatNumber(values[graph.output] as number)}. Every gradient has arrived: ${grads.join(', ')}.${row} Press Restart (Home) to watch it again.`,
    latex: '',
  };
}
