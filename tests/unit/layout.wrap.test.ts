import { describe, expect, it } from 'vitest';
import { analyze, type Graph } from '../../src/core';
import { LECTURE_EXAMPLES } from '../../src/examples/lectures';
import { nodeSize } from '../../src/view/geometry';
import { layoutGraph } from '../../src/view/layout';
import { bandCount, layoutFor } from '../../src/view/layout/wrap';
import { mlp, program } from '../bench/generators';
import { bigProgram } from '../e2e/programs';

const DX = 190;
const DY = 96;
const ASPECT = 2;
const GAP = 2.5 * DY;

function graphOf(source: string): Graph {
  const r = analyze(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.graph;
}

describe('wrapping a long drawing into bands', () => {
  it('leaves lecture circuits and the MLP on one line', () => {
    for (const source of [...LECTURE_EXAMPLES.map((e) => e.source), mlp()]) {
      const g = graphOf(source);
      const flat = layoutGraph(g, { dx: DX, dy: DY });
      expect(layoutFor(g, { dx: DX, dy: DY, wrap: ASPECT })).toEqual(flat);
    }
  });

  it.each([
    ['a 1,000-node program', program(1000)],
    ['a 500-node sum', bigProgram(500)],
    ['a 2,000-node sum', bigProgram(2000)],
  ])(
    '%s: an aspect ratio near the screen’s, bands apart, every node in its band, edges from end to end',
    (_, source) => {
      const g = graphOf(source);
      const flat = layoutGraph(g, { dx: DX, dy: DY });
      const l = layoutFor(g, { dx: DX, dy: DY, wrap: ASPECT });
      const flatAspect = flat.width / flat.height;
      const aspect = l.width / l.height;
      expect(flatAspect).toBeGreaterThan(4 * ASPECT);
      // Within a factor of 2 of the aim, either way (b is a whole number of bands).
      expect(aspect).toBeGreaterThan(ASPECT / 2);
      expect(aspect).toBeLessThan(ASPECT * 2);
      const bands = Math.round((l.height + GAP) / (flat.height + GAP));
      expect(bands).toBeGreaterThan(1);
      // Each node keeps its place within its band (the band's offset added), and no two nodes overlap.
      // (Violations are collected, not asserted one by one: thousands of points.)
      const bad: string[] = [];
      const seen = new Set<string>();
      for (let id = 0; id < g.size; id++) {
        const band = ((l.y[id] as number) - (flat.y[id] as number)) / (flat.height + GAP);
        if (Math.abs(band - Math.round(band)) > 1e-9) bad.push(`node ${id} off its band`);
        if ((l.x[id] as number) < 0 || (l.x[id] as number) > l.width) bad.push(`node ${id} outside`);
        const key = `${l.x[id]},${Math.round(l.y[id] as number)}`;
        if (seen.has(key)) bad.push(`two nodes at ${key}`);
        seen.add(key);
      }
      // Every edge's route stays inside the drawing (with its half-layer margins), and an edge that
      // crosses a cut goes out on the right and comes in on the left.
      let wrapped = 0;
      for (const e of g.edges) {
        const pts = l.bends[e.id] ?? [];
        for (const [x, y] of pts)
          if (x < -DX / 2 || x > l.width || y < -GAP || y > l.height + GAP)
            bad.push(`edge ${e.id} at ${x},${y}`);
        if ((l.y[e.target] as number) - (l.y[e.source] as number) > flat.height) {
          wrapped++;
          if (!pts.some(([x]) => x === -DX / 2)) bad.push(`edge ${e.id} does not come in on the left`);
        }
      }
      expect(bad.slice(0, 5)).toEqual([]);
      expect(wrapped).toBeGreaterThan(0);
      // The same graph always wraps the same way.
      expect(layoutFor(g, { dx: DX, dy: DY, wrap: ASPECT })).toEqual(l);
    },
  );

  it('bands do not overlap: a node’s box stays clear of the corridors', () => {
    const g = graphOf(program(1000));
    const flat = layoutGraph(g, { dx: DX, dy: DY });
    const l = layoutFor(g, { dx: DX, dy: DY, wrap: ASPECT });
    const band = flat.height + GAP;
    for (const n of g.nodes) {
      const { hh } = nodeSize(n, 'x');
      const inBand = ((l.y[n.id] as number) % band) - 0;
      expect(inBand - hh).toBeGreaterThan(-DY);
      expect(inBand + hh).toBeLessThan(flat.height + DY);
    }
  });

  it('counts bands by the aspect ratio', () => {
    const opts = { dx: DX, aspect: 2, gap: 200 };
    expect(bandCount(1000, 500, opts, 6)).toBe(1);
    expect(bandCount(2000, 1000, opts, 40)).toBe(1);
    // 40,000 × 1,000: 4 bands give 10,000 × 4,600 (2.2).
    expect(bandCount(40_000, 1000, opts, 200)).toBe(4);
  });

  it('each edge keeps its flat route, band by band; the edges of one source run back in one lane', () => {
    const g = graphOf(bigProgram(2000));
    const flat = layoutGraph(g, { dx: DX, dy: DY });
    const l = layoutFor(g, { dx: DX, dy: DY, wrap: ASPECT });
    const band = flat.height + GAP;
    const bad: string[] = [];
    // corridor (by its y band) → source → the lane's y; and every lane's y → its source.
    const laneOf = new Map<string, number>();
    const sourceAt = new Map<number, number>();
    for (const e of g.edges) {
      const pts = l.bends[e.id] ?? [];
      // Points in a layer (x a multiple of DX) are the flat bends, moved into their bands; the others
      // (x half a layer off) are detours: right edge, corridor, left edge.
      const inLayer = pts.filter(([x]) => Math.abs(x / DX - Math.round(x / DX)) < 1e-9);
      const was = flat.bends[e.id] ?? [];
      if (inLayer.length !== was.length) bad.push(`edge ${e.id}: ${inLayer.length} ≠ ${was.length} bends`);
      inLayer.forEach(([x, y], k) => {
        const [fx, fy] = was[k] as [number, number];
        const b = (y - fy) / band;
        if (Math.abs(b - Math.round(b)) > 1e-9 || x > fx) bad.push(`edge ${e.id} bend ${k} moved`);
      });
      // A detour leaves level with where the edge was and comes in level with where it goes next.
      const full: [number, number][] = [
        [l.x[e.source] as number, l.y[e.source] as number],
        ...pts,
        [l.x[e.target] as number, l.y[e.target] as number],
      ];
      for (let k = 1; k + 4 < full.length; k++) {
        const [xa] = full[k] as [number, number];
        if (Math.abs(xa / DX - Math.round(xa / DX)) < 1e-9 || xa === -DX / 2) continue;
        // full[k] is the exit [right, y]: after it, the corridor, the left edge, and the entry.
        if ((full[k] as number[])[1] !== (full[k - 1] as number[])[1])
          bad.push(`edge ${e.id} exits off level`);
        if ((full[k + 3] as number[])[1] !== (full[k + 4] as number[])[1])
          bad.push(`edge ${e.id} enters off level`);
        k += 3;
      }
      for (let k = 1; k + 1 < pts.length; k++) {
        const [xa, ya] = pts[k] as [number, number];
        const [xb, yb] = pts[k + 1] as [number, number];
        if (xa !== -DX / 2 || xb !== -DX / 2 || ya === yb) continue;
        // [left, corridor] then [left, entry]: the corridor's lane is ya.
        const corridor = String(Math.floor(ya / band));
        const key = `${corridor}:${e.source}`;
        const lane = laneOf.get(key);
        if (lane !== undefined && lane !== ya) bad.push(`source ${e.source} in two lanes`);
        laneOf.set(key, ya);
        const other = sourceAt.get(ya);
        if (other !== undefined && other !== e.source) bad.push(`sources ${other}, ${e.source} share a lane`);
        sourceAt.set(ya, e.source);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(laneOf.size).toBeGreaterThan(10);
  });
});
