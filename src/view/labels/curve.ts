/**
 * Points along an edge as it is drawn: d3's curveBumpX joins each pair of points (x0,y0) → (x1,y1) by a
 * cubic Bézier with control points (xm,y0) and (xm,y1), xm = (x0+x1)/2: an S-bend that leaves and
 * enters horizontally. Labels are placed on the curve itself, so they are sampled from the same cubic.
 */
export type Point = [number, number];

const PER_SEGMENT = 8;

/** The curve as a polyline with its cumulative arc length (enough to place labels by fraction of length). */
export interface Sampled {
  xs: number[];
  ys: number[];
  /** lengths[i]: arc length from the start to sample i. */
  lengths: number[];
}

export function sampleCurve(points: readonly Point[]): Sampled {
  const xs: number[] = [];
  const ys: number[] = [];
  const first = points[0];
  if (!first) return { xs: [0], ys: [0], lengths: [0] };
  xs.push(first[0]);
  ys.push(first[1]);
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1] as Point;
    const [x1, y1] = points[k] as Point;
    const xm = (x0 + x1) / 2;
    for (let i = 1; i <= PER_SEGMENT; i++) {
      const t = i / PER_SEGMENT;
      const u = 1 - t;
      // B(t) = u³P0 + 3u²t C1 + 3ut² C2 + t³P1, with C1 = (xm, y0), C2 = (xm, y1).
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const d = t * t * t;
      xs.push(a * x0 + (b + c) * xm + d * x1);
      ys.push((a + b) * y0 + (c + d) * y1);
    }
  }
  const lengths = [0];
  for (let i = 1; i < xs.length; i++)
    lengths.push(
      (lengths[i - 1] as number) +
        Math.hypot((xs[i] as number) - (xs[i - 1] as number), (ys[i] as number) - (ys[i - 1] as number)),
    );
  return { xs, ys, lengths };
}

/** The point at `fraction` (0 = source end, 1 = target end) of the curve's length. */
export function pointAt(s: Sampled, fraction: number): Point {
  const total = s.lengths[s.lengths.length - 1] as number;
  const want = Math.max(0, Math.min(1, fraction)) * total;
  let i = 1;
  while (i < s.lengths.length - 1 && (s.lengths[i] as number) < want) i++;
  const l0 = s.lengths[i - 1] as number;
  const l1 = (s.lengths[i] ?? l0) as number;
  const t = l1 > l0 ? (want - l0) / (l1 - l0) : 0;
  const x0 = s.xs[i - 1] as number;
  const y0 = s.ys[i - 1] as number;
  const x1 = (s.xs[i] ?? x0) as number;
  const y1 = (s.ys[i] ?? y0) as number;
  return [x0 + t * (x1 - x0), y0 + t * (y1 - y0)];
}

export function curveLength(s: Sampled): number {
  return s.lengths[s.lengths.length - 1] as number;
}
