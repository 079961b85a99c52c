import type { Frame, TangentPass } from '../core';
import type { Scene } from '../store/derive';
import { describeTangent } from './describeTangent';
import { SeedBar } from './SeedBar';
import { Tex } from './Tex';

/** The Step panel in forward mode: the seed bar, then the step in words and as KaTeX. */
export function TangentStepText({ scene, frame, pass }: { scene: Scene; frame: Frame; pass: TangentPass }) {
  const { title, text, latex } = describeTangent(scene, frame, pass);
  return (
    <>
      <SeedBar />
      <h2 className="step-title">{title}</h2>
      <p className="step-text">{text}</p>
      {latex && <Tex latex={latex} display className="step-tex" />}
    </>
  );
}
