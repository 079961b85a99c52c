import { describe, expect, it } from 'vitest';
import { follow, onScreen, type Viewport } from '../../src/view/camera';

const view: Viewport = { width: 1000, height: 600, top: 50, right: 10, bottom: 10, left: 10 };
const box = { x0: 2000, y0: 100, x1: 2100, y1: 160 };

describe('the follow camera', () => {
  it('stays still while the box is on screen at a legible scale', () => {
    const cam = { k: 1, x: -1500, y: 0 };
    expect(onScreen(view, cam, box)).toBe(true);
    expect(follow(view, cam, box, 0.8, { need: box, loose: view })).toBeNull();
  });

  it('pans just far enough to bring an off-screen box inside the margin', () => {
    const to = follow(view, { k: 1, x: 0, y: 0 }, box, 0.8);
    // The box's right end lands on the viewport's right margin: 1000 - 10.
    expect(to).toEqual({ k: 1, x: 990 - 2100, y: 0 });
  });

  it('centres the box instead when asked (big graphs: fewer moves)', () => {
    const to = follow(view, { k: 1, x: 0, y: 0 }, box, 0.8, undefined, true);
    // The room is x 10..990, y 50..590: its centre (500, 320) is the box's centre (2050, 130).
    expect(to).toEqual({ k: 1, x: 500 - 2050, y: 320 - 130 });
    expect(onScreen(view, to as { k: number; x: number; y: number }, box)).toBe(true);
  });

  it('zooms in to the legible scale, never beyond what fits', () => {
    const to = follow(view, { k: 0.1, x: 0, y: 0 }, box, 0.8, undefined, true);
    expect(to?.k).toBe(0.8);
    const huge = { x0: 0, y0: 0, x1: 10_000, y1: 100 };
    expect(follow(view, { k: 0.05, x: 0, y: 0 }, huge, 0.8)?.k).toBeCloseTo(980 / 10_000, 9);
  });
});
