import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, frameAt, tangentPass, tangentTimeline } from '../../src/core';
import { envArb, program, treeArb } from './programs';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('the forward-mode replay, on random programs', () => {
  it('its steps add up to every tangent, and its last frame shows reverse mode’s gradient', () => {
    let compared = 0;
    fc.assert(
      fc.property(treeArb, envArb, fc.nat(11), (tree, env, style) => {
        const source = program(tree, style);
        const r = analyze(source, env);
        if (!r.ok) return;
        for (const input of r.inputs) {
          const pass = tangentPass(r.graph, r.values, input.node);
          // Replaying the steps rebuilds each gate's tangent, term by term, in order.
          const sums = new Map<number, number>();
          const seen = new Map<number, number>();
          for (const s of pass.steps) {
            expect(s.incoming, `${source}: a step's tangent is its source's, complete`).toBe(
              pass.dots[s.source],
            );
            expect(s.before).toBe(sums.get(s.target) ?? 0);
            expect(s.term).toBe((seen.get(s.target) ?? 0) + 1);
            sums.set(s.target, s.after);
            seen.set(s.target, s.term);
          }
          for (const [target, sum] of sums) expect(sum).toBe(pass.dots[target]);
          for (const [target, term] of seen)
            expect(pass.steps.find((s) => s.target === target)?.terms).toBe(term);
          // Edges run forward: a step's source was complete before the gate took it.
          pass.steps.forEach((s, k) => {
            if (k > 0) expect(s.target).toBeGreaterThanOrEqual(pass.steps[k - 1]?.target as number);
          });
          const reverse = r.gradients[input.name] as number;
          const out = pass.dots[r.graph.output] as number;
          expect(close(out, reverse), `${source}: ∂/∂${input.name} ${out} vs ${reverse}`).toBe(true);
          // The replay's last frame shows it at the output (unless no tangent reaches it: then it is 0).
          const done = frameAt(r.graph, tangentTimeline(r.steps, pass), Number.POSITIVE_INFINITY);
          const shown = done.grad[r.graph.output] as number;
          expect(Number.isNaN(shown) ? out === 0 && !pass.cone[r.graph.output] : shown === out).toBe(true);
          compared++;
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});
