import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze, collapse, nodeNames, toPyTorch } from '../../src/core';
import { pyTorchScript } from '../../src/core/pytorch';
import { MAX_INLINE_DEPTH } from '../../src/core/pytorch/functions';
import { parsePrinted, runScript } from '../py/run';

/*
 * "Copy as PyTorch" for a program with functions: each function the output uses is a Python function,
 * each call one line, and the script still prints Gradflow's value and gradients (run with python3
 * against the torch stand-in in tests/py/torch).
 */

function ok(source: string, values: Record<string, number> = {}, expand: string[] = []): AnalysisOk {
  const r = analyze(source, values, { expand: new Set(expand) });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const same = (a: number, b: number, rel = 1e-12) =>
  Object.is(a, b) || a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= rel * Math.abs(b);

/** Exports the inlined analysis with its functions, runs the script and compares; returns the script. */
function roundTrip(source: string, values: Record<string, number> = {}, expand: string[] = []): string {
  const r = ok(source, values, expand);
  const code = pyTorchScript(r);
  const run = runScript(code);
  expect(run.stderr, code).toBe('');
  expect(run.status, code).toBe(0);
  const printed = parsePrinted(run.stdout);
  expect(same(printed.value, r.value), `${source}: value ${printed.value} vs ${r.value}\n${code}`).toBe(true);
  expect(Object.keys(printed.grads).sort(), code).toEqual(Object.keys(r.gradients).sort());
  for (const [name, g] of Object.entries(r.gradients)) {
    const p = printed.grads[name] as number;
    expect(same(p, g), `${source}: d/d${name} ${p} vs ${g}\n${code}`).toBe(true);
  }
  return code;
}

const SIG = 'sig(z) = 1/(1+exp(-z)); w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3; f = sig(w0*x0 + w1*x1 + w2)';

describe('Copy as PyTorch writes the program’s functions as Python functions', () => {
  it('the lecture neuron: def sig(z), then one line that calls it', () => {
    const code = roundTrip(SIG);
    expect(code).toContain(
      [
        'def sig(z):',
        '    return torch.tensor(1.0, dtype=torch.float64) / (torch.tensor(1.0, dtype=torch.float64) + torch.exp(-z))',
        '',
        '',
        'w0 = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)',
      ].join('\n'),
    );
    expect(code).toMatch(/^f = sig\(u4\)$/m);
    expect(code).not.toContain('undefined');
    expect(runScript(code).stdout).toBe(
      'f = 0.7310585786300049\ndf/dw0 = -0.19661193324148188\ndf/dx0 = 0.39322386648296376\n' +
        'df/dw1 = -0.39322386648296376\ndf/dx1 = -0.5898357997244457\ndf/dw2 = 0.19661193324148188\n',
    );
  });

  it('what is drawn does not matter: calls opened up in the view are calls in the script', () => {
    const r = ok(SIG);
    expect(pyTorchScript(r)).toBe(roundTrip(SIG));
    // The old way, the drawn (collapsed) graph without the program, says what it is missing.
    const drawn = collapse(r, new Set());
    expect(() => toPyTorch(drawn.graph, nodeNames(drawn.graph), drawn.inputs)).toThrow(/pyTorchScript/);
  });

  it('functions that call functions: each defined once, callees first', () => {
    const code = roundTrip(
      'neuron(w, x, b) = sig(w*x + b)\nsig(z) = 1/(1+exp(-z))\nlayer(a, b) = neuron(a, b, 1) * neuron(b, a, -1)\n' +
        'f = layer(x, y) + neuron(2, x, y) + sig(-y)^2',
      { x: 0.5, y: -1.5 },
    );
    expect(code.match(/^def \w+/gm)).toEqual(['def sig', 'def neuron', 'def layer']);
    expect(code).toContain('def neuron(w, x, b):\n    return sig(w * x + b)\n');
    expect(code).toMatch(/^u\d+ = layer\(x, y\)$/m);
    expect(code).toMatch(/^u\d+ = sig\(u\d+\)$/m);
  });

  it('parameters Python does not allow are renamed, and the body uses the new names', () => {
    const code = roundTrip(
      'g(lambda, None, torch, first_max) = lambda * None - torch / first_max\nf = g(x, y, 2, x)',
      {
        x: 3,
        y: -2,
      },
    );
    expect(code).toContain('def g(lambda_, None_, torch_, first_max_):');
    expect(code).toContain('return lambda_ * None_ - torch_ / first_max_');
    expect(code).toContain('lambda as lambda_ (in g)');
  });

  it('a body reads the program’s names: inputs, intermediates, names of names', () => {
    const code = roundTrip('h(a) = a*w + q - r + max(a, w, 1)\nw = -0.5\nq = x*2\nr = q\nf = h(x) * h(q)', {
      x: 1.5,
    });
    // r = q makes no node: the body reads q's variable.
    expect(code).toContain(
      '    return a * w + q - q + first_max(a, w, torch.tensor(1.0, dtype=torch.float64))',
    );
    expect(code.indexOf('q = x *')).toBeLessThan(code.indexOf('= h(x)'));
  });

  it('a parameter hides the program’s name of the same spelling, in its own body only', () => {
    const code = roundTrip('g(x) = x*k\nk2(a) = g(a) + x\nk = 3\nf = k2(y) * g(x)', { x: 2, y: 5 });
    expect(code).toContain('def g(x):\n    return x * k\n');
    expect(code).toContain('def k2(a):\n    return g(a) + x\n');
  });

  it('a renamed parameter avoids the variables and functions its body reads', () => {
    const code = roundTrip('lambda_ = 2\ng(lambda) = lambda * lambda_\nf = g(x)', { x: 3 });
    expect(code).toContain('def g(lambda_1):\n    return lambda_1 * lambda_\n');
  });

  it('functions named like the script’s variables or Python’s names', () => {
    // u1 is also what Gradflow calls the first unnamed gate; print and def are Python's.
    const code = roundTrip('u1(z) = z*2\nprint(z) = z + 1\ndef(z) = -z\nu1(x) * u1(print(def(y)))', {
      x: 1,
      y: 2,
    });
    expect(code).toContain('def u1(z):');
    expect(code).toContain('def print_(z):');
    expect(code).toContain('def def_(z):');
    expect(code).toMatch(/^u1_ = u1\(x\)$/m);
  });

  it('the identity and a value only the call names (u = id(x)) are read by other bodies', () => {
    const code = roundTrip('id(z) = z\nu = id(x)\nv(a, b) = a*u + b\nf = v(x, u) * id(3)', { x: -2 });
    expect(code).toMatch(/^u = id\(x\)$/m);
    expect(code).toContain('def v(a, b):\n    return a * u + b\n');
  });

  it('a parameter the body does not use: no gradient, and a constant output is not backpropagated', () => {
    const code = roundTrip('g(a, b) = a*2\nf = g(2, y)', { y: 4 });
    expect(code).not.toContain('.backward()');
    expect(runScript(code).stdout).toBe('f = 4.0\ndf/dy = 0.0\n');
    const through = roundTrip('g(a, b) = a*2\nh(p, q) = g(q, p)\nf = h(y, 2) + h(3, x)', { x: 1, y: 4 });
    expect(through).toContain('.backward()');
    // y reaches g only as the parameter it ignores: u1 reads y, yet its value does not depend on it.
    const global = roundTrip('g(q, t) = max(2, 2)\nu1(w) = sin(g(y, -w))\nf = u1(x) + y*0', { x: 1, y: 2 });
    expect(global).toContain('.backward()');
    expect(roundTrip('y = 2\ng(q, t) = 2*q\nu1(w) = g(w, y)\nf = u1(3) + x*0')).toContain('.backward()');
    expect(roundTrip('y = 2\ng(q, t) = 2*q\nu1(w) = g(w, y)\nf = u1(3) + 0*u1(1)')).not.toContain(
      '.backward()',
    );
  });

  it('expanded sigmoid and tanh are torch.sigmoid and torch.tanh again, in bodies too', () => {
    const code = roundTrip('s(z) = sigmoid(z) * tanh(z)\nf = sigmoid(x) + s(x) + tanh(x)', { x: 0.3 }, [
      'sigmoid#0',
      'tanh#0',
      's#0/sigmoid#0',
    ]);
    expect(code).toContain('u1 = torch.sigmoid(x)');
    expect(code).toContain('return torch.sigmoid(z) * torch.tanh(z)');
    expect(code).not.toContain('torch.exp');
    expect(roundTrip('sigmoid(x)*2', { x: 1 }, ['sigmoid#0'])).not.toContain('def ');
  });

  it('a function no line of the output calls is not written', () => {
    const code = roundTrip('g(z) = z*2\nh(z) = g(z) + 1\nunused = h(x)\nf = g(y)', { x: 1, y: 2 });
    expect(code.match(/^def \w+/gm)).toEqual(['def g']);
  });

  it('parentheses where Python reads another tree', () => {
    const code = roundTrip(
      'g(a, b) = a - (b - a) + (-a)^2 - -a^2 + a^b^a + (a^b)^a - -(-a) + a/(b/a)*(a + b)\nf = g(x, y)',
      {
        x: 1.5,
        y: 0.5,
      },
    );
    expect(code).toContain(
      '    return a - (b - a) + (-a) ** torch.tensor(2.0, dtype=torch.float64) - -(a ** torch.tensor(2.0, dtype=torch.float64))' +
        ' + a ** (b ** a) + (a ** b) ** a - -(-a) + a / (b / a) * (a + b)\n',
    );
  });

  it('a body too deep or too long for one Python expression is cut into local variables', () => {
    const deep = `g(z) = ${'sin('.repeat(300)}z${')'.repeat(300)}\nf = g(x)`;
    const code = roundTrip(deep, { x: 0.7 });
    expect(code).toContain('    t1 = torch.sin(');
    const lines = code.split('\n').filter((l) => l.startsWith('    t'));
    expect(lines.length).toBeGreaterThan(300 / MAX_INLINE_DEPTH - 1);
    for (const l of lines) expect(l.split('(').length - 1).toBeLessThanOrEqual(2 * MAX_INLINE_DEPTH + 1);
    const terms = Array.from({ length: 3000 }, (_, k) => `t${k % 7}*z`).join(' + ');
    roundTrip(`g(z, t1, t2, t3, t4, t5, t6, t0) = ${terms}\nf = g(x, 1, 2, 3, 4, 5, 6, 7)`, { x: 0.1 });
  });
});
