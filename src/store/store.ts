import { createStore } from 'zustand/vanilla';
import { type Analysis, frameAt } from '../core';
import type { LayoutFn } from '../view/layoutService';
import { analyze, makeScene, type Scene } from './derive';
import { type Answer, isClose, questionAt } from './quiz';

import type { Palette, SharedState, Theme } from './url';

export type { Palette, Theme };

export interface GradflowState {
  source: string;
  /** Values the student set in the variable fields, by input name (they override the text's). */
  overrides: Record<string, number>;
  /** The latest analysis: may be an error. */
  analysis: Analysis;
  /** The last good scene: stays on screen while the text is broken or a new layout is being made. */
  scene: Scene | null;
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
  /** Quiz mode: numbers hidden until the class predicts them. */
  quiz: boolean;
  /** Predictions by timeline position, and positions whose answer was revealed without one. */
  answers: Record<number, Answer>;
  revealed: Record<number, true>;

  setSource(source: string): void;
  setValue(name: string, value: number): void;
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
  /** Records a prediction for the current position and marks it against the answer. */
  answer(given: number): void;
  reveal(): void;
  /** Loads a shared state (from a link) as a whole. */
  load(state: SharedState): void;
}

export const INITIAL_SOURCE = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';

/** A number as the student would write it: at most 12 significant digits, no float noise (0.30000000000000004). */
export function literal(v: number): string {
  return String(Number(v.toPrecision(12)));
}

/** Programs longer than this are analyzed after a pause in typing, not on every keystroke. */
export const DEBOUNCE_CHARS = 30_000;
const DEBOUNCE_MS = 300;

const clampTo = (s: Scene | null, p: number) => Math.max(0, Math.min(s?.timeline.length ?? 0, p));

/** Declared values by name, to notice when the text's own value for an input changed. */
function declared(a: Analysis): Map<string, number | undefined> {
  const inputs = a.ok ? a.inputs : (a.inputs ?? []);
  return new Map(inputs.map((i) => [i.name, i.declared]));
}

export interface StoreOptions {
  source?: string;
  overrides?: Record<string, number>;
  /** How graphs are laid out: at once (default; tests) or in a worker for large graphs (the app). */
  layoutFn?: LayoutFn;
  step?: number;
  palette?: Palette;
  notice?: string | null;
  theme?: Theme;
  projector?: boolean;
  embed?: boolean;
}

export function createGradflowStore(initial: StoreOptions = {}) {
  const source = initial.source ?? INITIAL_SOURCE;
  const overrides = initial.overrides ?? {};
  const layoutFn = initial.layoutFn;
  const analysis = analyze(source, overrides);
  const scene = analysis.ok ? (makeScene(analysis, null) as Scene) : null;
  let latest = 0; // the newest recompute: an older layout arriving late is dropped

  return createStore<GradflowState>()((set, get) => {
    /** Re-analyzes and keeps the playback position when the graph's shape did not change. */
    const recompute = (src: string, ov: Record<string, number>, analyzed?: Analysis) => {
      const request = ++latest;
      clearPending();
      const prev = get().scene;
      const a = analyzed ?? analyze(src, ov);
      if (!a.ok) {
        set({ source: src, overrides: ov, analysis: a, layingOut: 0 });
        return;
      }
      const made = makeScene(a, prev, layoutFn);
      if (made instanceof Promise) {
        // The text and numbers update now; the picture follows when its layout is ready.
        set({ source: src, overrides: ov, analysis: a, layingOut: a.graph.size });
        void made.then((next) => {
          if (request === latest) show(a, next);
        });
        return;
      }
      set({ source: src, overrides: ov });
      show(a, made);
    };

    /** Analyzes new text once; a value the student re-typed in the text wins over an older field value. */
    const sourceChanged = (src: string) => {
      const before = declared(get().analysis);
      const ov = { ...get().overrides };
      const a = analyze(src, ov);
      let dropped = false;
      for (const [name, v] of declared(a)) {
        if (before.has(name) && before.get(name) !== v && name in ov) {
          delete ov[name];
          dropped = true;
        }
      }
      recompute(src, ov, dropped ? undefined : a);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const clearPending = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };

    const show = (a: Analysis, next: Scene) => {
      const { scene: prev, position } = get();
      const sameShape = prev !== null && prev.shape === next.shape;
      const atEnd = prev === null || position >= prev.timeline.length;
      set({
        analysis: a,
        layingOut: 0,
        scene: next,
        position: sameShape && !atEnd ? clampTo(next, position) : next.timeline.length,
        selected: sameShape ? get().selected : null,
        highlight: sameShape ? get().highlight : null,
        playing: sameShape ? get().playing : false,
      });
    };

    return {
      source,
      overrides,
      analysis,
      scene,
      layingOut: 0,
      position: scene ? Math.min(initial.step ?? Number.POSITIVE_INFINITY, scene.timeline.length) : 0,
      playing: false,
      speed: 1.5,
      selected: null,
      highlight: null,
      palette: initial.palette ?? 'lecture',
      notice: initial.notice ?? null,
      theme: initial.theme ?? 'light',
      projector: initial.projector ?? false,
      embed: initial.embed ?? false,
      shortcuts: false,
      quiz: false,
      answers: {},
      revealed: {},

      setSource(src) {
        if (src.length > DEBOUNCE_CHARS) {
          // A very long program: keep typing instant and analyze once the student pauses.
          set({ source: src });
          clearPending();
          const request = ++latest;
          timer = setTimeout(() => request === latest && sourceChanged(src), DEBOUNCE_MS);
          return;
        }
        sourceChanged(src);
      },
      setValue(name, value) {
        if (!Number.isFinite(value)) return;
        const { analysis, source, overrides } = get();
        const input = (analysis.ok ? analysis.inputs : (analysis.inputs ?? [])).find((i) => i.name === name);
        const ov = { ...overrides };
        if (input?.valueStart !== undefined && input.valueEnd !== undefined) {
          // Declared in the text (`x = -2`): rewrite that number, so the text and the slider always agree.
          delete ov[name];
          recompute(
            `${source.slice(0, input.valueStart)}${literal(value)}${source.slice(input.valueEnd)}`,
            ov,
          );
        } else {
          recompute(source, { ...ov, [name]: value });
        }
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
        set({ playing: true, position: position >= scene.timeline.length ? 0 : position });
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
      load(state) {
        set({ palette: state.palette, theme: state.theme, projector: state.projector, playing: false });
        recompute(state.source, state.values);
        const scene = get().scene;
        if (state.step !== undefined && scene) set({ position: clampTo(scene, state.step) });
      },
    };
  });
}

export type GradflowStore = ReturnType<typeof createGradflowStore>;
