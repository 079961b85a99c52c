import {
  type AnalysisOk,
  type BackwardStep,
  type DrawnNode,
  elementIndex,
  formatNumber,
  forwardCaption,
  matrixLatex,
  nameLatex,
  numbers,
  scalarNames,
  stepCaption,
  stepLatex,
  type TensorFrame,
  type TensorStep,
  tensorNames,
  tensorStepCaption,
  tensorStepLatex,
} from '../core';

import type { Scene, TensorScene } from '../store/derive';
import type { StepDescription } from './describeStep';

const dims = (shape: readonly number[]) => (shape.length === 0 ? '1' : shape.join('×'));

/** What the current position of the tensor level's replay shows, in words and as LaTeX. */
export function describeTensorStep(
  scene: Scene & { tensor: TensorScene },
  frame: TensorFrame,
): StepDescription {
  const { drawn, names } = scene.tensor;
  const a = scene.full;
  const level = drawn.level;
  const levelNames = tensorNames(level);
  const out = names[drawn.output] as string;
  const node = (id: number) => drawn.nodes[id] as DrawnNode;
  if (frame.phase === 'start')
    return {
      title: 'Start',
      text: `The inputs are set. Step forward to compute each operation, then back-propagate ∂${out}/∂· edge by edge, one vector-Jacobian product per edge.`,
      latex: '',
    };
  if (frame.phase === 'forward' && frame.node !== undefined) {
    const n = node(frame.node);
    const name = names[n.id] as string;
    const value = drawn.value(n.id);
    if (n.opened)
      return {
        title: `Forward ${frame.index} of ${drawn.forward.length}`,
        text: forwardCaption(a.graph, scalarNames(drawn, names, a), a.values, n.outputs[0] as number),
        latex: `${nameLatex(name)} = ${matrixLatex(value, [])}`,
      };
    const text = a.source.slice(n.start, n.end).trim();
    return {
      title: `Forward ${frame.index} of ${drawn.forward.length}`,
      // `s[0] = s[0]` would say nothing: the text only when it is not the name itself.
      text: `${text === name ? name : `${name} = ${text}`}: ${numbers(value, n.shape)}${n.shape.length > 0 ? ` (${dims(n.shape)})` : ''}.`,
      latex: `${nameLatex(name)} = ${matrixLatex(value, n.shape)}${n.shape.length > 0 ? ` \\quad (${dims(n.shape).replaceAll('×', '{\\times}')})` : ''}`,
    };
  }
  const step = frame.step;
  if (step) {
    const title = `Backward step ${frame.index} of ${drawn.steps.length}`;
    const S = names[step.source] as string;
    const T = names[step.target] as string;
    if (step.scalar) {
      // Inside an opened operation: the scalar step itself, as the scalar view says it.
      const sn = scalarNames(drawn, names, a);
      const before = drawn.steps
        .slice(0, frame.index - 1)
        .filter((s) => s.scalar && s.scalar.source === step.scalar?.source)
        .map((s) => s.scalar?.contribution as number);
      return {
        title,
        text: `Edge ${sn[step.scalar.source]} → ${sn[step.scalar.target]}: ${stepCaption(a.graph, sn, a.values, step.scalar)}`,
        latex: stepLatex(a.graph, sn, step.scalar, before),
      };
    }
    const source = node(step.source);
    const target = node(step.target);
    const scalarStep =
      target.kind === 'scalar' && !target.opened
        ? scalarStepOf(a, target.outputs[0] as number, step.slot)
        : undefined;
    if (scalarStep) {
      // A gate of numbers (the loss after the last tensor operation): the scalar step, in the scalar words,
      // with the two ends named as drawn (an element picked by s[2] is s[2] here, not softmax's t2[2]).
      const sn = scalarNames(drawn, names, a);
      sn[scalarStep.source] = S;
      sn[scalarStep.target] = T;
      const before = drawn.steps
        .slice(0, frame.index - 1)
        .filter((s) => s.source === step.source)
        .map((s) => s.contribution[0] as number);
      return {
        title,
        text: `Edge ${S} → ${T}: ${stepCaption(a.graph, sn, a.values, scalarStep)}`,
        latex: stepLatex(a.graph, sn, scalarStep, before),
      };
    }
    const tensorStep: TensorStep | undefined = level.steps.find(
      (s) =>
        s.target === target.tensor && s.slot === step.slot && (source.opened || s.source === source.tensor),
    );
    if (!tensorStep) return { title, text: `Edge ${S} → ${T}.`, latex: '' };
    const alone = drawn.steps.filter((s) => s.source === step.source).length === 1;
    const caption = tensorStepCaption(level, levelNames, tensorStep, alone && !source.opened);
    if (source.opened) {
      // One element of an opened operand: its share of the product.
      const p = level.nodes[source.tensor]?.outputs.indexOf(source.outputs[0] as number) ?? 0;
      const idx = elementIndex(level.nodes[source.tensor]?.shape ?? [], p);
      return {
        title,
        text: `Edge ${S} → ${T}: ${caption} This edge carries element ${idx}: ∂${out}/∂${S} = ${formatNumber(step.contribution[0] as number)}.`,
        latex: `\\frac{\\partial ${nameLatex(out)}}{\\partial ${nameLatex(S)}} = ${matrixLatex(step.contribution, [])}`,
      };
    }
    return {
      title,
      text: alone
        ? `Edge ${S} → ${T}: ${caption}`
        : `Edge ${S} → ${T}: ${caption} ${runningSum(drawn, frame, out, S)}`,
      latex: tensorStepLatex(level, levelNames, tensorStep),
    };
  }
  const inputs = drawn.nodes.filter((n) => n.kind === 'input' && n.label !== undefined);
  const grads = inputs.map((n) => `∂${out}/∂${names[n.id]} = ${numbers(drawn.grad(n.id), n.shape)}`);
  return {
    title: 'Done',
    text: `${out} = ${formatNumber(a.values[a.graph.output] as number)}. Every gradient has arrived, each of the shape of its input: ${grads.join(', ')}. Press Restart (Home) to watch it again.`,
    latex: '',
  };
}

/** The scalar analysis's step into gate `v` from its argument `slot`. */
function scalarStepOf(a: AnalysisOk, v: number, slot: number): BackwardStep | undefined {
  for (const s of a.steps) if (s.target === v && s.slot === slot) return s;
  return undefined;
}

/**
 * Where a node gets gradient from several consumers, each step brings one branch's share: the running
 * sum so far, and which term this is (as the scalar steps say it); else the gradient itself.
 */
function runningSum(drawn: TensorScene['drawn'], frame: TensorFrame, out: string, S: string): string {
  const step = frame.step;
  if (!step) return '';
  const terms = drawn.steps.filter((s) => s.source === step.source);
  const term = terms.indexOf(step) + 1;
  const shape = drawn.nodes[step.source]?.shape ?? [];
  const sum = numbers(frame.grad[step.source] ?? step.contribution, shape);
  return `Term ${term} of ${terms.length} for ${S}: ∂${out}/∂${S} so far = ${sum}.`;
}
