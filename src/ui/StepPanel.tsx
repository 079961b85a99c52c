import { definitionLatex, formatNumber, forwardCaption, numberLatex, stepCaption, stepLatex } from '../core';
import { useFrame, useGradflow } from '../store/hooks';
import { selectScene } from '../store/selectors';
import { Tex } from './Tex';

/** What the current step does, in words (for everyone) and as a chain-rule equation (KaTeX). */
export function StepPanel() {
  const scene = useGradflow(selectScene);
  const frame = useFrame();
  if (!scene || !frame) return <section className="step-panel" aria-label="Step" />;
  const { graph, values, steps } = scene.analysis;
  const { names } = scene;
  const out = names[graph.output] as string;
  let title: string;
  let text: string;
  let latex = '';
  if (frame.phase === 'start') {
    title = 'Start';
    text = `The inputs are set. Step forward to compute each gate in order, then back-propagate ∂${out}/∂· edge by edge.`;
  } else if (frame.phase === 'forward' && frame.node !== undefined) {
    title = `Forward ${frame.index} of ${scene.timeline.forward.length}`;
    text = forwardCaption(graph, names, values, frame.node);
    latex = `${definitionLatex(graph, names, frame.node)} = ${numberLatex(values[frame.node] as number, 4, true)}`;
  } else if (frame.step) {
    title = `Backward step ${frame.index} of ${steps.length}`;
    const e = graph.edges[frame.step.edge];
    text = `Edge ${names[e?.source ?? 0]} → ${names[e?.target ?? 0]}: ${stepCaption(graph, names, values, frame.step)}`;
    const before = steps
      .slice(0, frame.index - 1)
      .filter((s) => s.source === frame.step?.source)
      .map((s) => s.contribution);
    latex = stepLatex(graph, names, frame.step, before);
  } else {
    title = 'Done';
    const grads = scene.analysis.inputs.map(
      (i) => `∂${out}/∂${i.name} = ${formatNumber(scene.analysis.gradients[i.name] as number)}`,
    );
    text = `${out} = ${formatNumber(values[graph.output] as number)}. Every gradient has arrived: ${grads.join(', ')}. Press Restart (Home) to watch it again.`;
  }
  return (
    <section className="step-panel" aria-label="Step" aria-live="polite">
      <h2 className="step-title">{title}</h2>
      <p className="step-text">{text}</p>
      {latex && <Tex latex={latex} display className="step-tex" />}
    </section>
  );
}
