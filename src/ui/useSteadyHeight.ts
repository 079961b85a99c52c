import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Keeps an element from shrinking back while the same graph plays: its min-height ratchets up to the
 * tallest it has been, so that a caption a line shorter does not make everything beside it jump. (The
 * graph above the step panel would change size at almost every step, moving the picture under the
 * student's eyes and making Chromium lay the whole drawing out again, which drops frames on big graphs.)
 * It lets go when `key` changes (another graph, another mode) or the element's width does (text rewraps).
 */
export function useSteadyHeight(ref: RefObject<HTMLElement | null>, key: unknown): void {
  const tallest = useRef({ height: 0, width: -1 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key starts over
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    tallest.current = { height: 0, width: -1 };
    el.style.minHeight = '';
  }, [ref, key]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize?.[0];
      if (!box) return;
      const t = tallest.current;
      if (Math.abs(box.inlineSize - t.width) > 1) {
        // Rewrapped text: its natural height is measured again from here.
        t.width = box.inlineSize;
        t.height = 0;
        if (el.style.minHeight) {
          el.style.minHeight = '';
          return; // the observer reports the natural height next
        }
      }
      if (box.blockSize > t.height + 0.5) {
        t.height = box.blockSize;
        el.style.minHeight = `${Math.ceil(box.blockSize)}px`;
      }
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
}
