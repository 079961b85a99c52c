import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bilayerCrossings } from '../../src/view/layout/crossings';
import { bilayerCrossings as segmentCrossings } from '../bench/quality';

/** Pairs of weighted arcs whose ends are in opposite orders, by brute force. */
function brute(arcs: [number, number, number][]): number {
  let c = 0;
  for (let i = 0; i < arcs.length; i++)
    for (let j = i + 1; j < arcs.length; j++) {
      const [a, b, w] = arcs[i] as [number, number, number];
      const [p, q, v] = arcs[j] as [number, number, number];
      if ((a - p) * (b - q) < 0) c += w * v;
    }
  return c;
}

const arcs = fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 3 })), { maxLength: 30 });

describe('bilayer crossing counters', () => {
  it('the layout’s accumulator tree agrees with brute force (weighted arcs)', () => {
    fc.assert(
      fc.property(arcs, (list) => {
        // Upper nodes 0..7, lower nodes 8..15 (layer 1); one arc per (upper, lower) pair, weights summed.
        const succs: number[][] = Array.from({ length: 16 }, () => []);
        const succW: number[][] = Array.from({ length: 16 }, () => []);
        const merged = new Map<string, [number, number, number]>();
        for (const [a, b, w] of list) {
          const key = `${a},${b}`;
          const m = merged.get(key);
          if (m) m[2] += w;
          else merged.set(key, [a, b, w]);
        }
        for (const [a, b, w] of merged.values()) {
          (succs[a] as number[]).push(8 + b);
          (succW[a] as number[]).push(w);
        }
        const pos = new Int32Array(16);
        for (let i = 0; i < 16; i++) pos[i] = i % 8;
        const layerOf = Array.from({ length: 16 }, (_, i) => (i < 8 ? 0 : 1));
        const upper = Array.from({ length: 8 }, (_, i) => i);
        const lower = upper.map((i) => i + 8);
        expect(bilayerCrossings(upper, succs, succW, pos, lower, layerOf)).toBe(brute([...merged.values()]));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('the bench’s counter (from drawn y) agrees with brute force', () => {
    fc.assert(
      fc.property(arcs, (list) => {
        const expected = brute(list.map(([a, b]) => [a, b, 1]));
        expect(
          segmentCrossings(
            list.map(([a]) => a * 10),
            list.map(([, b]) => b * 10),
          ),
        ).toBe(expected);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
