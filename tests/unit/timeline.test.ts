import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, frameAt, timeline } from '../../src/core';

function ok(source: string, values: Record<string, number> = {}): AnalysisOk {
  const r = analyze(source, values);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('playback timeline', () => {
  const r = ok('x = -2; y = 5; z = -4; q = x + y; f = q * z');
  const tl = timeline(r.graph, r.steps);

  it('has start, one position per live gate, one per backward step, and done', () => {
    expect(tl.forward).toHaveLength(2);
    expect(tl.length).toBe(2 + 4 + 1);
  });

  it('reveals values in topological order, then gradients edge by edge', () => {
    const start = frameAt(r.graph, tl, 0);
    expect(start.phase).toBe('start');
    expect([...start.known]).toEqual([1, 1, 1, 0, 0]);
    expect(start.grad.every(Number.isNaN)).toBe(true);
    const f1 = frameAt(r.graph, tl, 1);
    expect(f1.phase).toBe('forward');
    expect([...f1.known]).toEqual([1, 1, 1, 1, 0]);
    const b1 = frameAt(r.graph, tl, 3);
    expect(b1.phase).toBe('backward');
    expect(b1.step).toEqual(r.steps.at(0));
    expect(b1.grad[r.graph.output]).toBe(1);
    expect(b1.edgeGrad[r.steps.at(0)?.edge as number]).toBe(-4);
  });

  it('ends with every gradient equal to reverse mode, and clamps out-of-range positions', () => {
    const done = frameAt(r.graph, tl, 99);
    expect(done.phase).toBe('done');
    for (const inp of r.inputs) expect(done.grad[inp.node]).toBe(r.gradients[inp.name]);
    expect(frameAt(r.graph, tl, -5).phase).toBe('start');
  });
});
