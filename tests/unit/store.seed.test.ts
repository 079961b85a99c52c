import { describe, expect, it } from 'vitest';
import { sceneLength } from '../../src/store/derive';
import { seedOf } from '../../src/store/modes';
import { createGradflowStore } from '../../src/store/store';

describe('store: forward mode', () => {
  it('seeding an input replays its tangent pass from the start; null goes back to reverse mode', () => {
    const s = createGradflowStore({ source: 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z' });
    const reverse = sceneLength(s.getState().scene);
    s.getState().setSeed('x');
    expect(seedOf(s.getState().scene)).toBe('x');
    expect(s.getState().position).toBe(0);
    // Two tangent steps (x → q, q → f) between the seed and done.
    expect(sceneLength(s.getState().scene)).toBe(3);
    s.getState().setSeed(null);
    expect(seedOf(s.getState().scene)).toBe(null);
    expect(sceneLength(s.getState().scene)).toBe(reverse);
  });

  it('an edit keeps the seed while its input lives, and ends forward mode when it is gone', () => {
    const s = createGradflowStore({ source: 'x = 2\nf = x * x' });
    s.getState().setSeed('x', true);
    expect(s.getState().playing).toBe(true);
    s.getState().setValue('x', 3);
    expect(seedOf(s.getState().scene)).toBe('x');
    const t = s.getState().scene?.timeline.tangent;
    expect(t?.dots[s.getState().scene?.analysis.graph.output as number]).toBe(6);
    s.getState().setSource('y = 2\nf = y * y');
    expect(s.getState().seed).toBe(null);
    expect(seedOf(s.getState().scene)).toBe(null);
  });

  it('a quiz and forward mode exclude each other', () => {
    const s = createGradflowStore({ source: 'x = 2\nf = x * x' });
    s.getState().setSeed('x');
    s.getState().setQuiz(true);
    expect(s.getState().quiz).toBe(true);
    expect(seedOf(s.getState().scene)).toBe(null);
    s.getState().setSeed('x');
    expect(s.getState().quiz).toBe(false);
    expect(seedOf(s.getState().scene)).toBe('x');
  });

  it('a tensor program is replayed at scalar level in forward mode', async () => {
    const s = createGradflowStore({ source: 'W = [[1, 2], [3, 4]]; x = [1, -1]\nL = sum(W @ x)' });
    await expect.poll(() => s.getState().scene?.tensor !== undefined).toBe(true);
    s.getState().setSeed('W[0,1]');
    await expect.poll(() => seedOf(s.getState().scene)).toBe('W[0,1]');
    expect(s.getState().scene?.tensor).toBeUndefined();
    s.getState().setSeed(null);
    await expect.poll(() => s.getState().scene?.tensor !== undefined).toBe(true);
  });
});

describe('store: forward mode from a link', () => {
  it('starts seeded when the link says so, and ignores a seed that is no input', () => {
    const s = createGradflowStore({ source: 'x = 2; y = 3\nf = x * y', seed: 'y' });
    expect(seedOf(s.getState().scene)).toBe('y');
    expect(s.getState().seed).toBe('y');
    const t = createGradflowStore({ source: 'x = 2\nf = x * x', seed: 'nope' });
    expect(t.getState().seed).toBe(null);
    expect(t.getState().scene?.timeline.tangent).toBeUndefined();
  });
});
