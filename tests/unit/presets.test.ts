import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze } from '../../src/core';
import type { KnownNumbers, LectureExample } from '../../src/examples/lectures';
import { PRESETS, presetText } from '../../src/examples/presets';

/** The value of the node a statement named (`L1 = …`). */
function named(r: AnalysisOk, name: string): number | undefined {
  const id = r.graph.label.indexOf(name);
  return id < 0 ? undefined : r.values[id];
}

const preset = (id: string) => {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};
const get = (id: string): KnownNumbers => preset(id).expected;
const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/** Multiclass SVM loss of one example, Σ_{j≠y} max(0, s_j − s_y + 1), and its gradient on each score. */
function hinge(s: number[], y: number): { loss: number; grad: number[] } {
  const sy = s[y] as number;
  const grad = s.map(() => 0);
  let loss = 0;
  s.forEach((sj, j) => {
    if (j === y) return;
    const m = sj - sy + 1;
    if (m > 0) {
      loss += m;
      grad[j] = 1;
      grad[y] = (grad[y] as number) - 1;
    }
  });
  return { loss, grad };
}

/** Softmax probabilities of scores. */
function softmax(s: number[]): number[] {
  const z = s.reduce((a, v) => a + Math.exp(v), 0);
  return s.map((v) => Math.exp(v) / z);
}

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.title, p] as const))(
    '%s: the engine reproduces its known numbers',
    (_t, p) => {
      // As the preset loads: with the calls it opens built from their definitions.
      const r = analyze(presetText(p), {}, { expand: new Set(p.expanded ?? []) });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toBeCloseTo(p.expected.value, 5);
      for (const [name, g] of Object.entries(p.expected.gradients))
        expect(r.gradients[name], name).toBeCloseTo(g, 5);
      expect(Object.keys(r.gradients).sort()).toEqual(Object.keys(p.expected.gradients).sort());
      for (const [name, v] of Object.entries(p.expected.nodes ?? {})) {
        expect(named(r, name), `node ${name}`).toBeDefined();
        expect(named(r, name), `node ${name}`).toBeCloseTo(v, 5);
      }
    },
  );

  it.each(PRESETS.filter((p) => p.slide).map((p) => [p.title, p] as const))(
    '%s: every number the slide printed sits beside a known number, with one line saying why',
    (_t, p) => {
      const slide = p.slide;
      if (!slide) throw new Error('no slide');
      expect(slide.why.length).toBeGreaterThan(10);
      expect(slide.why).not.toContain('\n');
      for (const k of Object.keys(slide.printed.gradients ?? {}))
        expect(p.expected.gradients).toHaveProperty(k);
      for (const k of Object.keys(slide.printed.nodes ?? {}))
        expect(p.expected.nodes ?? {}).toHaveProperty(k);
      const printed =
        (slide.printed.value === undefined ? 0 : 1) +
        Object.keys(slide.printed.gradients ?? {}).length +
        Object.keys(slide.printed.nodes ?? {}).length;
      expect(printed).toBeGreaterThan(0);
    },
  );

  it('the stated numbers agree with closed forms written without the engine', () => {
    // Softmax cross-entropy: L = −log p_cat, ∂L/∂s_j = p_j − [j = cat].
    const prob = softmax([3.2, 5.1, -1.7]);
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
    // The σ gate: σ(1)·(1 − σ(1)) times the other input of each product.
    const sg = 1 / (1 + Math.exp(-1));
    const sig = get('cs231n-sig-gate');
    expect(sig.value).toBeCloseTo(sg, 7);
    expect(sig.gradients.x1).toBeCloseTo(sg * (1 - sg) * -3, 7);
    // neuron(…) network, every unit active: ∂L/∂x = 2(ŷ − y)(v1·w1 + v2·w2).
    const net = get('neuron-net');
    const h1 = 0.5 * 2 + 0.1;
    const h2 = -0.4 * 2 + 1.3;
    const out = 1.2 * h1 - 0.2 + 0.7 * h2;
    expect(net.value).toBeCloseTo((out - 1) ** 2, 10);
    expect(net.gradients.x).toBeCloseTo(2 * (out - 1) * (1.2 * 0.5 + 0.7 * -0.4), 10);
    // micrograd: b was chosen so that o = tanh(n) = 1/√2, hence ∂o/∂n = 1 − o² = 1/2 (here with tanh unexpanded).
    const mg = analyze(presetText(PRESETS.find((p) => p.id === 'micrograd-tanh') as LectureExample));
    if (!mg.ok) throw new Error(mg.error.message);
    expect(mg.value).toBeCloseTo(Math.SQRT1_2, 12);
    expect(mg.gradients.x1).toBeCloseTo(0.5 * -3, 12);
  });

  it('softmax in base 10: −log10(e^3.2/(e^3.2 + e^5.1 + e^−1.7)), gradients (p − [correct])/ln 10', () => {
    const pc = Math.exp(3.2) / (Math.exp(3.2) + Math.exp(5.1) + Math.exp(-1.7));
    const prob = softmax([3.2, 5.1, -1.7]);
    const ten = get('softmax-log10');
    expect(ten.value).toBeCloseTo(-Math.log10(pc), 6);
    expect(ten.value).toBeCloseTo(-Math.log(pc) / Math.LN10, 6);
    expect(ten.nodes?.p).toBeCloseTo(pc, 6);
    expect(ten.gradients.cat).toBeCloseTo(((prob[0] as number) - 1) / Math.LN10, 6);
    expect(ten.gradients.car).toBeCloseTo((prob[1] as number) / Math.LN10, 6);
    expect(ten.gradients.frog).toBeCloseTo((prob[2] as number) / Math.LN10, 8);
    // The slide's 0.89 and 0.13 are these, rounded to two places; and 0.89 is not the natural log's.
    const slide = preset('softmax-log10').slide;
    expect(slide?.printed.value).toBe(round(-Math.log10(pc), 2));
    expect(slide?.printed.nodes?.p).toBe(round(pc, 2));
    expect(round(-Math.log10(0.13), 2)).toBe(0.89);
    expect(round(-Math.log(pc), 2)).toBe(2.04);
    // The natural-log preset names the slide's base-10 number beside its own.
    expect(preset('softmax').slide?.printed.value).toBe(0.89);
    expect(preset('softmax').note).toMatch(/log10/);
    // The other slides' numbers named in the issue are base 10 and base 2, not ln.
    expect(round(-Math.log10(0.353), 3)).toBe(0.452);
    expect(round(-Math.log2(0.775), 4)).toBe(0.3677);
  });

  it('SVM, one image: the cat image’s hinge loss 2.9', () => {
    const { loss, grad } = hinge([3.2, 5.1, -1.7], 0);
    const svm = get('svm');
    expect(svm.value).toBeCloseTo(loss, 10);
    expect([svm.gradients.cat, svm.gradients.car, svm.gradients.frog]).toEqual(grad);
  });

  it('SVM, the whole table: L3 = 12.9 and L = 5.2667, where the slide printed 10.9 and 4.6', () => {
    const images = [
      { s: [3.2, 5.1, -1.7], y: 0 }, // a cat
      { s: [1.3, 4.9, 2.0], y: 1 }, // a car
      { s: [2.2, 2.5, -3.1], y: 2 }, // a frog
    ];
    const per = images.map(({ s, y }) => hinge(s, y));
    const table = get('svm-table');
    per.forEach(({ loss, grad }, i) => {
      const n = i + 1;
      expect(table.nodes?.[`L${n}`], `L${n}`).toBeCloseTo(loss, 10);
      ['cat', 'car', 'frog'].forEach((c, j) => {
        // L is the mean of three: each score's gradient is a third of its own example's.
        expect(table.gradients[`${c}${n}`], `${c}${n}`).toBeCloseTo((grad[j] as number) / 3, 6);
      });
    });
    expect(table.value).toBeCloseTo(per.reduce((a, { loss }) => a + loss, 0) / 3, 6);
    // By hand: 6.3 + 6.6 = 12.9 and (2.9 + 0 + 12.9)/3 = 5.2667.
    expect(table.nodes?.L3).toBeCloseTo(2.2 - -3.1 + 1 + (2.5 - -3.1 + 1), 10);
    expect(table.value).toBeCloseTo(15.8 / 3, 6);
    // The slide's numbers: its mean 4.6 follows from its slip 10.9, and the card shows both.
    const slide = preset('svm-table').slide;
    expect(slide?.printed.nodes).toEqual({ L1: 2.9, L2: 0, L3: 10.9 });
    expect(slide?.printed.value).toBe(4.6);
    expect((2.9 + 0 + 10.9) / 3).toBeCloseTo(4.6, 10);
    expect(slide?.printed.nodes?.L3).not.toBeCloseTo(table.nodes?.L3 as number, 1);
    const note = preset('svm-table').note;
    for (const s of ['10.9', '12.9', '4.6', '5.27']) expect(note).toContain(s);
  });

  it('the recitation’s MLP: C = 4, ∂C/∂w2 = (48, 0), ∂C/∂W1 = (12, 0)', () => {
    const x = 3;
    const y = 10;
    const W1 = [4, -2];
    const w2 = [1, 0];
    const r = (v: number) => Math.max(0, v);
    const dr = (v: number) => (v > 0 ? 1 : 0); // relu′(0) = 0
    const a = W1.map((w) => w * x);
    const h = a.map(r);
    const z = (w2[0] as number) * (h[0] as number) + (w2[1] as number) * (h[1] as number);
    const yhat = r(z);
    const dC = 2 * (yhat - y) * dr(z); // ∂C/∂z
    const mlp = get('recitation-mlp');
    expect(mlp.value).toBeCloseTo((yhat - y) ** 2, 10);
    expect(mlp.gradients.w2_1).toBeCloseTo(dC * (h[0] as number), 10);
    expect(mlp.gradients.w2_2).toBeCloseTo(dC * (h[1] as number), 10);
    const dW1 = [0, 1].map((i) => dC * (w2[i] as number) * dr(a[i] as number) * x);
    expect(mlp.gradients.w1_1).toBeCloseTo(dW1[0] as number, 10);
    expect(mlp.gradients.w1_2).toBeCloseTo(dW1[1] as number, 10);
    const dx = [0, 1].reduce(
      (s, i) => s + dC * (w2[i] as number) * dr(a[i] as number) * (W1[i] as number),
      0,
    );
    expect(mlp.gradients.x).toBeCloseTo(dx, 10);
    expect(mlp.gradients.y).toBeCloseTo(-2 * (yhat - y), 10);
    expect(mlp.nodes).toEqual({ h1: h[0], h2: h[1], yhat });
    // The recitation's printed numbers.
    expect([
      mlp.value,
      mlp.gradients.w2_1,
      mlp.gradients.w2_2,
      mlp.gradients.w1_1,
      mlp.gradients.w1_2,
    ]).toEqual([4, 48, 0, 12, 0]);
    for (const s of ['48', '12']) expect(preset('recitation-mlp').note).toContain(s);
  });
});
