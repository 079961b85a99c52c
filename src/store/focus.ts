import type { Drawn } from '../core/tensor/drawn';
import type { Scene } from './derive';

/**
 * Where the animation should stand after a call is opened or closed mid-way: at the call itself. In the
 * backward pass, the first step into the call's nodes (the collapsed gate's first edge, or the first
 * step inside the opened frame); in the forward pass, the first of its nodes computed. Null when the
 * call is not on the timeline.
 */
export function positionOfCall(scene: Scene, key: string, backward: boolean): number | null {
  if (scene.tensor) return positionOfOperation(scene.tensor.drawn, key, backward);
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

/** The same at tensor level, for an operation opened or closed (`tensor:<key>`). */
function positionOfOperation(d: Drawn, open: string, backward: boolean): number | null {
  if (!open.startsWith('tensor:')) return null;
  const key = open.slice('tensor:'.length);
  const mine = new Set(d.nodes.filter((n) => n.key === key || n.key.startsWith(`${key}/`)).map((n) => n.id));
  if (backward) {
    const k = d.steps.findIndex((s) => mine.has(s.target));
    return k < 0 ? null : d.forward.length + k + 1;
  }
  const j = d.forward.findIndex((id) => mine.has(id));
  return j < 0 ? null : j + 1;
}
