import { type ReactNode, useRef } from 'react';
import type { Scene, TensorScene } from '../store/derive';
import { useFrame, useGradflow, useQuizHidden, useTensorFrame } from '../store/hooks';
import { markText, questionAt } from '../store/quiz';
import { selectScene } from '../store/selectors';
import { describeEnd, gateTitle } from './describeEnds';
import { LazyBox, lazyPart } from './lazyPart';
import { useSteadyHeight } from './useSteadyHeight';

// The tensor level's captions come with its drawing (see view/GraphView.tsx).
const TENSOR_STEP = lazyPart(() => import('./TensorStepText').then((m) => m.TensorStepText));
// A gate's captions come with the first step off the Start (the first screen's text needs none).
const GATE_STEP = lazyPart(() => import('./GateStepText').then((m) => m.GateStepText));
// The quiz's prompt comes with the first quiz.
const QUIZ_PROMPT = lazyPart(() => import('./QuizPrompt').then((m) => m.QuizPrompt));
// Forward mode's captions come with the first forward pass.
const TANGENT_STEP = lazyPart(() => import('./TangentStepText').then((m) => m.TangentStepText));

/** What the current step does, in words (for everyone) and as a chain-rule equation (KaTeX). */
export function StepPanel() {
  const ref = useRef<HTMLElement>(null);
  const scene = useGradflow(selectScene);
  const projector = useGradflow((s) => s.projector);
  const mode = scene?.tensor ? 'tensor' : scene?.timeline.tangent ? 'forward' : 'reverse';
  useSteadyHeight(ref, `${scene?.shape ?? ''}:${mode}:${projector}`);
  return (
    <section ref={ref} className="step-panel" aria-label="Step" aria-live="polite">
      <StepBody />
    </section>
  );
}

function StepBody(): ReactNode {
  const scene = useGradflow(selectScene);
  const frame = useFrame();
  const tensorFrame = useTensorFrame();
  const hidden = useQuizHidden();
  const quiz = useGradflow((s) => s.quiz);
  const answer = useGradflow((s) => s.answers[Math.round(s.position)]);
  const score = useGradflow((s) => {
    const all = Object.values(s.answers);
    return { right: all.filter((a) => a.correct).length, total: all.length };
  });
  if (!scene || !frame) return null;
  if (scene.tensor && tensorFrame)
    return (
      <LazyBox
        name="The tensor step"
        part={TENSOR_STEP}
        props={{ scene: scene as Scene & { tensor: TensorScene }, frame: tensorFrame }}
      />
    );
  if (scene.timeline.tangent)
    return (
      <LazyBox
        name="The forward-mode step"
        part={TANGENT_STEP}
        props={{ scene, frame, pass: scene.timeline.tangent }}
      />
    );
  const end = frame.phase === 'start' || frame.phase === 'done' ? describeEnd(scene, frame) : null;
  const title = end ? end.title : gateTitle(scene, frame);
  const question = quiz ? questionAt(scene, frame) : null;
  return (
    <>
      <h2 className="step-title">
        {title}
        {quiz && (
          <span className="score">
            {' '}
            · Quiz: {score.right} of {score.total} right
          </span>
        )}
      </h2>
      {hidden && question ? (
        <LazyBox
          key={`${scene.shape}:${frame.phase}:${frame.index}`}
          name="The quiz"
          part={QUIZ_PROMPT}
          props={{ prompt: question.prompt }}
        />
      ) : (
        <>
          {answer && question && (
            <p className={`mark ${answer.correct ? 'right' : 'wrong'}`}>{markText(answer, question.truth)}</p>
          )}
          {end ? (
            <p className="step-text">{end.text}</p>
          ) : (
            <LazyBox name="The step" part={GATE_STEP} props={{ scene, frame }} />
          )}
        </>
      )}
    </>
  );
}
