import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bilayerCrossings } from '../../src/view/layout/crossings';
import { csr } from '../../src/view/layout/csr';
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
        const merged = new Map<string, [number, number, number]>();
        for (const [a, b, w] of list) {
          const key = `${a},${b}`;
          const m = merged.get(key);
          if (m) m[2] += w;
          else merged.set(key, [a, b, w]);
        }
        const arcs = [...merged.values()];
        const down = csr(
          16,
          Int32Array.from(arcs, ([a]) => a),
          Int32Array.from(arcs, ([, b]) => 8 + b),
          Int32Array.from(arcs, ([, , w]) => w),
          () => true,
        );
        const pos = new Int32Array(16);
        for (let i = 0; i < 16; i++) pos[i] = i % 8;
        const order = Array.from({ length: 16 }, (_, i) => i);
        expect(bilayerCrossings(order, 0, 8, 8, down, pos)).toBe(brute(arcs));
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
