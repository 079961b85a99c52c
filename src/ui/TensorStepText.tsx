import type { TensorFrame } from '../core';
import type { Scene, TensorScene } from '../store/derive';
import { describeTensorStep } from './describeTensorStep';
import { Tex } from './Tex';

/** The step panel's words and equation at tensor level (its code comes with the tensor view's). */
export function TensorStepText({
  scene,
  frame,
}: {
  scene: Scene & { tensor: TensorScene };
  frame: TensorFrame;
}) {
  const { title, text, latex } = describeTensorStep(scene, frame);
  return (
    <>
      <h2 className="step-title">{title}</h2>
      <p className="step-text">{text}</p>
      {latex && <Tex latex={latex} display className="step-tex" />}
    </>
  );
}
