import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';

/** The lectures' printed numbers, to 6 decimals: the first oracle. */
describe('lecture examples', () => {
  it.each(LECTURE_EXAMPLES.map((e) => [e.title, e] as const))('%s', (_title, ex) => {
    const r = analyze(ex.source, ex.values);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toBeCloseTo(ex.expected.value, 6);
    expect(Object.keys(r.gradients).sort()).toEqual(Object.keys(ex.expected.gradients).sort());
    for (const [name, g] of Object.entries(ex.expected.gradients)) {
      expect(r.gradients[name], name).toBeCloseTo(g, 6);
    }
    for (const [name, v] of Object.entries(ex.expected.nodes ?? {})) {
      const id = r.graph.label.indexOf(name);
      expect(id, `node ${name}`).toBeGreaterThanOrEqual(0);
      expect(r.values[id], `node ${name}`).toBeCloseTo(v, 6);
    }
  });

  it('values in the text are defaults that the values map overrides', () => {
    const src = 'x = -2; y = 5; z = -4; q = x + y; f = q * z';
    const r = analyze(src, { z: 2 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toBe(6);
    expect(r.inputs.map((i) => [i.name, i.value, i.declared])).toEqual([
      ['x', -2, -2],
      ['y', 5, 5],
      ['z', 2, -4],
    ]);
  });
});
