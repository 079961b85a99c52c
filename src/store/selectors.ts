import { forwardLength, sceneLength } from './derive';
import { seedOf } from './modes';
import type { GradflowState } from './store';

/* Named selectors: components read the store through these. */

export const selectSource = (s: GradflowState) => s.source;
export const selectAnalysis = (s: GradflowState) => s.analysis;
export const selectScene = (s: GradflowState) => s.scene;
/** The text's error, once it is worth saying: an unfinished ending stays quiet while the student types. */
export const selectError = (s: GradflowState) => (s.analysis.ok || s.pending ? null : s.analysis.error);
/** True when the numbers and the picture on screen are of an earlier program than the text. */
export const selectStale = (s: GradflowState) => s.pending || !s.analysis.ok;
/** The analysis the Output and Gradients describe: the text's when it is good, else the one on screen. */
export const selectShown = (s: GradflowState) =>
  s.analysis.ok && !s.pending ? s.analysis : (s.scene?.analysis ?? null);
/**
 * The inputs listed beside the text. They belong to the program on screen, except when the text parses
 * but cannot be computed at its values (a domain error): then they are the text's, since moving them is
 * how the student gets back into the domain.
 */
export const selectInputs = (s: GradflowState) => {
  if (!s.pending && !s.analysis.ok && s.analysis.inputs) return s.analysis.inputs;
  return selectShown(s)?.inputs ?? [];
};
export const selectPlayback = (s: GradflowState) => ({
  position: s.position,
  length: sceneLength(s.scene),
  forwardLength: forwardLength(s.scene),
  seed: seedOf(s.scene),
  playing: s.playing,
  speed: s.speed,
});
export const selectActions = (s: GradflowState) => ({
  setSource: s.setSource,
  loadText: s.loadText,
  toggleCall: s.toggleCall,
  setValue: s.setValue,
  setValues: s.setValues,
  resetValues: s.resetValues,
  undo: s.undo,
  redo: s.redo,
  settle: s.settle,
  setBlank: s.setBlank,
  setLegend: s.setLegend,
  setFollow: s.setFollow,
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
  setSeed: s.setSeed,
  setRow: s.setRow,
  answer: s.answer,
  reveal: s.reveal,
});
