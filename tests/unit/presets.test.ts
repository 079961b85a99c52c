import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core';
import { PRESETS, presetText } from '../../src/examples/presets';

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.title, p] as const))(
    '%s: the engine reproduces its known numbers',
    (_t, p) => {
      const r = analyze(presetText(p));
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toBeCloseTo(p.expected.value, 5);
      for (const [name, g] of Object.entries(p.expected.gradients))
        expect(r.gradients[name], name).toBeCloseTo(g, 5);
      expect(Object.keys(r.gradients).sort()).toEqual(Object.keys(p.expected.gradients).sort());
    },
  );

  it('the stated numbers agree with closed forms written without the engine', () => {
    const get = (id: string) =>
      PRESETS.find((p) => p.id === id)?.expected as { value: number; gradients: Record<string, number> };
    // Softmax cross-entropy: L = −log p_cat, ∂L/∂s_j = p_j − [j = cat].
    const s = [3.2, 5.1, -1.7];
    const z = s.reduce((a, v) => a + Math.exp(v), 0);
    const prob = s.map((v) => Math.exp(v) / z);
    const soft = get('softmax');
    expect(soft.value).toBeCloseTo(-Math.log(prob[0] as number), 5);
    expect(soft.gradients.cat).toBeCloseTo((prob[0] as number) - 1, 5);
    expect(soft.gradients.car).toBeCloseTo(prob[1] as number, 5);
    expect(soft.gradients.frog).toBeCloseTo(prob[2] as number, 5);
    // Binary cross-entropy: ∂L/∂z = p − y, ∂L/∂y = −z.
    const zz = 0.5 * 2 - 0.3;
    const p = 1 / (1 + Math.exp(-zz));
    const bce = get('bce');
    expect(bce.value).toBeCloseTo(-Math.log(p), 5);
    expect(bce.gradients.w).toBeCloseTo((p - 1) * 2, 5);
    expect(bce.gradients.y).toBeCloseTo(-zz, 5);
    // Polynomial: f′(x) = 2x³ − 4x + 1.
    expect(get('polynomial').gradients.x).toBeCloseTo(2 * 1.5 ** 3 - 4 * 1.5 + 1, 12);
    // ReLU network: both units active; ∂L/∂x1 = 2(ŷ − y)(v1·w11 + v2·w21).
    const relu = get('relu-net');
    const yhat = 1.5 * 1.2 - 0.7 * 0.3 + 0.2;
    expect(relu.value).toBeCloseTo((yhat - 1) ** 2, 10);
    expect(relu.gradients.x1).toBeCloseTo(2 * (yhat - 1) * (1.5 * 0.5 + -0.7 * 0.8), 10);
  });
});
