import { frameAt } from '../core';
import { type Scene, sceneLength } from './derive';
import { isClose, questionAt } from './quiz';
import type { GradflowState } from './state';

type Set = (partial: Partial<GradflowState>) => void;
type Get = () => GradflowState;

/** A playback position kept within the scene's timeline. */
export const clampTo = (s: Scene | null, p: number) => Math.max(0, Math.min(sceneLength(s), p));

/** The store's actions that move through the timeline, or change how things are shown (not the work). */
export function playbackAndView(set: Set, get: Get) {
  return {
    setBlank(blank) {
      set({ blank });
    },
    setLegend(legend) {
      set({ legend });
    },
    setFollow(follow) {
      set({ follow });
    },
    seek(p) {
      set({ position: clampTo(get().scene, p) });
    },
    step(delta) {
      set({ position: clampTo(get().scene, Math.round(get().position) + delta), playing: false });
    },
    restart() {
      set({ position: 0, playing: false });
    },
    toEnd() {
      set({ position: clampTo(get().scene, Number.POSITIVE_INFINITY), playing: false });
    },
    play() {
      const { scene, position } = get();
      if (!scene) return;
      // Playing from the end starts over, as a video player does.
      set({ playing: true, position: position >= sceneLength(scene) ? 0 : position });
    },
    pause() {
      set({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed });
    },
    select(id) {
      set({ selected: id });
    },
    setHighlight(highlight) {
      set({ highlight });
    },
    setPalette(palette) {
      set({ palette });
    },
    setNotice(notice) {
      set({ notice });
    },
    setTheme(theme) {
      set({ theme });
    },
    setProjector(projector) {
      set({ projector });
    },
    setShortcuts(shortcuts) {
      set({ shortcuts });
    },
    setQuiz(quiz) {
      // A quiz starts from the beginning: nothing computed yet.
      set({ quiz, answers: {}, revealed: {}, playing: false, ...(quiz ? { position: 0 } : {}) });
    },
    answer(given) {
      const { scene, position, answers } = get();
      if (!scene || !Number.isFinite(given)) return;
      const p = Math.round(position);
      const q = questionAt(scene, frameAt(scene.analysis.graph, scene.timeline, p));
      if (!q) return;
      set({ answers: { ...answers, [p]: { given, correct: isClose(given, q.truth) } } });
    },
    reveal() {
      set({ revealed: { ...get().revealed, [Math.round(get().position)]: true } });
    },
  } satisfies Partial<GradflowState>;
}
