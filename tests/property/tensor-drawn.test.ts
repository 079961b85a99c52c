import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core';
import { drawnLevel } from '../../src/core/tensor/drawn';
import { tensorLevel } from '../../src/core/tensor/level';
import { replayLength, tensorFrameAt } from '../../src/core/tensor/replay';
import { choicesArb, makeCase } from './tensor-programs';

/*
 * Random tensor programs at tensor level, with none, some or all of their operations opened into scalar
 * gates: replaying every step must end on the scalar analysis's own gradient at every drawn node, and
 * every edge's step must play once.
 */

describe('random tensor programs, drawn and replayed', () => {
  it('the replay ends on the analysis gradients, whatever is opened', () => {
    let checked = 0;
    fc.assert(
      fc.property(choicesArb, fc.nat(), (choices, pick) => {
        const c = makeCase(choices);
        const a = analyze(c.tensor);
        if (!a.ok) return;
        const level = tensorLevel(a);
        if (!level) return;
        const closed = drawnLevel(a, level);
        const openable = closed.nodes.filter((n) => n.openable).map((n) => `tensor:${n.key}`);
        // Some subset of the openable nodes, chosen by the bits of `pick`.
        const open = openable.filter((_, k) => (pick >> k) & 1);
        const d = drawnLevel(a, level, new Set(open));
        const end = tensorFrameAt(d, replayLength(d));
        for (const n of d.nodes) {
          const truth = d.grad(n.id);
          const replayed = end.grad[n.id] ?? truth.map(() => 0);
          replayed.forEach((g, i) => {
            const t = truth[i] as number;
            expect(
              Math.abs(g - t) <= 1e-9 * Math.max(1, Math.abs(t)),
              `${n.key}[${i}]: ${g} vs ${t}\n${c.tensor}\nopen ${open}`,
            ).toBe(true);
          });
        }
        expect(new Set(d.steps.map((s) => s.edge)).size).toBe(d.steps.length);
        for (const e of d.edges) expect(e.source).toBeLessThan(e.target);
        checked++;
      }),
      { numRuns: 800 },
    );
    expect(checked).toBeGreaterThan(500);
  });
});
