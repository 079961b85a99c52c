import { useFrame, useGradflow } from '../store/hooks';
import { selectScene } from '../store/selectors';
import { describeStep } from './describeStep';
import { Tex } from './Tex';

/** What the current step does, in words (for everyone) and as a chain-rule equation (KaTeX). */
export function StepPanel() {
  const scene = useGradflow(selectScene);
  const frame = useFrame();
  if (!scene || !frame) return <section className="step-panel" aria-label="Step" />;
  const { title, text, latex } = describeStep(scene, frame);
  return (
    <section className="step-panel" aria-label="Step" aria-live="polite">
      <h2 className="step-title">{title}</h2>
      <p className="step-text">{text}</p>
      {latex && <Tex latex={latex} display className="step-tex" />}
    </section>
  );
}
