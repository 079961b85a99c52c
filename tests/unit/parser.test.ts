import { describe, expect, it } from 'vitest';
import { analyze, type Expr, parse, printExpr, printProgram } from '../../src/core';
import { typoOf } from '../../src/core/errors';
import { FUNCTIONS } from '../../src/core/ops/table';

function expr(source: string): string {
  const r = parse(source);
  if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
  expect(r.program.statements).toHaveLength(1);
  return printExpr((r.program.statements[0] as { expr: Expr }).expr);
}

function error(source: string) {
  const r = parse(source);
  if (r.ok) throw new Error(`${source} parsed, but should not`);
  return r.error;
}

describe('golden round trips', () => {
  it.each([
    ['a^b^c', '(a ^ (b ^ c))'],
    ['a**b**c', '(a ^ (b ^ c))'],
    ['a-b-c', '((a - b) - c)'],
    ['a/b/c', '((a / b) / c)'],
    ['a+b*c', '(a + (b * c))'],
    ['(a+b)*c', '((a + b) * c)'],
    ['-x^2', '(-(x ^ 2))'],
    ['-2^2', '(-(2 ^ 2))'],
    ['2^-x', '(2 ^ (-x))'],
    ['-2.5*x', '(-2.5 * x)'],
    ['+x', 'x'],
    ['x - -y', '(x - (-y))'],
    ['.5 + 1e-3 + 2.5E+2', '((.5 + 1e-3) + 2.5E+2)'],
    ['pi*e', '(pi * e)'],
    ['2e', '(2 * e)'],
    ['max(a, b, c) + min(a,b)', '(max(a, b, c) + min(a, b))'],
    ['pow(x, 3)', 'pow(x, 3)'],
    ['ln(x) + log(x) + log10(x) + log2(x)', '(((ln(x) + log(x)) + log10(x)) + log2(x))'],
    ['sigmoid(relu(tanh(x)))', 'sigmoid(relu(tanh(x)))'],
    ['x_1 + y_hat + alpha + w0', '(((x_1 + y_hat) + alpha) + w0)'],
  ])('%s → %s', (source, printed) => {
    expect(expr(source)).toBe(printed);
  });
});

describe('implicit multiplication', () => {
  it.each([
    ['2x', '(2 * x)'],
    ['2(x+1)', '(2 * (x + 1))'],
    ['(a+b)(b+1)', '((a + b) * (b + 1))'],
    ['2 sin(x)', '(2 * sin(x))'],
    ['2x^2', '(2 * (x ^ 2))'],
    ['-2x', '(-2 * x)'],
    ['x y', '(x * y)'],
    ['pi(x+1)', '(pi * (x + 1))'],
    ['3x + 1', '((3 * x) + 1)'],
    ['x(x+1)', '(x * (x + 1))'],
    ['2x(x+1)', '((2 * x) * (x + 1))'],
    ['a(b+c)', '(a * (b + c))'],
    ['x(x+1)^2', '(x * ((x + 1) ^ 2))'],
    ['-x(x+1)', '((-x) * (x + 1))'],
    ['in(a+b)', '(in * (a + b))'],
    ['w11(x)', '(w11 * x)'],
    ['max(a, b)(c)', '(max(a, b) * c)'],
  ])('%s → %s', (source, printed) => {
    expect(expr(source)).toBe(printed);
  });

  it.each([
    ['x(x+1)', { x: 3 }, 12, { x: 7 }],
    ['2x(x+1)', { x: 3 }, 24, { x: 14 }],
    ['a(b+c)', { a: 2, b: 3, c: 4 }, 14, { a: 7, b: 2, c: 2 }],
  ])('%s multiplies, with one node per variable', (source, values, value, gradients) => {
    const r = analyze(source, values);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toBe(value);
    expect(r.gradients).toEqual(gradients);
    // x(x+1): one input x used twice (its gradient 2x + 1 sums both uses), not two inputs named x.
    expect(r.graph.inputs.map((i) => i.name).sort()).toEqual(Object.keys(values).sort());
    expect(r.graph.nodes.filter((n) => n.op === 'input')).toHaveLength(Object.keys(values).length);
  });

  it('a misspelt function (3+ letters, one edit away) is still an error, with how to multiply instead', () => {
    expect(error('sinn(x)').hint).toBe('To multiply, write sinn*(x).');
    expect(error('2*lgo(x + 1)')).toMatchObject({
      message: 'Unknown function "lgo" — did you mean "log"?',
      hint: 'To multiply, write lgo*(x + 1).',
      start: 2,
      end: 5,
    });
    expect(error('Sin(x)').message).toBe('Unknown function "Sin" — did you mean "sin"?');
    expect(error('cost(x)').message).toBe('Unknown function "cost" — did you mean "cos"?');
    expect(error(`sqr(${'x+'.repeat(20)}x)`).hint).toBe('To multiply, write sqr*(…).');
  });

  it('a name the program assigns is a variable, even one edit from a function', () => {
    const r = parse('sinn = 2; f = sinn(x)');
    if (!r.ok) throw new Error(r.error.message);
    expect(printProgram(r.program)).toBe('sinn = 2; f = (sinn * x)');
  });

  it('typoOf: at least 3 letters and at most one edit (a swap of neighbours counts one)', () => {
    const fns = [...FUNCTIONS.keys()];
    expect(typoOf('lgo', fns)).toBe('log');
    expect(typoOf('sqr', fns)).toBe('sqrt');
    expect(typoOf('Log', fns)).toBe('log');
    expect(typoOf('sigmiod', fns)).toBe('sigmoid');
    expect(typoOf('in', fns)).toBeUndefined();
    expect(typoOf('loss', fns)).toBeUndefined();
    expect(typoOf('alpha', fns)).toBeUndefined();
  });
});

describe('programs', () => {
  it('splits statements on newlines and semicolons, skipping blanks and comments', () => {
    const r = parse('x = -2; y = 5\n\n# a comment\nq = x + y;\nf = q * z;\n');
    if (!r.ok) throw new Error(r.error.message);
    expect(printProgram(r.program)).toBe('x = -2; y = 5; q = (x + y); f = (q * z)');
  });

  it('keeps the span of every statement and expression', () => {
    const r = parse('q = x + y; f = q*z');
    if (!r.ok) throw new Error(r.error.message);
    const [a, b] = r.program.statements;
    expect(a).toMatchObject({ kind: 'assign', name: 'q', start: 0, end: 9, nameStart: 0, nameEnd: 1 });
    expect(b).toMatchObject({ kind: 'assign', name: 'f', start: 11, end: 18 });
  });
});

describe('errors point at the problem', () => {
  it.each([
    ['sinn(x)', 'Unknown function "sinn" — did you mean "sin"?', 0, 4],
    ['2*sqr(x)', 'Unknown function "sqr" — did you mean "sqrt"?', 2, 5],
    ['x*(y+sin(x)', 'Missing ")" to close the "(" at column 3', 2, 3],
    ['(x + 1', 'Missing ")" to close the "(" at column 1', 0, 1],
    ['sin(x, y)', 'sin takes 1 argument, but 2 were given', 0, 9],
    ['x +', 'The "+" at column 3 has nothing on its right', 2, 3],
    ['x * / y', 'The "*" at column 3 has nothing on its right', 2, 3],
    ['(x+y))', 'This ")" has no "(" to close', 5, 6],
    ['x 2', 'Missing operator between "x" and "2"', 0, 3],
    ['x $ y', 'Unexpected character "$"', 2, 3],
    ['x × y', 'Unexpected character "×"', 2, 3],
    ['()', 'Expected an expression before ")"', 1, 2],
    ['sin x', '"sin" is a function: write sin(…)', 0, 3],
    ['e = 3; f = e', '"e" is the constant 2.71828…; pick another name', 0, 1],
    ['x + 1 = y', 'Only a name can stand on the left of "="', 0, 7],
    ['q =', '"q =" needs a value or an expression after "="', 2, 3],
    ['', 'Type an expression, for example (x + y) * z', 0, 0],
    ['  \n ; ', 'Type an expression, for example (x + y) * z', 0, 6],
  ])('%j', (source, message, start, end) => {
    expect(error(source)).toMatchObject({ message, start, end });
  });

  it('max of one number: max(v) reduces a vector, so one number is refused once its value is known', () => {
    expect(parse('max(x)').ok).toBe(true);
    const a = analyze('max(x)');
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.error).toMatchObject({
      message: 'max needs at least 2 arguments, but 1 was given',
      start: 0,
      end: 6,
    });
  });

  it('gives a hint for look-alike characters pasted from slides', () => {
    expect(error('x − y').hint).toBe('Type "-" instead of "−".');
  });

  it('names the line on multi-line programs', () => {
    expect(error('q = x\nf = (q + 1').message).toBe('Missing ")" to close the "(" at line 2, column 5');
  });

  it('refuses deep nesting and huge input quickly, without a stack overflow', () => {
    const deep = `${'('.repeat(10_000)}x${')'.repeat(10_000)}`;
    expect(error(deep).message).toMatch(/nested too deeply/);
    expect(error(`${'-'.repeat(10_000)}x`).message).toMatch(/nested too deeply/);
    expect(error(`${'x^'.repeat(10_000)}x`).message).toMatch(/nested too deeply/);
    const huge = 'x+'.repeat(524_288); // a mebibyte
    const e = error(huge);
    expect(e.message).toMatch(/too long/);
    expect(e.end).toBe(huge.length);
  });

  it('reads a long flat chain (100,000 terms) without recursion trouble', () => {
    const r = parse(Array.from({ length: 100_000 }, (_, i) => `x${i % 7}`).join('+'));
    expect(r.ok).toBe(true);
  });
});
