import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core';
import { layoutGraph } from '../../src/view/layout';
import { packLayout, unpackLayout } from '../../src/view/layout/pack';
import { layoutFor } from '../../src/view/layout/wrap';
import { program } from '../bench/generators';

describe('the layout as the worker sends it', () => {
  it('comes back exactly as it was laid out, bends and all', () => {
    const a = analyze(program(600));
    if (!a.ok) throw new Error(a.error.message);
    for (const l of [
      layoutGraph(a.graph, { dx: 190, dy: 96 }),
      layoutFor(a.graph, { dx: 190, dy: 96, wrap: 2 }),
    ]) {
      const copy = structuredClone(l);
      const { packed, transfer } = packLayout(l);
      // Only typed arrays cross: nothing but their buffers to move.
      expect(transfer.length).toBe(5);
      expect(Object.values(packed).some((v) => Array.isArray(v))).toBe(false);
      expect(unpackLayout(structuredClone(packed))).toEqual(copy);
    }
  });
});
