import { describe, expect, it } from 'vitest';
import { frameAt } from '../../src/core';
import { isClose, maskFrame, questionAt } from '../../src/store/quiz';
import { createGradflowStore } from '../../src/store/store';

describe('quiz', () => {
  it('counts a prediction right within 1%, or ±0.005 near zero', () => {
    expect(isClose(-4.03, -4)).toBe(true);
    expect(isClose(-4.05, -4)).toBe(false);
    expect(isClose(0.004, 0)).toBe(true);
    expect(isClose(0.01, 0)).toBe(false);
  });

  it('hides only the current step’s number', () => {
    const s = createGradflowStore({ source: 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z' });
    const scene = s.getState().scene;
    if (!scene) throw new Error('no scene');
    const g = scene.analysis.graph;
    const fwd = maskFrame(frameAt(g, scene.timeline, 1)); // computing q
    const q = g.nodes.find((n) => n.label === 'q')?.id as number;
    expect(fwd.known[q]).toBe(0);
    const back = frameAt(g, scene.timeline, 4); // second backward step: f → z
    const masked = maskFrame(back);
    expect(Number.isNaN(masked.edgeGrad[back.step?.edge as number] as number)).toBe(true);
    expect(masked.edgeGrad[scene.analysis.steps.at(0)?.edge as number]).toBe(-4); // the earlier step stays
    expect(questionAt(scene, back)?.truth).toBe(3);
  });

  it('marks answers against the truth and starts from the beginning', () => {
    const s = createGradflowStore({ source: 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z' });
    s.getState().setQuiz(true);
    expect(s.getState().position).toBe(0);
    s.getState().step(1); // q = x + y
    s.getState().answer(3);
    s.getState().step(1); // f = q * z
    s.getState().answer(12);
    expect(s.getState().answers).toEqual({
      1: { given: 3, correct: true },
      2: { given: 12, correct: false },
    });
  });
});
