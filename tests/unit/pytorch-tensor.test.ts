import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisOk, analyze } from '../../src/core';
import { pyTorchScript } from '../../src/core/pytorch';
import { TENSOR_EXAMPLES } from '../../src/examples/tensors';
import { choicesArb, makeCase } from '../property/tensor-programs';
import { runScript, runScripts } from '../py/run';

/*
 * "Copy as PyTorch" of programs with vectors and matrices: one line per tensor operation, the inputs as
 * tensors of their shapes. Each script is run (python3, against the torch stand-in in tests/py/torch) and
 * what it prints is compared with Gradflow's value and every element's gradient.
 */

function ok(source: string): AnalysisOk {
  const r = analyze(source);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** A printed Python number or nested list of numbers, flattened row-major. */
function numbersOf(text: string): number[] {
  const json = text.replace(/-?\b(nan|inf)\b/g, (m) => `"${m}"`);
  const flat = (x: unknown): number[] =>
    Array.isArray(x)
      ? x.flatMap(flat)
      : [
          typeof x === 'string'
            ? x === 'nan'
              ? Number.NaN
              : x.startsWith('-')
                ? -Infinity
                : Infinity
            : Number(x),
        ];
  return flat(JSON.parse(json));
}

/** name → numbers, from the lines `C = 4.0` and `dC/dW1 = [[12.0], [0.0]]`. */
function printed(stdout: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of stdout.split('\n').filter(Boolean)) {
    const m = /^(\S+) = (.+)$/.exec(line);
    if (!m) throw new Error(`unexpected line ${JSON.stringify(line)}`);
    out.set(m[1] as string, numbersOf(m[2] as string));
  }
  return out;
}

const close = (a: number, b: number) =>
  Object.is(a, b) ||
  (Number.isNaN(a) && Number.isNaN(b)) ||
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Checks a script's printout against the analysis: the value, then each input's gradient, element by element. */
function compare(a: AnalysisOk, stdout: string, code: string) {
  const p = printed(stdout);
  const [first] = p.keys();
  const out = first as string;
  expect(close(p.get(out)?.[0] as number, a.value), `${out}: ${p.get(out)} vs ${a.value}\n${code}`).toBe(
    true,
  );
  // Each input element's gradient, found in its tensor's printed list: a tensor's elements are its
  // inputs W[0,0], W[0,1], … in row-major order.
  const seen = new Map<string, number>();
  for (const input of a.inputs) {
    const name = /^(\w+)\[/.exec(input.name)?.[1] ?? input.name;
    const at = seen.get(name) ?? 0;
    seen.set(name, at + 1);
    const row = p.get(`d${out}/d${name}`);
    expect(row, `no gradient printed for ${name}\n${code}`).toBeDefined();
    const g = a.gradients[input.name] as number;
    expect(close(row?.[at] as number, g), `∂${out}/∂${input.name}: ${row?.[at]} vs ${g}\n${code}`).toBe(true);
  }
}

const RECITATION =
  'x = 3; y = 10; W1 = [[4], [-2]]; w2 = [1, 0]; h = relu(W1 @ [x]); yhat = relu(w2 @ h); C = (yhat - y)^2';

describe('PyTorch export of tensor programs', () => {
  it('writes the recitation MLP as the lecture does, with tensors of the inputs’ shapes', () => {
    const code = pyTorchScript(ok(RECITATION));
    expect(code).toContain('W1 = torch.tensor([[4.0], [-2.0]], dtype=torch.float64, requires_grad=True)');
    expect(code).toContain('w2 = torch.tensor([1.0, 0.0], dtype=torch.float64, requires_grad=True)');
    expect(code).toMatch(/= W1 @ t1\n/);
    expect(code).toContain('h = torch.relu(');
    const run = runScript(code);
    expect(run.stderr, code).toBe('');
    const p = printed(run.stdout);
    expect(p.get('C')).toEqual([4]);
    expect(p.get('dC/dW1')).toEqual([12, 0]);
    expect(p.get('dC/dw2')).toEqual([48, 0]);
    expect(p.get('dC/dx')).toEqual([16]);
  });

  it('every tensor preset runs and prints Gradflow’s value and gradients', () => {
    for (const ex of TENSOR_EXAMPLES) {
      const a = ok(ex.source);
      const code = pyTorchScript(a);
      const run = runScript(code);
      expect(run.stderr, `${ex.id}\n${code}`).toBe('');
      compare(a, run.stdout, code);
    }
  });

  it('a function of the program taking a vector reads its elements, and agrees', () => {
    for (const src of [
      'sq(v) = sum(v * v)\nw = [1, 2]\nL = sq(w)',
      'dot(a, b) = sum(a * b)\nW = [[1, 2], [3, -4]]\nx = [0.5, -1]\nh = relu(W @ x)\nL = dot(h, h) + dot(h, x)',
    ]) {
      const a = ok(src);
      const code = pyTorchScript(a);
      const run = runScript(code);
      expect(run.stderr, code).toBe('');
      compare(a, run.stdout, code);
    }
  });

  it('random tensor programs run and agree, element by element', () => {
    const cases = fc
      .sample(choicesArb, { numRuns: 150, seed: 13 })
      .map((c) => analyze(makeCase(c).tensor))
      .filter((a): a is AnalysisOk => a.ok && Number.isFinite(a.value) && Math.abs(a.value) < 1e6);
    expect(cases.length).toBeGreaterThan(100);
    const codes = cases.map(pyTorchScript);
    const runs = runScripts(codes);
    runs.forEach((r, k) => {
      expect(r.error, codes[k]).toBeNull();
      compare(cases[k] as AnalysisOk, r.stdout, codes[k] as string);
    });
  });
});
