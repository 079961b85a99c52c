import type { GradflowState } from './store';

/* Named selectors: components read the store through these. */

export const selectSource = (s: GradflowState) => s.source;
export const selectAnalysis = (s: GradflowState) => s.analysis;
export const selectScene = (s: GradflowState) => s.scene;
export const selectError = (s: GradflowState) => (s.analysis.ok ? null : s.analysis.error);
export const selectPlayback = (s: GradflowState) => ({
  position: s.position,
  length: s.scene?.timeline.length ?? 0,
  forwardLength: s.scene?.timeline.forward.length ?? 0,
  playing: s.playing,
  speed: s.speed,
});
export const selectActions = (s: GradflowState) => ({
  setSource: s.setSource,
  setValue: s.setValue,
  seek: s.seek,
  step: s.step,
  restart: s.restart,
  toEnd: s.toEnd,
  togglePlay: s.togglePlay,
  setSpeed: s.setSpeed,
  select: s.select,
  setHighlight: s.setHighlight,
  setPalette: s.setPalette,
  setNotice: s.setNotice,
  setTheme: s.setTheme,
  setProjector: s.setProjector,
  setShortcuts: s.setShortcuts,
  setQuiz: s.setQuiz,
  answer: s.answer,
  reveal: s.reveal,
});
