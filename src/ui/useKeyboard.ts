import { useEffect } from 'react';
import { useGradflowApi } from '../store/hooks';

/** True when the key belongs to a field the student is typing in (never hijack the editor). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * Playback keys, for the keyboard and for presenter clickers (which send PageDown/PageUp):
 * Space play/pause; → and PageDown step forward; ← and PageUp step back; Home restart; End jump to the end.
 */
export function useKeyboard(): void {
  const api = useGradflowApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const s = api.getState();
      const actions: Record<string, () => void> = {
        ' ': s.togglePlay,
        ArrowRight: () => s.step(1),
        PageDown: () => s.step(1),
        ArrowLeft: () => s.step(-1),
        PageUp: () => s.step(-1),
        Home: s.restart,
        End: s.toEnd,
      };
      const act = actions[e.key];
      // A focused button activates on Space/Enter by itself; let it, except for our play toggle.
      if (!act || (e.key === ' ' && e.target instanceof HTMLButtonElement)) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}
