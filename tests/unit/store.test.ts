import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/core';
import { MAX_DRAWN_NODES, makeScene } from '../../src/store/derive';
import { createGradflowStore, DEBOUNCE_CHARS, DEFER_CHARS, literal } from '../../src/store/store';

describe('store: values and text agree', () => {
  it('moving a declared input rewrites its number in the text', () => {
    const s = createGradflowStore({ source: 'x = -2; y = 5\nf = x * y' });
    s.getState().setValue('x', 1.25);
    expect(s.getState().source).toBe('x = 1.25; y = 5\nf = x * y');
    expect(s.getState().overrides).toEqual({});
    const a = s.getState().analysis;
    expect(a.ok && a.value).toBe(6.25);
  });

  it('an undeclared input keeps its value beside the text', () => {
    const s = createGradflowStore({ source: '(x + y) * z' });
    s.getState().setValue('z', -4);
    expect(s.getState().source).toBe('(x + y) * z');
    expect(s.getState().overrides).toEqual({ z: -4 });
    const a = s.getState().analysis;
    expect(a.ok && a.gradients.x).toBe(-4);
  });

  it('typing a new value in the text wins over an older field value', () => {
    const s = createGradflowStore({ source: '(x + y) * z' });
    s.getState().setValue('z', -4);
    s.getState().setSource('z = 2\n(x + y) * z');
    const a = s.getState().analysis;
    expect(a.ok && a.inputs.find((i) => i.name === 'z')?.value).toBe(2);
  });

  it('writes numbers without float noise', () => {
    expect(literal(0.1 + 0.2)).toBe('0.3');
    expect(literal(-2)).toBe('-2');
    expect(literal(1e-7)).toBe('1e-7');
  });

  it('keeps the last good scene while the text is broken', () => {
    const s = createGradflowStore({ source: 'x*y' });
    const scene = s.getState().scene;
    s.getState().setSource('x*(y');
    expect(s.getState().analysis.ok).toBe(false);
    expect(s.getState().scene).toBe(scene);
  });
});

describe('store: very long programs', () => {
  it('keeps the text at once and analyzes after a pause', () => {
    vi.useFakeTimers();
    try {
      const s = createGradflowStore({ source: 'x*y' });
      const long = Array.from({ length: Math.ceil(DEBOUNCE_CHARS / 4) }, (_, i) => `x${i % 9}*2`).join('+');
      s.getState().setSource(long);
      expect(s.getState().source).toBe(long);
      const before = s.getState().analysis;
      expect(before.ok && before.inputs.map((i) => i.name)).toEqual(['x', 'y']); // not yet
      s.getState().setSource(`${long}+1`); // a second keystroke restarts the wait
      vi.advanceTimersByTime(1000);
      const after = s.getState().analysis;
      expect(after.ok && after.inputs).toHaveLength(9);
      expect(s.getState().scene?.drawable).toBe(false); // too many nodes to draw
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('store: long programs (a big paste)', () => {
  it('shows the text in the keystroke or paste, and analyzes it in a task of its own right after', () => {
    vi.useFakeTimers();
    try {
      const s = createGradflowStore({ source: 'x*y' });
      const long = Array.from({ length: Math.ceil(DEFER_CHARS / 4) }, (_, i) => `x${i % 9}*2`).join('+');
      expect(long.length).toBeGreaterThan(DEFER_CHARS);
      expect(long.length).toBeLessThan(DEBOUNCE_CHARS);
      s.getState().setSource(long);
      expect(s.getState().source).toBe(long);
      const before = s.getState().analysis;
      expect(before.ok && before.inputs.map((i) => i.name)).toEqual(['x', 'y']); // not inside the paste
      vi.advanceTimersByTime(0); // the next task: no pause needed
      const after = s.getState().analysis;
      expect(after.ok && after.inputs).toHaveLength(9);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('scenes of graphs too big to draw', () => {
  const big = (last = 'x') =>
    `${Array.from({ length: 1200 }, (_, i) => `sin(x*${i % 7}) + y`).join(' + ')} + 2 * ${last}`;
  const scene = (source: string, values: Record<string, number> = {}) => {
    const a = analyze(source, values);
    if (!a.ok) throw new Error(a.error.message);
    const s = makeScene(a, null);
    if (s instanceof Promise) throw new Error('no layout is needed for a graph that is not drawn');
    return s;
  };

  it('are not drawn or keyed, but keep their numbers and a shape that ignores values', () => {
    const a = scene(big(), { x: 0.5 });
    expect(a.analysis.graph.size).toBeGreaterThan(MAX_DRAWN_NODES);
    expect(a.drawable).toBe(false);
    expect(a.keys).toEqual([]);
    expect(a.timeline.steps.length).toBeGreaterThan(MAX_DRAWN_NODES);
    const values = scene(big(), { x: 0.25 }); // a slider moved: same structure
    expect(values.analysis.value).not.toBe(a.analysis.value);
    expect(values.shape).toBe(a.shape);
    const edited = scene(big('y'), { x: 0.5 }); // the last term now uses y: another structure
    expect(edited.shape).not.toBe(a.shape);
  });
});
