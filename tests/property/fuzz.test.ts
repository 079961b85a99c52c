import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Analysis,
  analyze,
  forwardCaption,
  nodeNames,
  reachesOutput,
  stepCaption,
  timeline,
} from '../../src/core';
import { textArb, valuesArb } from './fuzz-programs';

/*
 * The promise behind every number Gradflow shows: `analyze` never throws, and a result that is ok is
 * finite everywhere a student can see it (the output, every input's value and gradient, every node the
 * output uses, every backward step, every caption). Anything else must come back as a positioned error.
 * 100,000 random programs in all, small ones, so the run fits the unit suite on a 2-core CI machine.
 */

/*
 * Plain checks rather than expect(): a run makes a few hundred of them, and 100,000 runs must fit the
 * unit suite. The first that fails throws, and fast-check shrinks the program and reports it.
 */
function check(holds: boolean, what: () => string, source: string): void {
  if (!holds) throw new Error(`${what()} in ${JSON.stringify(source)}`);
}
const finite = (v: number | undefined, what: () => string, source: string) =>
  check(Number.isFinite(v), () => `${what()} is ${String(v)}`, source);

/** How many results of each kind the runs so far gave: the fuzz must reach the engine's every exit. */
const seen = new Map<string, number>();
const kindOf = (r: Analysis) =>
  r.ok
    ? r.warnings.some((w) => w.phase === 'domain')
      ? 'ok, a line left out'
      : 'ok'
    : r.error.message.startsWith('The gradient overflows')
      ? 'gradient overflow'
      : r.error.phase;

/** Everything a student can see of an ok result is finite, and every error points into the text. */
function honest(source: string, values: Record<string, number>): void {
  let r: Analysis;
  try {
    r = analyze(source, values);
  } catch (e) {
    throw new Error(`analyze threw on ${JSON.stringify(source)}: ${String(e)}`);
  }
  seen.set(kindOf(r), (seen.get(kindOf(r)) ?? 0) + 1);
  if (!r.ok) {
    const { message, start, end } = r.error;
    check(message.length > 0, () => 'an empty message', source);
    check(start >= 0 && end >= start && end <= source.length, () => `the span ${start}..${end}`, source);
    return;
  }
  finite(r.value, () => 'the output', source);
  for (const i of r.inputs) {
    finite(i.value, () => `input ${i.name}`, source);
    check(Object.hasOwn(r.gradients, i.name), () => `no gradient for ${i.name}`, source);
    finite(r.gradients[i.name], () => `∂/∂${i.name}`, source);
  }
  const { graph, steps } = r;
  const live = reachesOutput(graph, graph.output);
  for (let n = 0; n < graph.size; n++) {
    if (live[n]) finite(r.values[n], () => `the value of node ${n}`, source);
    finite(r.grads[n], () => `the gradient of node ${n}`, source);
  }
  for (let k = 0; k < steps.length; k++) {
    finite(steps.upstream(k), () => `step ${k}'s upstream`, source);
    finite(steps.local(k), () => `step ${k}'s local derivative`, source);
    finite(steps.contribution(k), () => `step ${k}'s contribution`, source);
    finite(steps.before(k), () => `step ${k}'s running sum before`, source);
    finite(steps.after(k), () => `step ${k}'s running sum after`, source);
  }
  for (const w of r.warnings)
    check(w.start >= 0 && w.end >= w.start && w.end <= source.length, () => `a warning's span`, source);
  // What the animation says: no caption shows ∞ or NaN (checked on every fourth program: they are slow).
  if (source.length % 4 !== 0) return;
  const names = nodeNames(graph);
  const tl = timeline(graph, steps);
  for (const id of tl.forward) {
    const text = forwardCaption(graph, names, r.values, id);
    check(!/NaN|∞/.test(text), () => `the caption "${text}"`, source);
  }
  for (let k = 0; k < steps.length; k++) {
    const text = stepCaption(graph, names, r.values, steps.at(k) as NonNullable<ReturnType<typeof steps.at>>);
    check(!/NaN|∞/.test(text), () => `the caption "${text}"`, source);
  }
}

describe('fuzz: analyze is honest on 100,000 random programs', () => {
  // Four runs of 25,000, so that each stays far inside the per-test timeout on a slow machine.
  for (const part of [1, 2, 3, 4]) {
    it(`part ${part} of 4 (25,000 programs)`, () => {
      fc.assert(fc.property(textArb, valuesArb, honest), { numRuns: 25_000 });
    });
  }

  it('reached every kind of result', () => {
    const count = (k: string) => seen.get(k) ?? 0;
    expect(count('ok')).toBeGreaterThan(25_000);
    expect(count('ok, a line left out')).toBeGreaterThan(100);
    expect(count('syntax')).toBeGreaterThan(1_000);
    expect(count('domain')).toBeGreaterThan(1_000);
    expect(count('gradient overflow')).toBeGreaterThan(10);
  });
});
