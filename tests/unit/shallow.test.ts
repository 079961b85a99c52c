import { describe, expect, it } from 'vitest';
import { sameShallow } from '../../src/store/shallow';

describe('sameShallow (what a store selector re-renders on)', () => {
  it('keeps equal plain objects and arrays', () => {
    expect(sameShallow({ a: 1, b: 'x' }, { a: 1, b: 'x' })).toBe(true);
    expect(sameShallow([1, 2, 3], [1, 2, 3])).toBe(true);
    expect(sameShallow(Number.NaN, Number.NaN)).toBe(true);
    const o = {};
    expect(sameShallow({ o }, { o })).toBe(true);
  });
  it('sees any change of a key or a value', () => {
    expect(sameShallow({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameShallow({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameShallow({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameShallow([1, 2], [1, 2, 3])).toBe(false);
    expect(sameShallow({ o: {} }, { o: {} })).toBe(false); // shallow: a new object inside is a change
    expect(sameShallow([1], { 0: 1 })).toBe(false);
    expect(sameShallow(0, -0)).toBe(false);
    expect(sameShallow(null, {})).toBe(false);
  });
  it('never takes two different Maps, Sets or arrays of typed numbers for the same', () => {
    expect(sameShallow(new Map([[1, 2]]), new Map([[1, 3]]))).toBe(false);
    expect(sameShallow(new Set(), new Set())).toBe(false);
    expect(sameShallow(new Float64Array([1]), new Float64Array([2]))).toBe(false);
    const m = new Map();
    expect(sameShallow(m, m)).toBe(true);
  });
});
