import { createStore } from 'zustand/vanilla';
import type { Analysis, AnalysisOk } from '../core';
import type { LayoutFn } from '../view/layoutService';
import { analyze as analyzeText, forwardLength, makeScene, SCALARS, type Scene, sceneLength } from './derive';
import { positionOfCall } from './focus';
import { EMPTY_HISTORY, type History, record, redo, type Snapshot, undo } from './history';
import { modeActions, seedOf, withSeed } from './modes';
import { normalizeText } from './normalize';
import { clampTo, playbackAndView } from './playback';
import type { GradflowState } from './state';
import { SETTLE_MS, unfinished } from './typing';
import { withValues } from './values';

export { literal } from './values';

import type { Palette, Theme } from './url';

export type { GradflowState, Palette, Theme };

export const INITIAL_SOURCE = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';

/** Programs longer than this are analyzed after a pause in typing, not on every keystroke. */
export const DEBOUNCE_CHARS = 30_000;
/** Above this many characters the analysis runs just after the keystroke or paste, not inside it. */
export const DEFER_CHARS = 8_000;
const DEBOUNCE_MS = 300;

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
  legend?: boolean | null;
  follow?: boolean;
  expanded?: string[];
  /** Forward mode seeded on this input. */
  seed?: string;
}

export function createGradflowStore(initial: StoreOptions = {}) {
  const source = initial.source ?? INITIAL_SOURCE;
  const overrides = initial.overrides ?? {};
  const layoutFn = initial.layoutFn;
  const expanded0 = [...new Set(initial.expanded ?? [])].sort();
  const analysis = analyzeText(source, overrides, { expand: new Set(expanded0) });
  // Forward mode is drawn at scalar level.
  const opened0 = new Set(initial.seed === undefined ? expanded0 : [...expanded0, SCALARS]);
  // A big graph from a link or from storage is laid out as a typed one is (off the main thread, and
  // wrapped into bands); it is drawn when its layout comes.
  const made0 = analysis.ok ? makeScene(analysis, null, layoutFn, opened0) : null;
  // A program with tensors is drawn once the tensor level's code has come (see below).
  const scene = made0 instanceof Promise || made0 === null ? null : withSeed(made0, initial.seed ?? null);
  let latest = 0; // the newest recompute: an older layout arriving late is dropped

  const store = createStore<GradflowState>()((set, get) => {
    const quizMode = playbackAndView(set, get).setQuiz;
    /** Analyzes with the built-in composites the student expanded built from their definitions. */
    /**
     * What is drawn opened up: the student's choice. A quiz and forward mode are about the scalar steps,
     * so they draw at scalar level.
     */
    const opened = () =>
      new Set(get().quiz || get().seed !== null ? [...get().expanded, SCALARS] : get().expanded);
    const analyze = (src: string, ov: Record<string, number>) =>
      analyzeText(src, ov, { expand: new Set(get().expanded), row: get().row });
    /**
     * Re-analyzes and keeps the playback position when the graph's shape did not change. With `quiet`
     * (typing), an unfinished text is analyzed but neither shouted about nor drawn until it settles.
     */
    const recompute = (src: string, ov: Record<string, number>, analyzed?: Analysis, quiet = false) => {
      const request = ++latest;
      clearPending();
      const prev = get().scene;
      const a = analyzed ?? analyze(src, ov);
      const hold = quiet && unfinished(src, a, new Set(prev?.names ?? []));
      if (hold) {
        set({ source: src, overrides: ov, analysis: a, layingOut: 0, pending: true });
        settleTimer = setTimeout(() => request === latest && get().settle(), SETTLE_MS);
        return;
      }
      if (!a.ok) {
        set({ source: src, overrides: ov, analysis: a, layingOut: 0, pending: false });
        return;
      }
      adopt(a, ov, request);
    };

    /** Draws a good analysis: at once when its layout is known, else when the layout arrives. */
    const adopt = (a: AnalysisOk, ov: Record<string, number>, request: number) => {
      const made = makeScene(a, get().scene, layoutFn, opened());
      if (made instanceof Promise) {
        // The text and numbers update now; the picture follows when its layout is ready.
        set({ source: a.source, overrides: ov, analysis: a, layingOut: a.graph.size, pending: false });
        void made.then((next) => {
          if (request === latest) show(a, next);
        });
        return;
      }
      set({ source: a.source, overrides: ov, pending: false });
      show(a, made);
    };

    /** Analyzes new text once; a value the student re-typed in the text wins over an older field value. */
    const sourceChanged = (src: string, ov0: Record<string, number>) => {
      const before = declared(get().analysis);
      const ov = { ...ov0 };
      const a = analyze(src, ov);
      let dropped = false;
      for (const [name, v] of declared(a)) {
        if (before.has(name) && before.get(name) !== v && Object.hasOwn(ov, name)) {
          delete ov[name];
          dropped = true;
        }
      }
      recompute(src, ov, dropped ? undefined : a, true);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    const clearPending = () => {
      if (timer !== undefined) clearTimeout(timer);
      if (settleTimer !== undefined) clearTimeout(settleTimer);
      timer = undefined;
      settleTimer = undefined;
    };
    /** Records the work as it was before an edit of kind `group`, for undo. */
    const remember = (group: string, after: Snapshot) => {
      const { source: src, overrides: ov, history } = get();
      set({ history: record(history, { source: src, overrides: ov }, after, group, Date.now()) });
    };
    const restore = (to: Snapshot, history: History) => {
      set({ history });
      recompute(to.source, to.overrides);
    };

    /** A preset was loaded: its picture, whenever its layout arrives, starts at the beginning. */
    let fromStart = false;
    /** A call was opened or closed mid-animation: the new picture stands at that call. */
    let refocus: { key: string; backward: boolean } | null = null;
    /** Forward mode was asked to play on a picture still being made (a tensor program redrawn). */
    let playOnShow = false;
    const show = (a: Analysis, drawn: Scene) => {
      const { scene: prev, position, seed } = get();
      const next = withSeed(drawn, seed);
      const sameShape = prev !== null && prev.shape === next.shape;
      const atEnd = prev === null || position >= sceneLength(prev);
      const start = fromStart;
      fromStart = false;
      const at = refocus && !atEnd ? positionOfCall(next, refocus.key, refocus.backward) : null;
      refocus = null;
      set({
        analysis: a,
        layingOut: 0,
        scene: next,
        position:
          at !== null ? at : start ? 0 : sameShape && !atEnd ? clampTo(next, position) : sceneLength(next),
        // A seed whose input is gone (renamed, deleted) ends forward mode.
        seed: next.timeline.tangent ? seed : null,
        selected: sameShape ? get().selected : null,
        highlight: sameShape ? get().highlight : null,
        playing: (sameShape && get().playing) || (start && playOnShow),
      });
      if (start) playOnShow = false;
    };

    return {
      source,
      overrides,
      analysis,
      scene,
      layingOut: 0,
      pending: false,
      history: EMPTY_HISTORY,
      blank: false,
      legend: initial.legend ?? null,
      follow: initial.follow ?? true,
      position: scene ? Math.min(initial.step ?? Number.POSITIVE_INFINITY, sceneLength(scene)) : 0,
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
      seed: seedOf(scene),
      row: 0,
      expanded: expanded0,
      answers: {},
      revealed: {},

      setSource(raw) {
        const src = normalizeText(raw);
        if (src === get().source) return;
        remember('type', { source: src, overrides: get().overrides });
        if (src.length > DEFER_CHARS) {
          // A long program: the text box shows the edit at once, and the analysis comes in a task of its
          // own just after (a 2,000-node paste would otherwise hold the page for both at once); a very
          // long one is analyzed once the student pauses typing.
          set({ source: src });
          clearPending();
          const request = ++latest;
          const wait = src.length > DEBOUNCE_CHARS ? DEBOUNCE_MS : 0;
          timer = setTimeout(() => request === latest && sourceChanged(src, get().overrides), wait);
          return;
        }
        sourceChanged(src, get().overrides);
      },
      toggleCall(key) {
        const now = new Set(get().expanded);
        if (now.has(key)) {
          // Collapsing a call collapses the calls inside it too.
          for (const k of now) if (k === key || k.startsWith(`${key}/`)) now.delete(k);
        } else now.add(key);
        const { scene, position } = get();
        if (scene && position > 0) refocus = { key, backward: position > forwardLength(scene) };
        set({ expanded: [...now].sort() });
        recompute(get().source, get().overrides);
      },
      loadText(raw, expanded = []) {
        const src = normalizeText(raw);
        set({ expanded: [...new Set(expanded)].sort() });
        remember('load', { source: src, overrides: get().overrides });
        set({ history: { ...get().history, group: '' } });
        // A preset starts at the beginning, ready for the clicker's first PageDown (not at "Done").
        fromStart = true;
        sourceChanged(src, get().overrides);
        get().settle();
        if (fromStart) set({ position: 0, playing: false }); // the same shape as before: nothing redrawn
        fromStart = get().layingOut > 0;
      },
      setValue(name, value) {
        // One input is a set of one (a declared one's number is rewritten in the text, where it stands).
        get().setValues({ [name]: value }, `value:${name}`);
      },
      setValues(values, group = 'values') {
        const { analysis, source, overrides } = get();
        const next = withValues(
          source,
          analysis.ok ? analysis.inputs : (analysis.inputs ?? []),
          overrides,
          values,
        );
        if (!next) return;
        remember(group, next);
        recompute(next.source, next.overrides);
      },
      resetValues() {
        const { source, overrides } = get();
        if (Object.keys(overrides).length === 0) return;
        remember('reset', { source, overrides: {} });
        recompute(source, {});
      },
      undo() {
        const { history, source, overrides } = get();
        const r = undo(history, { source, overrides });
        if (r) restore(r.restore, r.history);
      },
      redo() {
        const { history, source, overrides } = get();
        const r = redo(history, { source, overrides });
        if (r) restore(r.restore, r.history);
      },
      settle() {
        if (settleTimer !== undefined) clearTimeout(settleTimer);
        settleTimer = undefined;
        if (!get().pending) return;
        const a = get().analysis;
        if (a.ok) adopt(a, get().overrides, ++latest);
        else set({ pending: false });
      },
      ...playbackAndView(set, get),
      ...modeActions(set, get, quizMode, (fresh, play) => {
        // Redrawn (at scalar level, or for another row): from the beginning when asked, playing if asked.
        fromStart = fresh;
        playOnShow = play;
        recompute(get().source, get().overrides);
      }),
      load(state) {
        set({
          seed: state.seed ?? null,
          palette: state.palette,
          theme: state.theme,
          projector: state.projector,
          playing: false,
          expanded: [...new Set(state.expanded ?? [])].sort(),
        });
        remember('load', { source: state.source, overrides: state.values });
        recompute(state.source, state.values);
        const scene = get().scene;
        if (state.step !== undefined && scene) set({ position: clampTo(scene, state.step) });
      },
    };
  });
  if (made0 instanceof Promise)
    void made0.then((next) => {
      if (store.getState().scene !== null) return; // the student already made another picture
      store.setState({
        scene: withSeed(next, initial.seed ?? null),
        layingOut: 0,
        position: Math.min(initial.step ?? Number.POSITIVE_INFINITY, sceneLength(next)),
      });
    });
  return store;
}

export type GradflowStore = ReturnType<typeof createGradflowStore>;
