import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type Graph } from '../../src/core';
import { countCrossings, reindex } from '../../src/view/layout/order';
import { type Proper, properGraph } from '../../src/view/layout/proper';
import { rankNodes } from '../../src/view/layout/rank';
import { siftBus } from '../../src/view/layout/sift';
import { siftNode } from '../../src/view/layout/siftnode';
import { bigProgram } from '../e2e/programs';

function graphOf(source: string): Graph {
  const r = analyze(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.graph;
}

/** Random straight-line programs whose variables are used far from where they are made (long buses). */
const programs = fc
  .tuple(
    fc.integer({ min: 2, max: 5 }),
    fc.array(fc.tuple(fc.constantFrom('+', '*'), fc.nat(), fc.nat()), { minLength: 4, maxLength: 24 }),
  )
  .map(([inputs, stmts]) => {
    const names = Array.from({ length: inputs }, (_, i) => `v${i}`);
    const lines = names.map((v, i) => `${v} = ${i + 1}`);
    stmts.forEach(([op, a, b], k) => {
      lines.push(`t${k} = ${names[a % names.length]} ${op} ${names[b % names.length]}`);
      names.push(`t${k}`);
    });
    lines.push(`out = ${names.join(' + ')}`);
    return lines.join('\n');
  });

/** A deterministic scramble of every layer (so that there is something to improve). */
function scramble(p: Proper, seed: number): void {
  let x = seed;
  for (let l = 0; l + 1 < p.layerStart.length; l++) {
    const a = p.layerStart[l] as number;
    for (let i = (p.layerStart[l + 1] as number) - 1; i > a; i--) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const j = a + (x % (i - a + 1));
      const t = p.order[i] as number;
      p.order[i] = p.order[j] as number;
      p.order[j] = t;
    }
  }
}

function layered(source: string, seed: number): { p: Proper; pos: Int32Array } {
  const g = graphOf(source);
  const p = properGraph(g, rankNodes(g));
  scramble(p, seed);
  const pos = new Int32Array(p.total);
  reindex(p, pos);
  return { p, pos };
}

describe('whole-bus sifting', () => {
  it('removes exactly the crossings it claims, never adds any, and keeps every layer a permutation', () => {
    fc.assert(
      fc.property(programs, fc.nat(1000), (source, seed) => {
        const { p, pos } = layered(source, seed);
        const layerOf = Array.from(p.order, (id) => p.layerOf[id]);
        for (let s = 0; s < p.n; s++) {
          if ((p.bus[s] as number[]).length === 0) continue;
          const before = countCrossings(p, pos);
          const gain = siftBus(p, pos, s);
          expect(gain).toBeGreaterThanOrEqual(0);
          expect(countCrossings(p, pos)).toBe(before - gain);
        }
        expect(Array.from(p.order, (id) => p.layerOf[id])).toEqual(layerOf);
        expect(new Set(p.order).size).toBe(p.total);
        for (let i = 0; i < p.total; i++) {
          const id = p.order[i] as number;
          expect(pos[id]).toBe(i - (p.layerStart[p.layerOf[id] as number] as number));
        }
      }),
      { numRuns: 80, seed: 11 },
    );
  });

  it('node sifting removes exactly the crossings it claims and finds the best slot (every slot tried)', () => {
    fc.assert(
      fc.property(programs, fc.nat(1000), (source, seed) => {
        const { p, pos } = layered(source, seed);
        for (let v = 0; v < p.n; v++) {
          const l = p.layerOf[v] as number;
          const a = p.layerStart[l] as number;
          const width = (p.layerStart[l + 1] as number) - a;
          let least = Number.POSITIVE_INFINITY;
          for (let slot = 0; slot < width; slot++) {
            const ids = Array.from(p.order.subarray(a, a + width)).filter((id) => id !== v);
            ids.splice(slot, 0, v);
            const order = p.order.slice();
            order.set(ids, a);
            const q = { ...p, order };
            const qpos = new Int32Array(p.total);
            reindex(q, qpos);
            least = Math.min(least, countCrossings(q, qpos));
          }
          const before = countCrossings(p, pos);
          const gain = siftNode(p, pos, v);
          expect(gain).toBeGreaterThanOrEqual(0);
          expect(countCrossings(p, pos)).toBe(before - gain);
          expect(before - gain).toBe(least);
        }
      }),
      { numRuns: 40, seed: 17 },
    );
  });

  it.each([
    ['', Number.POSITIVE_INFINITY],
    [' within a reach of 1 slot', 1],
    [' within a reach of 2 slots', 2],
  ])('finds the best slots for a bus%s (brute force over every placement of its nodes)', (_, reach) => {
    fc.assert(
      fc.property(programs, fc.nat(1000), (source, seed) => {
        const { p, pos } = layered(source, seed);
        for (let s = 0; s < p.n; s++) {
          const chain = p.bus[s] as number[];
          if (chain.length === 0 || chain.length > 3) continue;
          const widths = chain.map((v) => {
            const l = p.layerOf[v] as number;
            return (p.layerStart[l + 1] as number) - (p.layerStart[l] as number);
          });
          if (widths.reduce((a, b) => a * b, 1) > 400) continue;
          // Every placement: move the bus nodes there (in a copy) and count.
          const best = { c: Number.POSITIVE_INFINITY };
          const tryAll = (k: number, q: Proper, qpos: Int32Array) => {
            if (k === chain.length) {
              best.c = Math.min(best.c, countCrossings(q, qpos));
              return;
            }
            const v = chain[k] as number;
            const a = q.layerStart[q.layerOf[v] as number] as number;
            for (let slot = 0; slot < (widths[k] as number); slot++) {
              if (Math.abs(slot - (pos[v] as number)) > reach) continue;
              const order = q.order.slice();
              const ids = Array.from(order.subarray(a, a + (widths[k] as number))).filter((id) => id !== v);
              ids.splice(slot, 0, v);
              order.set(ids, a);
              const r = { ...q, order };
              const rpos = new Int32Array(q.total);
              reindex(r, rpos);
              tryAll(k + 1, r, rpos);
            }
          };
          tryAll(0, p, pos);
          const before = countCrossings(p, pos);
          const gain = siftBus(p, pos, s, undefined, reach);
          expect(before - gain).toBe(Math.min(before, best.c));
          expect(countCrossings(p, pos)).toBe(before - gain);
        }
      }),
      { numRuns: 40, seed: 13 },
    );
  });

  it('untangles the generated 500-node program from a scrambled start', () => {
    const { p, pos } = layered(bigProgram(500), 1);
    const before = countCrossings(p, pos);
    let gain = 0;
    for (let s = 0; s < p.n; s++) if ((p.bus[s] as number[]).length > 0) gain += siftBus(p, pos, s);
    expect(gain).toBeGreaterThan(before / 2);
    expect(countCrossings(p, pos)).toBe(before - gain);
  });
});
