import { tangentPass, tangentTimeline, timeline } from '../core';
import type { Scene } from './scene';
import type { GradflowState } from './state';

type Set = (partial: Partial<GradflowState>) => void;
type Get = () => GradflowState;

/*
 * Which pass the timeline replays: reverse mode (the values forward, then the gradients back), or forward
 * mode seeded on one input (its tangent d·/dx flowing forward edge by edge). Forward mode is drawn at
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

/**
 * The store's actions that change which pass the timeline replays, and which output it is about.
 * `redraw(fresh, play)` re-analyzes and redraws the program (from the start when `fresh`, playing when
 * `play`); `quizMode` is the plain switch of quiz mode.
 */
export function modeActions(
  set: Set,
  get: Get,
  quizMode: (on: boolean) => void,
  redraw: (fresh: boolean, play: boolean) => void,
) {
  return {
    setSeed(seed, play = false) {
      const { scene, quiz } = get();
      // Forward mode has no predictions to make: it leaves quiz mode.
      if (quiz) quizMode(false);
      set({ seed, playing: false });
      // A tensor program is redrawn at scalar level (or back at tensor level), from the beginning.
      if (scene && scene.full.graph.tensors.length > 0) redraw(true, play);
      else if (scene) {
        const next = withSeed(scene, seed);
        const on = next.timeline.tangent !== undefined;
        set({ scene: next, position: 0, seed: on ? seed : null, playing: play });
      }
    },
    setRow(row, play = false) {
      // Another element of a vector output: its backward pass (or, in forward mode, the same pass).
      // Played, it starts from the beginning; chosen, the picture stays where it stood.
      set({ row, playing: false });
      redraw(play, play);
    },
    setQuiz(on) {
      if (on && get().seed !== null) get().setSeed(null);
      quizMode(on);
      // A quiz replays the scalar steps: a tensor program is redrawn at scalar level for it.
      if (get().scene?.tensor || (on === false && get().scene?.full.graph.tensors.length)) redraw(on, false);
    },
  } satisfies Partial<GradflowState>;
}
