import { describe, expect, it } from 'vitest';
import { analyze, frameAt } from '../../src/core';
import { makeScene, SCALARS, type Scene, sceneLength } from '../../src/store/derive';
import { aim } from '../../src/view/aim';
import { FOLLOW_PX } from '../../src/view/useFollow';
import { bigProgram } from '../e2e/programs';

const SIZES = { value: 15, current: 16, sum: 16, name: 13 };
const W = 640;
const H = 560;

function sceneOf(source: string): Scene {
  const a = analyze(source);
  if (!a.ok) throw new Error(a.error.message);
  return makeScene(a, null, undefined, new Set([SCALARS])) as Scene;
}

describe('the camera that follows the step', () => {
  it('on an edge too long for both ends to be legible, follows its source at a legible size', () => {
    // A 500-node sum drawn flat: x0's edges reach from the left end of the drawing to the right.
    const scene = sceneOf(bigProgram(500));
    const { x } = scene.layout;
    let long = -1;
    for (let p = 0; p <= sceneLength(scene); p++) {
      const step = frameAt(scene.analysis.graph, scene.timeline, p).step;
      if (step && Math.abs((x[step.target] as number) - (x[step.source] as number)) > 20 * W) {
        long = p;
        break;
      }
    }
    expect(long).toBeGreaterThan(0);
    const frame = frameAt(scene.analysis.graph, scene.timeline, long);
    const source = frame.step?.source as number;
    const cam = aim({
      scene,
      frame,
      sizes: SIZES,
      projector: true,
      labels: [],
      width: W,
      height: H,
      avoid: undefined,
      from: { k: 0.02, x: 0, y: 0 },
      centre: true,
    });
    expect(cam).not.toBeNull();
    const c = cam as { k: number; x: number; y: number };
    // Numbers at 16 px or more, and the source on screen.
    expect(c.k * SIZES.value).toBeGreaterThanOrEqual(FOLLOW_PX.projector - 1e-9);
    const sx = c.k * (x[source] as number) + c.x;
    const sy = c.k * (scene.layout.y[source] as number) + c.y;
    expect(sx).toBeGreaterThan(0);
    expect(sx).toBeLessThan(W);
    expect(sy).toBeGreaterThan(0);
    expect(sy).toBeLessThan(H);
  });
});
