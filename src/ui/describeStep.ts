import {
  definitionLatex,
  type Frame,
  formatNumber,
  forwardCaption,
  numberLatex,
  stepCaption,
  stepLatex,
  symbolLatex,
  type TangentPass,
  tangentCaption,
  tangentLatex,
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
  if (scene.timeline.tangent) return describeTangent(scene, frame, scene.timeline.tangent);
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
  const row = graph.outputs ? ` That is row ${out} of the Jacobian.` : '';
  return {
    title: 'Done',
    text: `${out} = ${formatNumber(values[graph.output] as number)}. Every gradient has arrived: ${grads.join(', ')}.${row} Press Restart (Home) to watch it again.`,
    latex: '',
  };
}

/** Forward mode: the seed, each tangent step, and at the end the derivative against reverse mode's. */
function describeTangent(scene: Scene, frame: Frame, pass: TangentPass): StepDescription {
  const { graph, values, inputs, gradients } = scene.analysis;
  const { names } = scene;
  const out = names[graph.output] as string;
  const x = names[pass.seed] as string;
  const xl = symbolLatex(graph, names, pass.seed);
  const n = inputs.length;
  if (frame.phase === 'start') {
    const others = inputs.filter((i) => i.name !== x).map((i) => i.name);
    return {
      title: 'Forward mode: the seed',
      text: `Forward mode pushes one input's tangent ∂·/∂${x} forward, from the inputs to ${out}. The seed is 1 on ${x}${others.length ? ` and 0 on ${others.join(', ')}` : ''}. The values are already computed; step forward to carry the tangent along each edge.`,
      latex: `\\frac{\\partial ${xl}}{\\partial ${xl}} = 1`,
    };
  }
  if (frame.tangent) {
    const step = frame.tangent;
    // Contributions that reached the same gate before this one: the terms of its running sum.
    const before = pass.steps
      .slice(0, frame.index - 1)
      .filter((s) => s.target === step.target)
      .map((s) => s.contribution);
    return {
      title: `Tangent step ${frame.index} of ${pass.steps.length}`,
      text: `Edge ${names[step.source]} → ${names[step.target]}: ${tangentCaption(graph, names, values, pass, step)}`,
      latex: tangentLatex(graph, names, pass.seed, step, before),
    };
  }
  const outs = graph.outputs;
  if (outs) {
    // A vector output: one tangent pass reaches every element, a whole column of the Jacobian.
    const column = outs.map((o) => `∂${names[o]}/∂${x} = ${formatNumber(pass.dots[o] as number)}`);
    return {
      title: 'Forward mode: done',
      text: `Column ${x} of the Jacobian, in one pass of ${pass.steps.length} tangent steps: ${column.join(', ')}. Forward mode fills the Jacobian a column per input (${n} passes); reverse mode a row per output (${outs.length} passes).`,
      latex: '',
    };
  }
  const dot = pass.dots[graph.output] as number;
  const reverse = gradients[x] as number;
  const agree = Math.abs(dot - reverse) <= 1e-9 * Math.max(1, Math.abs(reverse));
  const cost =
    n > 1
      ? ` That is one input's derivative per pass: this program has ${n} inputs, so forward mode needs ${n} passes, where one backward pass gives every ∂${out}/∂x.`
      : '';
  return {
    title: 'Forward mode: done',
    text: `∂${out}/∂${x} = ${formatNumber(dot)} after ${pass.steps.length} tangent steps. Reverse mode's gradient ∂${out}/∂${x} is ${formatNumber(reverse)}: ${agree ? 'the same' : 'they differ'}.${cost}`,
    latex: `\\frac{\\partial ${symbolLatex(graph, names, graph.output)}}{\\partial ${xl}} = ${numberLatex(dot, 4, true)}`,
  };
}
