import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { type Frame, frameAt } from '../core';
import type { GradflowState, GradflowStore } from './store';

export const StoreContext = createContext<GradflowStore | null>(null);

function useStoreApi(): GradflowStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('Gradflow components need <StoreContext.Provider>');
  return s;
}

/** Reads a slice of the store; selectors returning objects are compared shallowly. */
export function useGradflow<T>(selector: (s: GradflowState) => T): T {
  return useStore(useStoreApi(), useShallow(selector));
}

export function useGradflowApi(): GradflowStore {
  return useStoreApi();
}

/** The frame at the current playback position: what is known and which gradients have arrived. */
export function useFrame(): Frame | null {
  const scene = useGradflow((s) => s.scene);
  const position = useGradflow((s) => Math.round(s.position));
  return useMemo(
    () => (scene ? frameAt(scene.analysis.graph, scene.timeline, position) : null),
    [scene, position],
  );
}
