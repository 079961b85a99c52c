/**
 * The camera that follows the step: pure maths on d3-zoom's transform (screen = k · drawing + (x, y)).
 * It moves only when it must, and as little as it must, so that the student keeps their bearings:
 *  - the box of what matters (the current edge's two nodes and its label) is already on screen at a
 *    legible scale → no move;
 *  - on screen but too small → zoom in about the box just to the legible scale, no further, so the rest
 *    stays visible around it as context;
 *  - legible but (partly) off screen → pan by the smallest amount that brings it inside.
 * (Its code comes with the first step the camera follows: see useFollow.ts.)
 */

import type { Box } from './box';

export { type Box, boxAround, union } from './box';

export interface Camera {
  k: number;
  x: number;
  y: number;
}

/** The part of the SVG the box must land in: its size less margins (the toolbar sits at the top). */
export interface Viewport {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The translation along one axis that brings [lo, hi] (drawing units, at scale k) inside [a, b] (screen),
 * moving as little as possible; a span longer than the room is centred.
 */
function shift(t: number, k: number, lo: number, hi: number, a: number, b: number): number {
  const s0 = t + k * lo;
  const s1 = t + k * hi;
  if (s1 - s0 > b - a) return t + ((a + b) / 2 - (s0 + s1) / 2);
  if (s0 < a) return t + (a - s0);
  if (s1 > b) return t - (s1 - b);
  return t;
}

/** Within half a pixel: not worth a move. */
const EPS = 0.5;

/** The box is on screen at this camera, within the viewport's margins. */
export function onScreen(view: Viewport, cam: Camera, box: Box): boolean {
  return (
    cam.x + cam.k * box.x0 >= view.left - EPS &&
    cam.x + cam.k * box.x1 <= view.width - view.right + EPS &&
    cam.y + cam.k * box.y0 >= view.top - EPS &&
    cam.y + cam.k * box.y1 <= view.height - view.bottom + EPS
  );
}

/** The box, seen through this camera, lies under `avoid` (a screen rectangle such as the toolbar). */
function covers(avoid: Box | undefined, cam: Camera, box: Box): boolean {
  if (!avoid) return false;
  const x0 = cam.x + cam.k * box.x0;
  const x1 = cam.x + cam.k * box.x1;
  const y0 = cam.y + cam.k * box.y0;
  const y1 = cam.y + cam.k * box.y1;
  return x0 < avoid.x1 && avoid.x0 < x1 && y0 < avoid.y1 && avoid.y0 < y1;
}

/**
 * Where the camera should go to show `box` with its numbers at least `minK` times their drawing size, or
 * null when it need not move: `need` (what must be seen, by default the box) is already on screen within
 * `loose` margins, clear of `avoid` (the toolbar), at a legible scale. Asking less to stay than to arrive keeps the camera still through
 * steps that are already in view. A box too big to fit at `minK` is fitted whole (its ends on screen
 * matter more than the size of its type); the camera never zooms out of a closer view the student chose
 * unless the box does not fit in it.
 */
export function follow(
  view: Viewport,
  cam: Camera,
  box: Box,
  minK: number,
  stay?: { need: Box; loose: Viewport; avoid?: Box },
  /**
   * Centre the box when the camera must move, rather than move it just inside the edge: on a big graph
   * each move repaints the whole drawing, and a step in the middle leaves room for the next few steps.
   */
  centre = false,
): Camera | null {
  if (
    stay &&
    cam.k >= minK - 1e-9 &&
    onScreen(stay.loose, cam, stay.need) &&
    !covers(stay.avoid, cam, stay.need)
  )
    return null;
  const room = { w: view.width - view.left - view.right, h: view.height - view.top - view.bottom };
  if (room.w <= 0 || room.h <= 0) return null;
  const bw = Math.max(1, box.x1 - box.x0);
  const bh = Math.max(1, box.y1 - box.y0);
  const fitK = Math.min(room.w / bw, room.h / bh);
  const k = Math.min(Math.max(cam.k, minK), fitK);
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  if (centre) return { k, x: view.left + room.w / 2 - k * cx, y: view.top + room.h / 2 - k * cy };
  const x = shift(cam.x, k, box.x0, box.x1, view.left, view.width - view.right);
  const y = shift(cam.y, k, box.y0, box.y1, view.top, view.height - view.bottom);
  if (Math.abs(k - cam.k) * Math.max(bw, bh) < EPS && Math.abs(x - cam.x) < EPS && Math.abs(y - cam.y) < EPS)
    return null;
  if (k === cam.k) return { k, x, y };
  // A zoom: about the box's centre, then the smallest pan that brings it inside.
  const sx = cam.x + cam.k * cx;
  const sy = cam.y + cam.k * cy;
  return {
    k,
    x: shift(sx - k * cx, k, box.x0, box.x1, view.left, view.width - view.right),
    y: shift(sy - k * cy, k, box.y0, box.y1, view.top, view.height - view.bottom),
  };
}
