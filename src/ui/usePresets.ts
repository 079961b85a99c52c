import { useSyncExternalStore } from 'react';
import { LECTURE_EXAMPLES, type LectureExample } from '../examples/lectures';

/*
 * The presets: the lecture examples come with the first load (the first visit's program is one, and its
 * card is on the first screen); the others are fetched once the page is idle, or when the student reaches
 * for the picker, and then join the list.
 */

let all: readonly LectureExample[] | null = null;
let pending: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Fetches every preset (once); the picker re-renders with them. */
export function loadPresets(): Promise<void> {
  pending ??= import('../examples/presets').then(
    (m) => {
      all = m.PRESETS;
      for (const l of listeners) l();
    },
    () => {
      pending = null; // offline and not cached: the lecture examples stay, and the next reach tries again
    },
  );
  return pending;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => all ?? LECTURE_EXAMPLES;

/** Every preset known so far: the lecture examples, then all of them once fetched. */
export function usePresets(): readonly LectureExample[] {
  return useSyncExternalStore(subscribe, snapshot, () => LECTURE_EXAMPLES);
}
