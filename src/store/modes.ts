import { tangentPass, tangentTimeline, timeline } from '../core';
import type { Scene } from './scene';

/*
 * Which pass the timeline replays: reverse mode (the values forward, then the gradients back), or forward
 * mode seeded on one input (its tangent ∂·/∂x flowing forward edge by edge). Forward mode is drawn at
 * scalar level, on a graph small enough to draw.
 */

/** The scene replaying forward mode seeded on input `seed`, or reverse mode for null (or a seed that is gone). */
export function withSeed(scene: Scene, seed: string | null): Scene {
  const a = scene.analysis;
  const input =
    seed === null || scene.tensor || !scene.drawable ? undefined : a.inputs.find((i) => i.name === seed);
  if (!input) return scene.timeline.tangent ? { ...scene, timeline: timeline(a.graph, a.steps) } : scene;
  if (scene.timeline.tangent?.seed === input.node) return scene;
  return { ...scene, timeline: tangentTimeline(a.steps, tangentPass(a.graph, a.values, input.node)) };
}

/** The seed a scene replays, by input name, or null in reverse mode. */
export function seedOf(scene: Scene | null): string | null {
  const seed = scene?.timeline.tangent?.seed;
  return seed === undefined ? null : (scene?.names[seed] ?? null);
}
