import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, buildGraph, type Graph, parse } from '../../src/core';
import { envArb, program, treeArb } from './programs';

/*
 * The engine stores tokens, AST rows, graph nodes and steps in typed-array columns. These properties hold
 * the columns against the plain definitions: the lexer's numbers against Number(), interned names against
 * the text, and the graph's indexes and object views against each other.
 */

function graphOf(source: string): Graph {
  const p = parse(source);
  if (!p.ok) throw new Error(`${source}: ${p.error.message}`);
  const g = buildGraph(p.program, source);
  if (!g.ok) throw new Error(`${source}: ${g.error.message}`);
  return g.graph;
}

const digits = (max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: max }).map((d) => d.join(''));

describe('number literals', () => {
  it('read exactly as Number() reads them, including long and exponent forms', () => {
    const literal = fc
      .tuple(
        digits(25),
        digits(25),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(3))),
      )
      .filter(
        ([int, frac, exp]) => (int.length > 0 || frac.length > 0) && (exp === null || exp[2].length > 0),
      )
      .map(([int, frac, exp]) => `${int}${frac ? `.${frac}` : ''}${exp ? exp.join('') : ''}`)
      .filter((text) => !text.startsWith('.') || text.length > 1);
    fc.assert(
      fc.property(literal, (text) => {
        if (!Number.isFinite(Number(text))) {
          // Beyond 1.8e308: refused where it is written, never read as ∞.
          const p = parse(`x * ${text}`);
          expect(p.ok).toBe(false);
          if (!p.ok) expect([p.error.start, p.error.end]).toEqual([4, 4 + text.length]);
          return;
        }
        const g = graphOf(`x * ${text}`);
        const c = g.nodes.find((n) => n.op === 'const');
        expect(c?.text).toBe(text);
        expect(Object.is(c?.constant, Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['0.1', 0.1],
    ['0.3', 0.3],
    ['9007199254740993', 2 ** 53], // beyond 2^53: rounds (to even) as Number() does
    ['1.7976931348623157', 1.7976931348623157],
    ['123456789012345678901234567890', 1.2345678901234568e29],
    ['2.5e-3', 0.0025],
  ])('%s', (text, value) => {
    const c = graphOf(`x * ${text}`).nodes.find((n) => n.op === 'const');
    expect(c?.constant).toBe(value);
  });
});

describe('interned names', () => {
  const ident = fc
    .tuple(fc.constantFrom(...'abcdwxyz_'), fc.array(fc.constantFrom(...'abxyz019_'), { maxLength: 6 }))
    .map(([h, t]) => h + t.join(''))
    .filter((n) => !['e', 'pi'].includes(n) && !n.startsWith('__'));

  it('one input per distinct name, in order of first use, however many names there are', () => {
    fc.assert(
      fc.property(fc.array(ident, { minLength: 1, maxLength: 2500, size: 'max' }), (names) => {
        const g = graphOf(names.join(' + '));
        const distinct = [...new Set(names)];
        expect(g.inputs.map((i) => i.name)).toEqual(distinct);
        for (const inp of g.inputs) {
          const uses = names.filter((n) => n === inp.name).length;
          // One node per name; each use is one out-edge (a lone name is the output itself).
          expect(g.outEdges[inp.node]).toHaveLength(names.length === 1 ? 0 : uses);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('graph columns and their object views agree', () => {
  it('on random programs', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(11), (tree, style) => {
        const g = graphOf(program(tree, style));
        expect(g.firstEdge).toHaveLength(g.size + 1);
        expect(g.edges).toHaveLength(g.edgeCount);
        g.nodes.forEach((n, id) => {
          expect(n.id).toBe(id);
          expect(n.op).toBe(g.opName(id));
          expect(n.inputs).toEqual(Array.from({ length: g.arity(id) }, (_, s) => g.arg(id, s)));
          for (const src of n.inputs) expect(src).toBeLessThan(id); // ids are a topological order
        });
        for (const e of g.edges) {
          expect(g.nodes[e.target]?.inputs[e.slot]).toBe(e.source);
          expect((g.firstEdge[e.target] as number) + e.slot).toBe(e.id);
        }
        g.outEdges.forEach((out, id) => {
          const expected = g.edges.filter((e) => e.source === id).map((e) => e.id);
          expect(out).toEqual(expected); // in order of the consumers' ids
        });
      }),
      { numRuns: 300 },
    );
  });

  it('steps: at(k), toArray() and iteration give the same records as the columns', () => {
    fc.assert(
      fc.property(treeArb, envArb, (tree, env) => {
        const r = analyze(program(tree, 0), env);
        fc.pre(r.ok);
        if (!r.ok) return;
        const all = r.steps.toArray();
        expect([...r.steps]).toEqual(all);
        all.forEach((s, k) => {
          expect(r.steps.at(k)).toEqual(s);
          const e = r.graph.edges[s.edge];
          expect([s.source, s.target, s.slot]).toEqual([e?.source, e?.target, e?.slot]);
          expect(s.contribution).toBe(s.upstream * s.local);
          expect(s.after).toBe(s.before + s.contribution);
        });
        expect(r.steps.at(r.steps.length)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
