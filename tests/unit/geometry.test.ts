import { curveBumpX, line } from 'd3-shape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgePath } from '../../src/view/geometry';

const bump = line<[number, number]>().curve(curveBumpX);
const coord = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -5000, max: 5000 }),
  fc.constantFrom(0, -0, 0.0005, -0.0005, 1.0005, 2.5e-4),
);

describe('edgePath', () => {
  it('writes the same path as d3-shape’s bump-x line', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { maxLength: 8 }), (points) => {
        expect(edgePath(points)).toBe(bump(points) ?? '');
      }),
      { numRuns: 2000 },
    );
  });
});
