import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, pathsTo } from '../../src/core';
import { envArb, program, treeArb } from '../property/programs';

function ok(source: string, values: Record<string, number> = {}): AnalysisOk {
  const r = analyze(source, values);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}
const nodeOf = (r: AnalysisOk, name: string) => r.inputs.find((i) => i.name === name)?.node as number;

describe('chain rule as a sum over paths', () => {
  it("colah's (a+b)(b+1): b has two paths, 2 + 3 = 5", () => {
    const r = ok('(a+b)(b+1)', { a: 2, b: 1 });
    const p = pathsTo(r.graph, r.steps, nodeOf(r, 'b'));
    expect(p.total).toBe(2);
    expect(p.paths.map((x) => x.product).sort()).toEqual([2, 3]);
    expect(p.sum).toBe(5);
  });

  it('x*x*x has three paths, one per use of x', () => {
    const r = ok('x*x*x', { x: 1 });
    const p = pathsTo(r.graph, r.steps, nodeOf(r, 'x'));
    expect(p.total).toBe(3);
    expect(p.paths.every((x) => x.nodes[0] === r.graph.output && x.nodes.at(-1) === nodeOf(r, 'x'))).toBe(
      true,
    );
  });

  it('counts exponentially many paths exactly but lists only a few', () => {
    // Each line doubles the paths: a chain of 40 gives 2^40 paths.
    const lines = ['t0 = x'];
    for (let i = 1; i <= 40; i++) lines.push(`t${i} = t${i - 1} + t${i - 1}`);
    const r = ok(lines.join('\n'), { x: 1 });
    const p = pathsTo(r.graph, r.steps, nodeOf(r, 'x'), 10);
    expect(p.total).toBe(2 ** 40);
    expect(p.paths).toHaveLength(10);
    expect(p.sum).toBe(2 ** 40);
  });

  it('walks paths thousands of edges long without recursion', () => {
    const r = ok(Array.from({ length: 20_000 }, (_, i) => `x*${i % 3}`).join(' + '), { x: 1 });
    const p = pathsTo(r.graph, r.steps, nodeOf(r, 'x'), 3);
    expect(p.paths).toHaveLength(3);
    expect(p.paths[0]?.edges.length).toBeGreaterThan(19_000);
    expect(p.total).toBe(20_000);
  });

  it('the sum over paths equals reverse mode on random programs', () => {
    fc.assert(
      fc.property(treeArb, envArb, (tree, env) => {
        const r = analyze(program(tree, 1), env);
        fc.pre(r.ok);
        if (!r.ok) return;
        for (const inp of r.inputs) {
          const { sum } = pathsTo(r.graph, r.steps, inp.node);
          const g = r.grads[inp.node] as number;
          expect(Math.abs(sum - g)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(g)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
