import type { Frame } from '../core';
import type { Scene } from '../store/derive';
import { describeStep } from './describeStep';
import { Tex } from './Tex';

/** A gate's step in words and as KaTeX (its captions come with the first step off the Start). */
export function GateStepText({ scene, frame }: { scene: Scene; frame: Frame }) {
  const { text, latex } = describeStep(scene, frame);
  return (
    <>
      <p className="step-text">{text}</p>
      {latex && <Tex latex={latex} display className="step-tex" />}
    </>
  );
}
