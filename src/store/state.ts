import type { Analysis } from '../core';
import type { Scene } from './derive';
import type { History } from './history';
import type { Answer } from './quiz';
import type { Palette, SharedState, Theme } from './url';

/** Everything the app knows, and the actions that change it (store.ts and playback.ts implement them). */
export interface GradflowState {
  source: string;
  /** Values the student set in the variable fields, by input name (they override the text's). */
  overrides: Record<string, number>;
  /** The latest analysis: may be an error. */
  analysis: Analysis;
  /** The last good scene: stays on screen while the text is broken or a new layout is being made. */
  scene: Scene | null;
  /**
   * The text's state is unfinished (an unclosed parenthesis, a dangling operator, a function name half
   * typed) and kept quiet: no error is shown and the last valid program stays on screen, dimmed, until
   * the student pauses or leaves the text box (`settle`).
   */
  pending: boolean;
  /** Undo and redo of the text and the values (the text box's own undo cannot see slider edits). */
  history: History;
  /** The graph is blanked (a presenter's `b` or `.`). */
  blank: boolean;
  /** The key to the graph's colours: shown, hidden, or null for the default (shown except on a projector). */
  legend: boolean | null;
  /** The camera follows the step during playback (a preference of this browser, not shared). */
  follow: boolean;
  /** Nodes being laid out off the main thread right now, or 0. */
  layingOut: number;
  /** Playback position on the scene's timeline. */
  position: number;
  playing: boolean;
  /** Steps per second. */
  speed: number;
  /** Selected node id in the scene's graph. */
  selected: number | null;
  /** Edge ids to highlight in the graph (a chain-rule path being hovered), or null. */
  highlight: number[] | null;
  palette: Palette;
  /** A message for the student that is not about their text (a refused share link, for instance). */
  notice: string | null;
  theme: Theme;
  /** Projector mode: the graph fills the screen, panels tucked away, everything large. */
  projector: boolean;
  /** Embedded in another page: only the graph, playback and step. */
  embed: boolean;
  /** The keyboard shortcuts card is open. */
  shortcuts: boolean;
  /** Calls drawn opened up, by key (`sig#0`); every other call is one gate. Sorted, no repeats. */
  expanded: string[];
  /**
   * Forward mode: the input whose tangent the timeline replays (seed 1 on it), or null for the backward
   * pass (reverse mode). Drawn at scalar level.
   */
  seed: string | null;
  /** A vector output: which element's gradient the analysis and the backward pass are about. */
  row: number;
  /** Quiz mode: numbers hidden until the class predicts them. */
  quiz: boolean;
  /** Predictions by timeline position, and positions whose answer was revealed without one. */
  answers: Record<number, Answer>;
  revealed: Record<number, true>;

  setSource(source: string): void;
  /** Replaces the whole text at once (a preset): one undo step of its own; `expanded` opens its calls. */
  loadText(source: string, expanded?: string[]): void;
  /** Expands a collapsed call, or collapses an expanded one, by key. */
  toggleCall(key: string): void;
  setValue(name: string, value: number): void;
  /** Several inputs at once (a gradient-descent step): one recompute, one undo step of kind `group`. */
  setValues(values: Record<string, number>, group?: string): void;
  /** Every input back to its value in the text, or 1 when the text gives none. */
  resetValues(): void;
  undo(): void;
  redo(): void;
  /** The student paused or left the text box: report the text's state, finished or not. */
  settle(): void;
  setBlank(on: boolean): void;
  setLegend(on: boolean): void;
  setFollow(on: boolean): void;
  seek(position: number): void;
  step(delta: number): void;
  restart(): void;
  toEnd(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  select(id: number | null): void;
  setHighlight(edges: number[] | null): void;
  setPalette(p: Palette): void;
  setNotice(notice: string | null): void;
  setTheme(theme: Theme): void;
  setProjector(on: boolean): void;
  setShortcuts(open: boolean): void;
  setQuiz(on: boolean): void;
  /** Replays forward mode seeded on this input, from the start (playing it, with `play`); null goes back to reverse mode. */
  setSeed(seed: string | null, play?: boolean): void;
  /** A vector output: shows element `row`'s gradients and backward pass (played from the start, with `play`). */
  setRow(row: number, play?: boolean): void;
  /** Records a prediction for the current position and marks it against the answer. */
  answer(given: number): void;
  reveal(): void;
  /** Loads a shared state (from a link) as a whole. */
  load(state: SharedState): void;
}
