/**
 * Points along an edge as it is drawn: d3's curveBumpX joins each pair of points (x0,y0) → (x1,y1) by a
 * cubic Bézier with control points (xm,y0) and (xm,y1), xm = (x0+x1)/2: an S-bend that leaves and
 * enters horizontally. Labels are placed on the curve itself, so points are taken from the same cubic.
 */
export type Point = [number, number];

const STEPS = 8; // chords per S-bend when finding a point at a given length along it

/** The point at parameter t ∈ [0, 1] of the S-bend from a to b. */
function bend(a: Point, b: Point, t: number): Point {
  const u = 1 - t;
  const xm = (a[0] + b[0]) / 2;
  // B(t) = u³P0 + 3u²t C1 + 3ut² C2 + t³P1, with C1 = (xm, y0), C2 = (xm, y1).
  const p0 = u * u * u;
  const p1 = 3 * u * u * t;
  const p2 = 3 * u * t * t;
  const p3 = t * t * t;
  return [p0 * a[0] + (p1 + p2) * xm + p3 * b[0], (p0 + p1) * a[1] + (p2 + p3) * b[1]];
}

/**
 * An S-bend's length, by the classic estimate for a Bézier curve: halfway between its chord and its
 * control polygon (here |dx| + |dy|), within a few per cent, and with no samples to allocate.
 */
function bendLength(a: Point, b: Point): number {
  const dx = Math.abs(b[0] - a[0]);
  const dy = Math.abs(b[1] - a[1]);
  return (Math.hypot(dx, dy) + dx + dy) / 2;
}

/** An edge's curve with the arc length up to each of its points (one number per S-bend, no samples kept). */
export interface Sampled {
  points: readonly Point[];
  /** lengths[k]: arc length from the start to points[k]. */
  lengths: Float64Array;
}

export function sampleCurve(points: readonly Point[]): Sampled {
  const lengths = new Float64Array(Math.max(1, points.length));
  for (let k = 1; k < points.length; k++)
    lengths[k] = (lengths[k - 1] as number) + bendLength(points[k - 1] as Point, points[k] as Point);
  return { points, lengths };
}

export function curveLength(s: Sampled): number {
  return s.lengths[s.lengths.length - 1] as number;
}

/** The point at `fraction` (0 = source end, 1 = target end) of the curve's length. */
export function pointAt(s: Sampled, fraction: number): Point {
  const { points, lengths } = s;
  if (points.length < 2) return (points[0] ?? [0, 0]) as Point;
  const want = Math.max(0, Math.min(1, fraction)) * curveLength(s);
  // The S-bend holding that length (binary search), then the chord within it.
  let lo = 1;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lengths[mid] as number) < want) lo = mid + 1;
    else hi = mid;
  }
  const a = points[lo - 1] as Point;
  const b = points[lo] as Point;
  let walked = lengths[lo - 1] as number;
  let prev = a;
  for (let i = 1; i <= STEPS; i++) {
    const p = bend(a, b, i / STEPS);
    const step = Math.hypot(p[0] - prev[0], p[1] - prev[1]);
    if (walked + step >= want || i === STEPS) {
      const t = step > 0 ? Math.max(0, Math.min(1, (want - walked) / step)) : 0;
      return [prev[0] + t * (p[0] - prev[0]), prev[1] + t * (p[1] - prev[1])];
    }
    walked += step;
    prev = p;
  }
  return b;
}
