import {
  type Frame,
  formatNumber,
  numberLatex,
  symbolLatex,
  type TangentPass,
  tangentCaption,
  tangentLatex,
} from '../core';
import type { Scene } from '../store/derive';
import type { StepDescription } from './describeStep';

/* What the Step panel says in forward mode (its code comes with the first forward pass). */

const steps = (n: number) => `${n} tangent step${n === 1 ? '' : 's'}`;

/** Forward mode: the seed, each tangent step, and at the end the derivative against reverse mode's. */
export function describeTangent(scene: Scene, frame: Frame, pass: TangentPass): StepDescription {
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
      text: `Forward mode pushes one input's tangent d·/d${x} forward, from the inputs to ${out}. The seed is 1 on ${x}${others.length ? ` and 0 on ${others.join(', ')}` : ''}. The values are already computed; step forward to carry the tangent along each edge.`,
      latex: `\\frac{d ${xl}}{d ${xl}} = 1`,
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
    const column = outs.map((o) => `d${names[o]}/d${x} = ${formatNumber(pass.dots[o] as number)}`);
    return {
      title: 'Forward mode: done',
      text: `Column ${x} of the Jacobian, in one pass of ${steps(pass.steps.length)}: ${column.join(', ')}. Forward mode fills the Jacobian a column per input (${n} passes); reverse mode a row per output (${outs.length} passes).`,
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
    text: `d${out}/d${x} = ${formatNumber(dot)} after ${steps(pass.steps.length)}. Reverse mode's gradient ∂${out}/∂${x} is ${formatNumber(reverse)}: ${agree ? 'the same' : 'they differ'}.${cost}`,
    latex: `\\frac{d ${symbolLatex(graph, names, graph.output)}}{d ${xl}} = ${numberLatex(dot, 4, true)}`,
  };
}
