import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AnalysisOk,
  analyze,
  cornerWithin,
  definitionLatex,
  localDerivatives,
  localLatex,
  nodeKeys,
  nodeNames,
  OP,
  type OpSpec,
  pathsTo,
  stepCaption,
  stepLatex,
  tangent,
} from '../../src/core';

/*
 * max and min take any number of arguments. Each of their functions in the op table is O(n) for n
 * arguments, so the engine is linear as long as it calls each of them a fixed number of times per gate,
 * never once per argument (that was O(n²): 100,000 arguments took 34 s). These tests count the calls,
 * at n and at 2n arguments, instead of timing anything.
 */

const source = (fn: string, n: number) => `${fn}(${Array.from({ length: n }, (_, k) => `x${k}`).join(', ')})`;

/** x_k = a small number below 1, except the winner's: `best` at `winner`. */
function values(n: number, winner: number, best: number): Record<string, number> {
  const v: Record<string, number> = {};
  for (let k = 0; k < n; k++) v[`x${k}`] = ((k * 7919) % 1000) / 2000;
  v[`x${winner}`] = best;
  return v;
}

function ok(src: string, v: Record<string, number>): AnalysisOk {
  const r = analyze(src, v);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const METHODS = ['forward', 'partial', 'partials', 'kink', 'latex', 'partialLatex', 'explain'] as const;

/** Calls to each function of OP[fn] while `run` runs. */
function countCalls(spec: OpSpec, run: () => void): Record<string, number> {
  const spies = METHODS.filter((m) => typeof spec[m] === 'function').map(
    (m) => [m, vi.spyOn(spec as Required<OpSpec>, m)] as const,
  );
  run();
  const counts = Object.fromEntries(spies.map(([m, s]) => [m, s.mock.calls.length]));
  vi.restoreAllMocks();
  return counts;
}

/** Everything Gradflow does with a program: analysis, the first and last captions and equations, tools. */
function everything(fn: 'max' | 'min', n: number): AnalysisOk {
  const winner = Math.floor(n / 3);
  const r = ok(source(fn, n), values(n, winner, fn === 'max' ? 5 : -5));
  const names = nodeNames(r.graph);
  const out = r.graph.output;
  for (const k of [0, winner, r.steps.length - 1]) {
    const step = r.steps.at(k);
    if (!step) throw new Error('no step');
    stepCaption(r.graph, names, r.values, step);
    stepLatex(r.graph, names, step, []);
    localLatex(r.graph, names, out, step.slot);
  }
  definitionLatex(r.graph, names, out);
  localDerivatives(r.graph, r.values, out);
  const seed = r.inputs[winner]?.node as number;
  tangent(r.graph, r.values, seed);
  cornerWithin(r.graph, r.values, seed, 1e-5);
  pathsTo(r.graph, r.steps, seed);
  nodeKeys(r.graph);
  return r;
}

describe('max and min of many arguments are linear', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['max', 'min'] as const)(
    '%s: a fixed number of op calls per gate, at n and at 2n arguments',
    (fn) => {
      const spec = OP[fn];
      const at1000 = countCalls(spec, () => everything(fn, 1000));
      const at2000 = countCalls(spec, () => everything(fn, 2000));
      expect(at2000).toEqual(at1000);
      // The passes find the winner once per gate: never one `partial` call per argument.
      const total = Object.values(at1000).reduce((a, b) => a + b, 0);
      expect(total).toBeLessThan(30);
    },
  );

  it('analyses max(x0, …, x99999) correctly', () => {
    const n = 100_000;
    const winner = 77_777;
    const calls = countCalls(OP.max, () => {
      const r = ok(source('max', n), values(n, winner, 5));
      expect(r.value).toBe(5);
      expect(r.gradients[`x${winner}`]).toBe(1);
      expect(Object.values(r.gradients).reduce((a, b) => a + b, 0)).toBe(1);
      expect(r.steps).toHaveLength(n);
      const step = r.steps.at(winner);
      expect([step?.source, step?.local, step?.after]).toEqual([r.inputs[winner]?.node, 1, 1]);
      const loser = r.steps.at(3);
      expect(loser?.local).toBe(0);
      const caption = stepCaption(r.graph, nodeNames(r.graph), r.values, loser as NonNullable<typeof loser>);
      expect(caption).toContain('lost to x77777 = 5, so it gets 0');
    });
    expect(calls.partial).toBe(0);
    expect(calls.partials).toBe(1);
    expect(calls.forward).toBe(1);
  });

  it('min(x0, …, x99999) with a tie gives the gradient to the first', () => {
    const n = 100_000;
    const v = values(n, 500, -5);
    v.x90000 = -5;
    const r = ok(source('min', n), v);
    expect(r.value).toBe(-5);
    expect([r.gradients.x500, r.gradients.x90000]).toEqual([1, 0]);
  });
});
