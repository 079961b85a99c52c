import { describe, expect, it } from 'vitest';
import {
  type AnalysisError,
  type AnalysisOk,
  analyze,
  forwardCaption,
  frameAt,
  gradientCheck,
  nameLatex,
  nodeNames,
  pathsTo,
  stepCaption,
  stepLatex,
  timeline,
} from '../../src/core';

function ok(source: string, values: Record<string, number> = {}): AnalysisOk {
  const r = analyze(source, values);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

function refused(source: string, values: Record<string, number> = {}): AnalysisError {
  const r = analyze(source, values);
  if (r.ok)
    throw new Error(`${source}: expected an error, got ${r.value} and ${JSON.stringify(r.gradients)}`);
  return r;
}

/** The text of the span an error or warning points at. */
const spanOf = (source: string, e: { start: number; end: number }) => source.slice(e.start, e.end);

describe('infinite numbers are reported, never shown', () => {
  it('a literal larger than the largest number is refused where it is written', () => {
    const source = 'f = 2 * 1e309';
    const r = refused(source);
    expect(r.error).toMatchObject({
      phase: 'syntax',
      message: '1e309 is larger than the largest number (1.8e308)',
    });
    expect(spanOf(source, r.error)).toBe('1e309');
    expect(refused('x - 1e400').error.message).toBe('1e400 is larger than the largest number (1.8e308)');
    // The largest number itself is fine.
    expect(ok('1.7976931348623157e308 * x').value).toBe(Number.MAX_VALUE);
  });

  it('a huge literal is named by its length, not printed whole', () => {
    const r = refused(`x + ${'9'.repeat(400)}`);
    expect(r.error.message).toBe('This number (400 digits) is larger than the largest number (1.8e308)');
  });

  it.each([
    [Number.POSITIVE_INFINITY, 'x is ∞, larger than the largest number (1.8e308)'],
    [Number.NEGATIVE_INFINITY, 'x is −∞, below the most negative number (−1.8e308)'],
    [Number.NaN, 'x is not a number (NaN)'],
  ])('an input value of %s is refused on that input', (v, message) => {
    const source = 'x = 2; f = x * 2';
    const r = refused(source, { x: v });
    expect(r.error).toMatchObject({ phase: 'domain', message });
    expect(spanOf(source, r.error)).toBe('x = 2');
    expect(r.node).toBe(r.graph?.inputs[0]?.node);
    expect(r.graph).toBeDefined();
    expect(r.inputs).toBeDefined();
    expect(r.values).toBeDefined();
  });

  it('a value that overflows names its node', () => {
    const source = 'x = 1e200; f = x * x';
    const r = refused(source);
    expect(r.error).toMatchObject({
      phase: 'domain',
      message: 'The value overflows: x * x is larger than 1.8e308, the largest number',
    });
    expect(spanOf(source, r.error)).toBe('x * x');
    expect(refused('-exp(x)', { x: 1000 }).error.message).toBe(
      'The value overflows: exp(x) is larger than 1.8e308, the largest number',
    );
    expect(refused('0 - 1e308 - 1e308 + x').error.message).toBe(
      'The value overflows: 0 - 1e308 - 1e308 is below −1.8e308, the most negative number',
    );
  });

  it('a gradient that overflows through a gate is reported on that gate', () => {
    // √x = 1e-160 and f ≈ 1e-10 are fine, but ∂f/∂x = 1e150 · 1/(2√x) = 5e309 is not.
    const source = 'x = 1e-320; f = 1e150*sqrt(x)';
    const r = refused(source);
    expect(r.error).toMatchObject({
      phase: 'domain',
      message: 'The gradient overflows: ∂f/∂x through sqrt(x) is 1e150 × 5e159, larger than 1.8e308',
    });
    expect(spanOf(source, r.error)).toBe('sqrt(x)');
    expect(r.graph?.node(r.node as number)?.op).toBe('sqrt');
    expect(r.values).toBeDefined();
  });

  it('a gradient whose branches sum past the largest number is reported on the node they meet at', () => {
    // Each branch gives ∂f/∂x = 1e308, finite; their sum is not.
    const source = 'x = 0; f = 1e308*x + 1e308*x';
    const r = refused(source);
    expect(r.error).toMatchObject({
      phase: 'domain',
      message: 'The gradient overflows where branches meet: ∂f/∂x = 1e308 + 1e308 is larger than 1.8e308',
    });
    expect(spanOf(source, r.error)).toBe('x = 0');
    expect(r.graph?.node(r.node as number)?.label).toBe('x');
  });

  it('a gradient overflow into an intermediate names it', () => {
    const source = 'x = 1e-20; q = x + 0; f = 1e300*q*1e10';
    const r = refused(source);
    expect(r.error.message).toBe(
      'The gradient overflows: ∂f/∂q through 1e300*q is 1e10 × 1e300, larger than 1.8e308',
    );
  });

  it('a gradient just below the largest number is still shown', () => {
    expect(ok('f = 1e308*x').gradients.x).toBe(1e308);
    expect(ok('f = 8e307*x + 8e307*x').gradients.x).toBe(1.6e308);
  });
});

describe('a line the output does not use cannot refuse the program', () => {
  const source = 'a = log(x - 2); f = x';

  it('its domain error becomes a warning on its span; the output and gradients are shown', () => {
    const r = ok(source, { x: 1 });
    expect(r.value).toBe(1);
    expect(r.gradients).toEqual({ x: 1 });
    const warning = r.warnings.find((w) => w.phase === 'domain');
    expect(warning).toMatchObject({
      message: 'log(x - 2) is left out: log of a negative number (−1), and the output does not use it',
      phase: 'domain',
    });
    expect(spanOf(source, warning as AnalysisOk['warnings'][number])).toBe('log(x - 2)');
    // The usual warning that the line is unused is still there.
    expect(r.warnings.map((w) => w.message)).toContain('"a" is not used by the output');
  });

  it('its value is NaN, and nothing the animation shows trips on it', () => {
    const r = ok(source, { x: 1 });
    const a = r.graph.nodes.find((n) => n.label === 'a');
    expect(Number.isNaN(r.values[a?.id as number])).toBe(true);
    const tl = timeline(r.graph, r.steps);
    expect(tl.forward).not.toContain(a?.id);
    const names = nodeNames(r.graph);
    for (let p = 0; p <= tl.length; p++) {
      const frame = frameAt(r.graph, tl, p);
      expect(frame.known[a?.id as number]).toBe(0);
      if (frame.phase === 'forward' && frame.node !== undefined)
        expect(forwardCaption(r.graph, names, r.values, frame.node)).not.toMatch(/NaN|∞/);
      if (frame.step) {
        expect(stepCaption(r.graph, names, r.values, frame.step)).not.toMatch(/NaN|∞/);
        expect(stepLatex(r.graph, names, frame.step, [])).not.toMatch(/NaN|inf/);
      }
    }
    for (const s of r.steps) expect(Number.isFinite(s.local) && Number.isFinite(s.after)).toBe(true);
    expect(pathsTo(r.graph, r.steps, r.inputs[0]?.node as number).sum).toBe(1);
  });

  it('the gradient check still runs', () => {
    const r = ok(source, { x: 1 });
    const [check] = gradientCheck(r.graph, [1], r.values, r.grads);
    expect(check?.agrees).toBe(true);
  });

  it('what depends on it is left out too, with one warning for the cause', () => {
    const r = ok('a = log(x - 2); b = a * 3 + x; f = x * 2', { x: 1 });
    expect(r.value).toBe(2);
    expect(r.warnings.filter((w) => w.phase === 'domain')).toHaveLength(1);
    const b = r.graph.nodes.find((n) => n.label === 'b');
    expect(Number.isNaN(r.values[b?.id as number])).toBe(true);
  });

  it('the same for a value that overflows in an unused line', () => {
    const src = 'big = exp(x); f = x + 1';
    const r = ok(src, { x: 1000 });
    expect(r.value).toBe(1001);
    expect(r.gradients.x).toBe(1);
    const warning = r.warnings.find((w) => w.phase === 'domain');
    expect(warning?.message).toBe(
      'exp(x) is left out: the value overflows (larger than 1.8e308), and the output does not use it',
    );
    expect(spanOf(src, warning as AnalysisOk['warnings'][number])).toBe('exp(x)');
  });

  it('a line the output uses still refuses the program', () => {
    const r = refused('a = log(x - 2); f = a + x', { x: 1 });
    expect(r.error.message).toBe('log of a negative number (−1)');
  });
});

describe('names', () => {
  it('a very long name is refused with its length, not a blank page', () => {
    const name = `x${'_hat'.repeat(9000)}`;
    const source = `${name} * 2`;
    const r = refused(source);
    expect(r.error).toMatchObject({
      phase: 'syntax',
      message: 'This name is 36,001 characters long; names have at most 64',
      start: 0,
      end: name.length,
    });
  });

  it('64 characters are fine, 65 are not', () => {
    const long = `x${'y'.repeat(63)}`;
    expect(ok(`${long} * 2`).gradients[long]).toBe(2);
    expect(refused(`x${'y'.repeat(64)} * 2`).error.message).toBe(
      'This name is 65 characters long; names have at most 64',
    );
  });

  it('names may not start with two underscores (__proto__ would reset its values)', () => {
    for (const source of ['__proto__ * 2', '__proto__ = 3; f = __proto__ * 2', 'x + __y']) {
      const r = refused(source, { __proto__: 5 } as Record<string, number>);
      expect(r.error.phase).toBe('syntax');
      expect(r.error.message).toMatch(/^"__(proto__|y)": names may not start with two underscores$/);
    }
  });

  it('constructor, toString, hasOwnProperty and valueOf are ordinary inputs', () => {
    const source = 'constructor * toString + valueOf * hasOwnProperty';
    const given = { constructor: 3, toString: 5, valueOf: -2, hasOwnProperty: 7 };
    const r = ok(source, given);
    expect(r.value).toBe(3 * 5 + -2 * 7);
    expect(r.gradients).toEqual({ constructor: 5, toString: 3, valueOf: 7, hasOwnProperty: -2 });
    for (const name of Object.keys(given)) expect(Object.hasOwn(r.gradients, name)).toBe(true);
    // Not given: they start at 1 like any input, not at Object.prototype's functions.
    const d = ok(source);
    expect(d.value).toBe(2);
    expect(d.inputs.map((i) => i.value)).toEqual([1, 1, 1, 1]);
  });

  it('an input named constructor declared in the text keeps its value', () => {
    const r = ok('constructor = 4; f = constructor ^ 2');
    expect(r.value).toBe(16);
    expect(r.gradients.constructor).toBe(8);
  });
});

describe('LaTeX of names does not recurse on the name', () => {
  it.each([
    ['y_hat', '\\hat{y}'],
    ['y_hat_hat', '\\hat{\\hat{y}}'],
    ['x1_hat', '\\hat{x_{1}}'],
    ['alpha_hat', '\\hat{\\alpha}'],
    ['_hat', '\\mathrm{\\_hat}'],
    ['loss_hat', '\\hat{\\mathrm{loss}}'],
  ])('%s → %s', (name, latex) => {
    expect(nameLatex(name)).toBe(latex);
  });

  it('a name of 9,000 hats (longer than the language allows) is typeset, not a stack overflow', () => {
    const latex = nameLatex(`x${'_hat'.repeat(9000)}`);
    expect(latex.startsWith('\\hat{\\hat{')).toBe(true);
    expect(latex.length).toBe(9000 * '\\hat{}'.length + 1);
  });
});

describe('the gradient check shows no ∞', () => {
  it('a central difference that overflows is no estimate, with the reason', () => {
    // f(0.5 ± h) = ±1.5e308: both finite, but their difference is not. f′(0.5) = 0 is.
    const r = ok('x = 0.5; f = 1.5e308 * tanh(1e6*(x - 0.5))^3');
    const [check] = gradientCheck(r.graph, [0.5], r.values, r.grads);
    expect(check?.analytic).toBe(0);
    expect(Number.isNaN(check?.numeric)).toBe(true);
    expect(check?.agrees).toBe(false);
    expect(check?.reason).toBe(
      'The central difference at x ± 1e−5 is larger than the largest number, so there is no estimate.',
    );
  });
});

describe('the sum over paths shows no ∞', () => {
  it('paths whose products overflow but cancel: the sum is the gradient, and the paths say they overflow', () => {
    // ∂f/∂x = (1e200 − 1e200)·1e200 = 0, but each path's product is ±1e400.
    const r = ok('x = 1e-300; q = 1e200*x; f = q*1e200 - q*1e200');
    expect(r.gradients.x).toBe(0);
    const sum = pathsTo(r.graph, r.steps, r.inputs[0]?.node as number);
    expect(sum.total).toBe(2);
    expect(sum.sum).toBe(0);
    expect(sum.overflows).toBe(true);
    expect(sum.paths.map((p) => p.overflows)).toEqual([true, true]);
  });

  it('ordinary paths are not flagged', () => {
    const r = ok('f = 0.2*x + 0.4*x', { x: 1 });
    const sum = pathsTo(r.graph, r.steps, r.inputs[0]?.node as number);
    expect(sum.sum).toBeCloseTo(0.6, 12);
    expect(sum.overflows).toBeUndefined();
    expect(sum.paths.every((p) => p.overflows === undefined)).toBe(true);
  });
});
