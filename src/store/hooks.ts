import { createContext, useContext, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { type Frame, frameAt, type TensorFrame } from '../core';
import { maskFrame } from './quiz';
import { sameShallow } from './shallow';
import type { GradflowState, GradflowStore } from './store';

export const StoreContext = createContext<GradflowStore | null>(null);

function useStoreApi(): GradflowStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('Gradflow components need <StoreContext.Provider>');
  return s;
}

/** Reads a slice of the store; selectors returning objects are compared shallowly. */
export function useGradflow<T>(selector: (s: GradflowState) => T): T {
  // The last result is kept while a new one is shallowly equal: useStore re-renders only on a change.
  const last = useRef<{ value: T } | null>(null);
  return useStore(useStoreApi(), (s) => {
    const next = selector(s);
    if (last.current && sameShallow(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  });
}

export function useGradflowApi(): GradflowStore {
  return useStoreApi();
}

/** True when quiz mode hides the current step's number (not yet predicted or revealed). */
export function useQuizHidden(): boolean {
  return useGradflow((s) => {
    const p = Math.round(s.position);
    return s.quiz && s.answers[p] === undefined && s.revealed[p] === undefined;
  });
}

/**
 * The frame at the current playback position: what is known and which gradients have arrived, with the
 * current step's number masked while quiz mode hides it.
 */
export function useFrame(): Frame | null {
  const scene = useGradflow((s) => s.scene);
  const position = useGradflow((s) => Math.round(s.position));
  const hidden = useQuizHidden();
  return useMemo(() => {
    if (!scene) return null;
    const frame = frameAt(scene.analysis.graph, scene.timeline, position);
    return hidden ? maskFrame(frame) : frame;
  }, [scene, position, hidden]);
}

/** The frame of the tensor level's replay, when the scene is drawn at tensor level. */
export function useTensorFrame(): TensorFrame | null {
  const scene = useGradflow((s) => s.scene);
  const position = useGradflow((s) => Math.round(s.position));
  return useMemo(() => (scene?.tensor ? scene.tensor.frameAt(position) : null), [scene, position]);
}
