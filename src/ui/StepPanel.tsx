import type { Scene, TensorScene } from '../store/derive';
import { useFrame, useGradflow, useQuizHidden, useTensorFrame } from '../store/hooks';
import { markText, questionAt } from '../store/quiz';
import { selectScene } from '../store/selectors';
import { describeStep } from './describeStep';
import { LazyBox, lazyPart } from './lazyPart';
import { QuizPrompt } from './QuizPrompt';
import { SeedBar } from './SeedBar';
import { Tex } from './Tex';

// The tensor level's captions come with its drawing (see view/GraphView.tsx).
const TENSOR_STEP = lazyPart(() => import('./TensorStepText').then((m) => m.TensorStepText));

/** What the current step does, in words (for everyone) and as a chain-rule equation (KaTeX). */
export function StepPanel() {
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
  if (!scene || !frame) return <section className="step-panel" aria-label="Step" />;
  if (scene.tensor && tensorFrame)
    return (
      <section className="step-panel" aria-label="Step" aria-live="polite">
        <LazyBox
          name="The tensor step"
          part={TENSOR_STEP}
          props={{ scene: scene as Scene & { tensor: TensorScene }, frame: tensorFrame }}
        />
      </section>
    );
  const { title, text, latex } = describeStep(scene, frame);
  const question = quiz ? questionAt(scene, frame) : null;
  return (
    <section className="step-panel" aria-label="Step" aria-live="polite">
      <SeedBar />
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
        <QuizPrompt key={`${scene.shape}:${frame.phase}:${frame.index}`} prompt={question.prompt} />
      ) : (
        <>
          {answer && question && (
            <p className={`mark ${answer.correct ? 'right' : 'wrong'}`}>{markText(answer, question.truth)}</p>
          )}
          <p className="step-text">{text}</p>
          {latex && <Tex latex={latex} display className="step-tex" />}
        </>
      )}
    </section>
  );
}
