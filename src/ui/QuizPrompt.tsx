import { useState } from 'react';
import { useGradflow } from '../store/hooks';
import { TOLERANCE_TEXT } from '../store/quiz';
import { selectActions } from '../store/selectors';

/** The class's prediction for the current step: a number box, Check, and Reveal. */
export function QuizPrompt({ prompt }: { prompt: string }) {
  const { answer, reveal } = useGradflow(selectActions);
  const [text, setText] = useState('');
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value);
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) answer(value);
      }}
    >
      <p>{prompt}</p>
      <label htmlFor="quiz-answer">Your prediction</label>{' '}
      <input
        id="quiz-answer"
        type="number"
        step="any"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />{' '}
      <button type="submit" disabled={!valid}>
        Check
      </button>{' '}
      <button type="button" onClick={reveal}>
        Reveal
      </button>
      <span className="hint"> Counted right {TOLERANCE_TEXT}.</span>
    </form>
  );
}
