import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze } from '../../src/core';

function ok(source: string, values: Record<string, number> = {}): AnalysisOk {
  const r = analyze(source, values);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('backward steps', () => {
  it('records one step per gradient-carrying edge, from the output down', () => {
    const r = ok('x = -2; y = 5; z = -4; q = x + y; f = q * z');
    const name = (id: number) => r.graph.nodes[id]?.label;
    expect(r.steps.toArray().map((s) => `${name(s.target)}→${name(s.source)}`)).toEqual([
      'f→q',
      'f→z',
      'q→x',
      'q→y',
    ]);
    expect(r.steps.toArray().map((s) => [s.upstream, s.local, s.contribution])).toEqual([
      [1, -4, -4],
      [1, 3, 3],
      [-4, 1, -4],
      [-4, 1, -4],
    ]);
    expect(r.steps.length).toBe(r.graph.edges.length);
  });

  it('skips edges from constants: no gradient flows into a literal', () => {
    const r = ok('2*x + 1', { x: 3 });
    expect(r.graph.edges).toHaveLength(4);
    expect(r.steps).toHaveLength(2);
    expect(r.steps.toArray().every((s) => r.graph.nodes[s.source]?.op !== 'const')).toBe(true);
  });

  it('keeps a running sum where branches meet (0.2 + 0.4 = 0.6)', () => {
    const r = ok('f = 0.2*x + 0.4*x', { x: 1 });
    const intoX = r.steps.toArray().filter((s) => r.graph.nodes[s.source]?.label === 'x');
    expect(intoX.map((s) => [s.term, s.terms])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(intoX[0]?.before).toBe(0);
    expect(intoX[1]?.before).toBeCloseTo(intoX[0]?.after as number, 15);
    expect(intoX[1]?.after).toBeCloseTo(0.6, 12);
    expect(r.gradients.x).toBeCloseTo(0.6, 12);
  });

  it('completes a gate’s gradient before passing it on (reverse topological order)', () => {
    const r = ok('c = x + y; d = c**2; f = x*d', { x: 3, y: -1 });
    const done = new Set<number>([r.graph.output]);
    for (const s of r.steps) {
      expect(done.has(s.target)).toBe(true);
      if (s.term === s.terms) done.add(s.source);
    }
  });

  it('gives unused statements no steps and zero gradient', () => {
    const r = ok('q = x + y\nf = x * 2', { x: 1, y: 1 });
    expect(r.gradients).toEqual({ x: 2, y: 0 });
    expect(r.steps).toHaveLength(1);
  });
});

describe('domain problems are reported on the node, not as NaN', () => {
  it.each([
    ['log(x - 4)', { x: 3 }, 'log of a negative number (−1)', 0, 10],
    ['log(x)', { x: 0 }, 'log of zero (it goes to −∞)', 0, 6],
    ['y + 1/x', { x: 0 }, 'division by zero (the denominator is 0)', 4, 7],
    ['sqrt(x)', { x: -1 }, 'square root of a negative number (−1)', 0, 7],
    ['x^0.5', { x: -2 }, 'a negative base (−2) raised to a fractional power (0.5)', 0, 5],
    ['exp(x)', { x: 1000 }, 'The value overflows: exp(x) is larger than 1.8e308, the largest number', 0, 6],
  ])('%s', (source, values, message, start, end) => {
    const r = analyze(source, values);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ message, start, end, phase: 'domain' });
    expect(r.graph).toBeDefined();
    expect(r.node).toBeDefined();
  });

  it('an infinite slope is reported too (sqrt at 0)', () => {
    const r = analyze('sqrt(x)', { x: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('sqrt(x) has no finite derivative here (input 0)');
  });
});

describe('division by a tiny denominator', () => {
  it('∂(a/b)/∂b is −(a/b)/b, as in PyTorch: x/x at x = −1.6e−162 has gradient 0 (b² would underflow)', () => {
    const r = analyze('log10((x) / (max(x, x)))', { x: -1.5717277847026303e-162 });
    expect(r.ok && r.gradients.x).toBe(0);
  });
});
