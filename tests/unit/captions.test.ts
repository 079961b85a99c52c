import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, nodeNames, stepCaption, stepLatex } from '../../src/core';

function ok(source: string, values: Record<string, number> = {}): AnalysisOk {
  const r = analyze(source, values);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** Every backward step of a program, as the Step panel shows it: the caption and the equation. */
function steps(source: string, values: Record<string, number> = {}) {
  const r = ok(source, values);
  const names = nodeNames(r.graph);
  const all = r.steps.toArray();
  return all.map((s, k) => {
    const before = all
      .slice(0, k)
      .filter((p) => p.source === s.source)
      .map((p) => p.contribution);
    return {
      edge: `${names[s.target]}→${names[s.source]}`,
      text: stepCaption(r.graph, names, r.values, s),
      latex: stepLatex(r.graph, names, s, before),
    };
  });
}

const d = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
const LECTURE = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';

describe('every step’s equation says something', () => {
  it('the edge into the output shows the seed 1 and the local derivative, in symbols then numbers', () => {
    const [first, second] = steps(LECTURE);
    expect(first?.edge).toBe('f→q');
    expect(first?.latex).toBe(
      `${d('f', 'q')} = ${d('f', 'f')} \\cdot ${d('f', 'q')} = 1 \\cdot z = 1 \\cdot (-4) = -4`,
    );
    expect(first?.text).toContain('∂f/∂q = ∂f/∂f · ∂f/∂q = 1 × (−4) = −4.');
    expect(second?.latex).toBe(
      `${d('f', 'z')} = ${d('f', 'f')} \\cdot ${d('f', 'z')} = 1 \\cdot q = 1 \\cdot 3 = 3`,
    );
  });

  it('later steps keep their form, with the local formula when it is more than a number', () => {
    const [, , third] = steps(LECTURE);
    expect(third?.latex).toBe(`${d('f', 'x')} = ${d('f', 'q')} \\cdot ${d('q', 'x')} = (-4) \\cdot 1 = -4`);
    expect(third?.text).toContain('∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4.');
    const pow = steps('c = x + y; d = c**2; f = x*d', { x: 3, y: -1 }).find((s) => s.edge === 'd→c');
    expect(pow?.latex).toBe(
      `${d('f', 'c')} = ${d('f', 'd')} \\cdot ${d('d', 'c')} = 3 \\cdot \\left(2 \\cdot c^{2 - 1}\\right) = 3 \\cdot 4 = 12`,
    );
  });

  it('no equation repeats itself (∂f/∂q = ∂f/∂q)', () => {
    for (const s of steps('2*log(x1+sin(x1))*max(x2,x3)', { x1: 5, x2: -2, x3: -5 })) {
      const sides = s.latex.split(' \\\\ ')[0]?.split(' = ') ?? [];
      expect(new Set(sides).size, s.latex).toBe(sides.length);
    }
  });

  it('branches and the running sum keep working', () => {
    const [, , a, b] = steps('f = 0.2*x + 0.4*x', { x: 1 });
    expect(a?.latex).toContain('(\\text{branch 1 of 2})');
    expect(b?.latex).toMatch(/\\\\ \\frac\{\\partial f\}\{\\partial x\} = 0\.4 \+ 0\.2 = 0\.6$/);
    expect(b?.text).toContain('x now has 0.4 + 0.2 = 0.6');
    const twice = steps('x*x', { x: 3 });
    expect(twice[0]?.latex).toContain('\\right|_{\\text{via } f} = ');
    expect(twice[1]?.text).toContain('x now has 3 + 3 = 6');
  });

  it('a negative factor is parenthesized in the plain-text chain and sum', () => {
    const s = steps('f = 2*x - 3*x', { x: 1 });
    expect(s.at(-1)?.text).toMatch(/x now has (−3 \+ 2|2 \+ \(−3\)) = −1/);
    expect(s.map((t) => t.text).join(' ')).toContain('× (−1) = −1');
  });
});

describe('captions use the student’s own names', () => {
  // Programs whose inputs are named a, b, c, x, clashing with the letters textbooks use in the rules.
  const CASES: { source: string; values: Record<string, number>; edge: string; says: string }[] = [
    { source: 'b/a', values: { a: 2, b: 3 }, edge: 'f→b', says: 'by 1/a = 1/2 = 0.5' },
    {
      source: 'b/a',
      values: { a: 2, b: 3 },
      edge: 'f→a',
      says: 'the denominator a gets −b/a² = −3/2² = −0.75',
    },
    { source: 'x/c', values: { x: -1, c: 2 }, edge: 'f→c', says: 'gets −x/c² = −(−1)/2² = 0.25' },
    { source: 'b^a', values: { a: 3, b: 2 }, edge: 'f→b', says: 'the base b gets a·b^(a−1) = 3·2^2 = 12' },
    {
      source: 'b^a',
      values: { a: 3, b: 2 },
      edge: 'f→a',
      says: 'the exponent a gets b^a·ln(b) = 8·ln(2) = 5.545',
    },
    {
      source: 'x^3',
      values: { x: -2 },
      edge: 'f→x',
      says: 'the base x gets 3·x^(3−1) = 3·(−2)^2 = 12',
    },
    { source: 'log10(a)', values: { a: 2 }, edge: 'f→a', says: '1/(a·ln 10) = 1/(2·ln 10) = 0.2171' },
    { source: 'log2(b)', values: { b: 2 }, edge: 'f→b', says: '1/(b·ln 2) = 1/(2·ln 2) = 0.7213' },
    { source: 'log(c)', values: { c: 4 }, edge: 'f→c', says: '1/c = 1/4 = 0.25' },
    { source: 'sqrt(c)', values: { c: 4 }, edge: 'f→c', says: '1/(2·√c) = 1/(2·√4) = 0.25' },
    { source: 'exp(b)', values: { b: -1 }, edge: 'f→b', says: 'e^b = e^(−1) = 0.3679' },
    { source: 'sin(a)', values: { a: 1 }, edge: 'f→a', says: 'cos(a) = cos(1) = 0.5403' },
    { source: 'cos(b)', values: { b: 1 }, edge: 'f→b', says: '−sin(b) = −sin(1) = −0.8415' },
    {
      source: 'tan(b)',
      values: { b: 1 },
      edge: 'f→b',
      says: '1 + tan²(b), from its own output: 1 + 1.557² = 3.426',
    },
    {
      source: 'tanh(a)',
      values: { a: -1 },
      edge: 'f→a',
      says: '1 − tanh²(a), from its own output: 1 − (−0.7616)² = 0.42',
    },
    {
      source: 'sigmoid(c)',
      values: { c: 0 },
      edge: 'f→c',
      says: 'σ gate: local derivative σ(1−σ) = 0.5·(1−0.5) = 0.25',
    },
    { source: 'abs(a)', values: { a: -2 }, edge: 'f→a', says: 'sign(a) = sign(−2) = −1' },
  ];
  // The rules as they were written with generic letters, which read as the student's own variables.
  const GENERIC = ['a/b²', 'b·a^(b−1)', 'a^b·ln a', '(x·ln', '√x)', 'tan² =', '(its output)', 'σ(1 − σ)'];

  for (const c of CASES) {
    it(`${c.source}, edge ${c.edge}`, () => {
      const step = steps(c.source, c.values).find((s) => s.edge === c.edge);
      expect(step, c.edge).toBeDefined();
      expect(step?.text).toContain(c.says);
      for (const g of GENERIC) expect(step?.text).not.toContain(g);
    });
  }

  it('the power rule in the preset c = x + y; d = c**2; f = x*d names c and its numbers', () => {
    const step = steps('c = x + y; d = c**2; f = x*d', { x: 3, y: -1 }).find((s) => s.edge === 'd→c');
    expect(step?.text).toBe(
      'power rule: the base c gets 2·c^(2−1) = 2·2^1 = 4 times the gradient. ∂f/∂c = ∂f/∂d · ∂d/∂c = 3 × 4 = 12.',
    );
  });

  it('a negative constant is written as a number in parentheses: x^-1 and -2/x', () => {
    const [inv] = steps('x^-1', { x: 2 });
    expect(inv?.text).toContain('the base x gets (−1)·x^(−1−1) = (−1)·2^(−2) = −0.25');
    const [over] = steps('-2/x', { x: 2 });
    expect(over?.text).toContain('−(−2)/x² = −(−2)/2² = 0.5');
    expect(over?.text).toContain(
      'the numerator −2 is negative, so a bigger denominator makes the output larger',
    );
  });
});
