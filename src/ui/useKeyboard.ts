import { useEffect } from 'react';
import { useGradflowApi } from '../store/hooks';
import { toggleFullscreen } from './fullscreen';

/** True when the key belongs to a field the student is typing in (never hijack the editor). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * Playback keys, for the keyboard and for presenter clickers (which send PageDown/PageUp):
 * Space play/pause; → and PageDown step forward; ← and PageUp step back; Home restart; End jump to the end;
 * p projector mode; f fullscreen; ? the shortcuts card; Escape closes the card, then leaves projector mode.
 */
export function useKeyboard(): void {
  const api = useGradflowApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const s = api.getState();
      // A focused button activates on Space by itself; leave it alone.
      if (e.key === ' ' && e.target instanceof HTMLButtonElement) return;
      switch (e.key) {
        case ' ':
          s.togglePlay();
          break;
        case 'ArrowRight':
        case 'PageDown':
          s.step(1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          s.step(-1);
          break;
        case 'Home':
          s.restart();
          break;
        case 'End':
          s.toEnd();
          break;
        case 'p':
          s.setProjector(!s.projector);
          break;
        case 'f':
          toggleFullscreen();
          break;
        case 'q':
          s.setQuiz(!s.quiz);
          break;
        case '?':
          s.setShortcuts(!s.shortcuts);
          break;
        case 'Escape':
          if (s.shortcuts) s.setShortcuts(false);
          else if (s.projector) s.setProjector(false);
          else return;
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}
