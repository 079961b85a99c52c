import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/core';
import { selectError } from '../../src/store/selectors';
import { createGradflowStore } from '../../src/store/store';
import { completion, SETTLE_MS, unfinished } from '../../src/store/typing';

const TARGET = '2*log(x1+sin(x1))*max(x2,x3)';
const quiet = (src: string, known: string[] = []) => unfinished(src, analyze(src), new Set(known));

describe('typing: an unfinished ending is told from a mistake', () => {
  it('finishes endings in the simplest way', () => {
    expect(completion('2*log(x1+')).toBe('2*log(x1+1)');
    expect(completion('2*log')).toBe('2*log(1)');
    expect(completion('max(x2,')).toBe('max(x2,1)');
    expect(completion('x*y')).toBeNull();
    // Brackets close in the order they opened: a vector inside a call, a matrix being typed.
    expect(completion('sum([1, 2')).toBe('sum([1, 2])');
    expect(completion('W = [[1, 2], [3,')).toBe('W = [[1, 2], [3,1]]');
  });

  it('keeps a vector or matrix being typed quiet', () => {
    for (const s of ['v = [1, 2', 'W = [[1, 2], [3', 'f = sum(W @ [x', 'f = W @'])
      expect(quiet(s), s).toBe(true);
  });

  it('keeps unclosed parentheses, dangling operators and half-typed function names quiet', () => {
    for (const s of ['2*', '2*log', '2*log(', '2*log(x1+sin(x1', 'max(x2,', 'max(x2', 'q = x + y\nf = q *'])
      expect(quiet(s), s).toBe(true);
    expect(quiet('2*lo')).toBe(true); // valid, but `lo` is on its way to `log`
    expect(quiet('2*lo', ['lo'])).toBe(false); // the program on screen already has an input `lo`
  });

  it('reports real mistakes at once', () => {
    for (const s of ['x + * 2', 'x ) + 1', '(x + ) * y', 'x + * 2 + (']) expect(quiet(s), s).toBe(false);
    expect(quiet('x*y')).toBe(false);
  });

  it('typing the lecture expression key by key never draws a half-typed name, and settles after a pause', () => {
    vi.useFakeTimers();
    try {
      const s = createGradflowStore({ source: '' });
      const drawn = new Set<string>();
      for (let k = 1; k <= TARGET.length; k++) {
        s.getState().setSource(TARGET.slice(0, k));
        expect(selectError(s.getState()), TARGET.slice(0, k)).toBeNull();
        const scene = s.getState().scene;
        if (scene) drawn.add(scene.analysis.source);
      }
      expect([...drawn]).toEqual(['2', '2*log(x1+sin(x1))', TARGET]);
      s.getState().setSource(`${TARGET}*(`);
      expect(s.getState().pending).toBe(true);
      vi.advanceTimersByTime(SETTLE_MS + 10);
      expect(s.getState().pending).toBe(false);
      expect(s.getState().analysis.ok).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('undo and redo cover every way the work changes', () => {
  it('undoes a slider drag as one step, then the typing before it', () => {
    vi.useFakeTimers();
    try {
      const s = createGradflowStore({ source: 'x = 1\nf = x*x' });
      vi.advanceTimersByTime(5000);
      for (const v of [1.1, 1.2, 1.3]) s.getState().setValue('x', v);
      expect(s.getState().source).toBe('x = 1.3\nf = x*x');
      s.getState().undo();
      expect(s.getState().source).toBe('x = 1\nf = x*x');
      s.getState().redo();
      expect(s.getState().source).toBe('x = 1.3\nf = x*x');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reset puts every input back to its text value or 1, and can be undone', () => {
    const s = createGradflowStore({ source: 'x1*x2 + 1', overrides: { x1: 5, x2: -2 } });
    expect(s.getState().analysis.ok && s.getState().analysis).toMatchObject({ value: -9 });
    s.getState().resetValues();
    expect(s.getState().overrides).toEqual({});
    expect(s.getState().analysis).toMatchObject({ value: 2 });
    s.getState().undo();
    expect(s.getState().analysis).toMatchObject({ value: -9 });
  });
});
