import { useCallback, useEffect, useRef } from 'react';

/**
 * A repeating timer for a panel's animation: `start(step, ms)` calls `step` every `ms` until it returns
 * false, `stop()` is called, another start, or the panel goes away.
 */
export function useTicker(): { start: (step: () => boolean, ms: number) => void; stop: () => void } {
  const timer = useRef<number | null>(null);
  const stop = useCallback(() => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  }, []);
  const start = useCallback(
    (step: () => boolean, ms: number) => {
      stop();
      timer.current = window.setInterval(() => {
        if (!step()) stop();
      }, ms);
    },
    [stop],
  );
  useEffect(() => stop, [stop]);
  return { start, stop };
}
