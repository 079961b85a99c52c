import { describe, expect, it } from 'vitest';
import {
  type AnalysisOk,
  analyze,
  frameAt,
  nodeNames,
  tangentCaption,
  tangentLatex,
  tangentPass,
  tangentTimeline,
} from '../../src/core';

function ok(source: string, values: Record<string, number> = {}): AnalysisOk {
  const r = analyze(source, values);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}
const node = (r: AnalysisOk, name: string) => r.inputs.find((i) => i.name === name)?.node as number;
const named = (r: AnalysisOk, label: string) => r.graph.nodes.findIndex((n) => r.graph.label[n.id] === label);

describe('forward mode, step by step', () => {
  // The lecture's circuit: f = (x + y)·z at x = −2, y = 5, z = −4, so q = 3 and f = −12.
  const r = ok('x = -2; y = 5; z = -4; q = x + y; f = q * z');
  const names = nodeNames(r.graph);

  it('seeded on x: the tangent crosses x → q (×1) then q → f (×z), giving ∂f/∂x = −4', () => {
    const pass = tangentPass(r.graph, r.values, node(r, 'x'));
    const steps = pass.steps.map((s) => [
      names[s.source],
      names[s.target],
      s.local,
      s.incoming,
      s.contribution,
    ]);
    expect(steps).toEqual([
      ['x', 'q', 1, 1, 1],
      ['q', 'f', -4, 1, -4],
    ]);
    expect(pass.dots[r.graph.output]).toBe(-4);
    // z does not depend on x: its edge is no step, and its tangent stays 0.
    expect(pass.cone[node(r, 'z')]).toBe(0);
  });

  it('seeded on z: one step, z → f with ∂f/∂z = q = 3', () => {
    const pass = tangentPass(r.graph, r.values, node(r, 'z'));
    expect(pass.steps.map((s) => [names[s.source], names[s.target], s.contribution])).toEqual([
      ['z', 'f', 3],
    ]);
    expect(pass.dots[r.graph.output]).toBe(r.gradients.z);
  });

  it('a variable used twice: two tangent terms add at the gate (f = x·x gives 2x)', () => {
    const sq = ok('x = 3; f = x * x');
    const pass = tangentPass(sq.graph, sq.values, node(sq, 'x'));
    expect(pass.steps.map((s) => [s.term, s.terms, s.before, s.after])).toEqual([
      [1, 2, 0, 3],
      [2, 2, 3, 6],
    ]);
    expect(pass.dots[sq.graph.output]).toBe(6);
  });

  it('max routes: the loser’s tangent is dropped', () => {
    const m = ok('a = 1; b = 4; f = max(a, b) * 2');
    const pass = tangentPass(m.graph, m.values, node(m, 'a'));
    expect(pass.steps[0]?.local).toBe(0);
    expect(pass.dots[m.graph.output]).toBe(0);
    expect(tangentPass(m.graph, m.values, node(m, 'b')).dots[m.graph.output]).toBe(2);
  });

  it('the timeline: start shows the seeds, each position one step, done the output’s tangent', () => {
    const pass = tangentPass(r.graph, r.values, node(r, 'x'));
    const tl = tangentTimeline(r.steps, pass);
    expect(tl.length).toBe(3);
    expect(tl.forward).toEqual([]);
    const start = frameAt(r.graph, tl, 0);
    expect(start.phase).toBe('start');
    expect(start.known.every((k) => k === 1)).toBe(true);
    expect([node(r, 'x'), node(r, 'y'), node(r, 'z')].map((id) => start.grad[id])).toEqual([1, 0, 0]);
    expect(Number.isNaN(start.grad[named(r, 'q')] as number)).toBe(true);
    const one = frameAt(r.graph, tl, 1);
    expect(one.phase).toBe('tangent');
    expect(one.tangent).toEqual(pass.steps[0]);
    expect(one.grad[named(r, 'q')]).toBe(1);
    // The edge shows the tangent its source sends along it.
    expect(one.edgeGrad[pass.steps[0]?.edge as number]).toBe(1);
    expect(Number.isNaN(one.grad[r.graph.output] as number)).toBe(true);
    const done = frameAt(r.graph, tl, 99);
    expect(done.phase).toBe('done');
    expect(done.grad[r.graph.output]).toBe(-4);
  });

  it('captions say what the gate does to the tangent, and the chain rule from the input side', () => {
    const pass = tangentPass(r.graph, r.values, node(r, 'x'));
    const [first, second] = pass.steps;
    expect(tangentCaption(r.graph, names, r.values, pass, first as never)).toBe(
      'add passes the tangent of x through unchanged (local derivative 1): the tangents of its inputs add. dq/dx = ∂q/∂x · dx/dx = 1 × 1 = 1. y does not depend on x: its tangent is 0 and brings nothing.',
    );
    expect(tangentCaption(r.graph, names, r.values, pass, second as never)).toBe(
      "mul scales the tangent of q by the other input's value (z = −4): the product rule, one term per input. df/dx = ∂f/∂q · dq/dx = −4 × 1 = −4. z does not depend on x: its tangent is 0 and brings nothing.",
    );
    expect(tangentLatex(r.graph, names, pass.seed, second as never, [])).toBe(
      '\\frac{d f}{d x} = \\frac{\\partial f}{\\partial q} \\cdot \\frac{d q}{d x} = z \\cdot 1 = (-4) \\cdot 1 = -4',
    );
  });

  it('where tangents meet, the LaTeX shows the branch and then the running sum', () => {
    const sq = ok('x = 3; f = x * x');
    const nm = nodeNames(sq.graph);
    const pass = tangentPass(sq.graph, sq.values, node(sq, 'x'));
    const last = tangentLatex(sq.graph, nm, pass.seed, pass.steps[1] as never, [3]);
    expect(last).toContain('\\text{via } x');
    expect(last).toContain('\\frac{d f}{d x} = 3 + 3 = 6');
    expect(tangentCaption(sq.graph, nm, sq.values, pass, pass.steps[1] as never)).toContain(
      'Tangents add where branches meet: f now has 3 + 3 = 6.',
    );
  });
});
