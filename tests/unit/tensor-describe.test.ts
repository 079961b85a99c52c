import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, numbers } from '../../src/core';
import { TENSOR_EXAMPLES } from '../../src/examples/tensors';
import type { Scene, TensorScene } from '../../src/store/scene';
import { tensorScene } from '../../src/store/tensorScene';
import { describeTensorStep } from '../../src/ui/describeTensorStep';

/* What the step panel says at tensor level: a node fed by several consumers gets its gradient term by
 * term, and the last term's running sum is its gradient. */

function scene(id: string): Scene & { tensor: TensorScene } {
  const ex = TENSOR_EXAMPLES.find((e) => e.id === id);
  const a = analyze(ex?.source as string) as AnalysisOk;
  return tensorScene(a, a, new Set(), null) as Scene & { tensor: TensorScene };
}

describe('tensor step descriptions', () => {
  it('the hinge loss: s gets its gradient from three index nodes, term by term, summing to ∂L/∂s', () => {
    const sc = scene('cs231n-hinge-matrix');
    const { drawn, names } = sc.tensor;
    const s = drawn.nodes.find((n) => n.label === 's')?.id as number;
    const F = drawn.forward.length;
    const into = drawn.steps.map((st, k) => ({ st, k })).filter(({ st }) => st.source === s);
    expect(into).toHaveLength(3);
    const texts = into.map(({ k }) => describeTensorStep(sc, sc.tensor.frameAt(F + k + 1)).text);
    texts.forEach((t, i) => {
      expect(t).toContain(`Term ${i + 1} of 3 for s`);
    });
    // The last term's sum is the gradient itself: [0, 1, −1] (the frog class is the correct one).
    expect(texts[2]).toContain(`∂L/∂s so far = ${numbers(drawn.grad(s), [3])}.`);
    expect(drawn.grad(s)).toEqual([0, 1, -1]);
    expect(names[s]).toBe('s');
  });

  it('a scalar gate fed by an index names the element as drawn (s[2]), and matrices print by rows', () => {
    const sc = scene('cs231n-softmax-matrix');
    const F = sc.tensor.drawn.forward.length;
    const all = sc.tensor.drawn.steps.map(
      (_, k) => describeTensorStep(sc, sc.tensor.frameAt(F + k + 1)).text,
    );
    for (const t of all) {
      const m = /^Edge (\S+) → (\S+):/.exec(t);
      expect(m, t).not.toBeNull();
    }
    // Where W's gradient arrives, it is written as a 3×4 matrix, by rows.
    expect(all.find((t) => t.startsWith('Edge W →'))).toMatch(/∂L\/∂W = \[\[.*\], \[.*\], \[.*\]\]/);
    const done = describeTensorStep(sc, sc.tensor.frameAt(sc.tensor.length)).text;
    expect(done).toMatch(/∂L\/∂W = \[\[/);
  });
});
