import type { Scene } from './derive';

/**
 * Where the animation should stand after a call is opened or closed mid-way: at the call itself. In the
 * backward pass, the first step into the call's nodes (the collapsed gate's first edge, or the first
 * step inside the opened frame); in the forward pass, the first of its nodes computed. Null when the
 * call is not on the timeline.
 */
export function positionOfCall(scene: Scene, key: string, backward: boolean): number | null {
  const { graph } = scene.analysis;
  const open = graph.groups.find((g) => g.key === key);
  let first = open?.first ?? -1;
  let last = open?.last ?? -1;
  if (!open) {
    first = last = graph.callKey.indexOf(key);
    if (first < 0) return null;
  }
  const inside = (id: number) => id >= first && id <= last;
  const { forward, steps } = scene.timeline;
  if (backward) {
    for (let k = 0; k < steps.length; k++) if (inside(steps.target(k))) return forward.length + k + 1;
    return null;
  }
  const j = forward.findIndex(inside);
  return j < 0 ? null : j + 1;
}
