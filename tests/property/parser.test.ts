import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, parse } from '../../src/core';

const LANGUAGE = [...'xyzab12.e+-*/^()=,;\n #', 'sin', 'max', 'log', 'pi', '**', ' '];

function checkNeverThrows(text: string) {
  const p = parse(text);
  if (!p.ok) {
    expect(p.error.start).toBeGreaterThanOrEqual(0);
    expect(p.error.end).toBeGreaterThanOrEqual(p.error.start);
    expect(p.error.end).toBeLessThanOrEqual(text.length);
    expect(p.error.message.length).toBeGreaterThan(0);
  }
  const a = analyze(text);
  if (!a.ok) {
    expect(a.error.start).toBeGreaterThanOrEqual(0);
    expect(a.error.end).toBeLessThanOrEqual(text.length);
  }
}

describe('the parser never throws', () => {
  it('on random strings of language characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LANGUAGE), { maxLength: 40 }).map((a) => a.join('')),
        checkNeverThrows,
      ),
      { numRuns: 3000 },
    );
  });

  it('on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), checkNeverThrows), {
      numRuns: 1000,
    });
  });
});
