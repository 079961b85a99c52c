import { useEffect } from 'react';
import { useGradflowApi } from '../store/hooks';
import { toggleFullscreen } from './fullscreen';

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** True when the student is typing text there: letters and Space are theirs. */
function isTextEntry(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA') return true;
  return t instanceof HTMLInputElement && TEXT_INPUTS.has(t.type);
}

/** True on any form control: arrows, Home and End keep their own meaning there (a slider moves). */
function isControl(t: EventTarget | null): boolean {
  return t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
}

/**
 * Playback keys, for the keyboard and for presenter clickers.
 * - PageDown / PageUp (what clickers send) step forward / back by exactly one position, whatever has
 *   focus, the text box included; they never change a value or scroll a panel.
 * - `b` and `.` (a clicker's blank-screen key) blank and unblank the graph, outside text entry.
 * - Space play/pause; → ← step; Home restart; End jump to the end: not where a focused control gives
 *   those keys a meaning of its own (a slider's arrows, a checkbox's Space, a menu's letters).
 * - p projector mode, f fullscreen, q quiz, ? the shortcuts card; Escape unblanks, closes the card, then
 *   leaves projector mode.
 * - Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo the work, sliders included, anywhere.
 * The listener runs in the capture phase, before a focused control's own handling of the key.
 */
export function useKeyboard(): void {
  const api = useGradflowApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      const s = api.getState();
      const t = e.target;
      // A tool opened in its larger view is modal: its keys are its own (Escape closes it).
      if (t instanceof Element && t.closest('dialog[open]')) return;
      if (e.ctrlKey || e.metaKey) {
        const k = e.key.toLowerCase();
        if (k === 'z' || k === 'y') {
          if (k === 'y' || e.shiftKey) s.redo();
          else s.undo();
          e.preventDefault();
        }
        return;
      }
      if (e.key === 'PageDown' || e.key === 'PageUp') {
        // On a blanked screen the clicker's next press brings the picture back, where it was.
        if (s.blank) s.setBlank(false);
        else s.step(e.key === 'PageDown' ? 1 : -1);
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if (isTextEntry(t)) return;
      const control = isControl(t);
      switch (e.key) {
        case 'b':
        case 'B':
        case '.':
          s.setBlank(!s.blank);
          break;
        case 'Escape':
          if (s.blank) s.setBlank(false);
          else if (s.shortcuts) s.setShortcuts(false);
          else if (s.projector) s.setProjector(false);
          else return;
          break;
        default:
          // Arrows, Home and End move a focused slider or menu; Space ticks a box or presses a button;
          // letters pick an option in a menu. Elsewhere (a slider, a box, a button) letters are shortcuts.
          if (control && ['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key)) return;
          if (e.key === ' ' && !(t instanceof HTMLInputElement && t.type === 'range')) {
            if (
              control ||
              t instanceof HTMLButtonElement ||
              (t instanceof HTMLElement && t.tagName === 'SUMMARY')
            )
              return;
          }
          if (t instanceof HTMLSelectElement) return;
          if (!playKey(e, s)) return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [api]);
}

/** The keys that only act away from form controls. True when the key was one of them. */
function playKey(e: KeyboardEvent, s: ReturnType<ReturnType<typeof useGradflowApi>['getState']>): boolean {
  switch (e.key) {
    case ' ':
      s.togglePlay();
      return true;
    case 'ArrowRight':
      s.step(1);
      return true;
    case 'ArrowLeft':
      s.step(-1);
      return true;
    case 'Home':
      s.restart();
      return true;
    case 'End':
      s.toEnd();
      return true;
    case 'p':
      s.setProjector(!s.projector);
      return true;
    case 'f':
      toggleFullscreen();
      return true;
    case 'q':
      s.setQuiz(!s.quiz);
      return true;
    case '?':
      s.setShortcuts(!s.shortcuts);
      return true;
    default:
      return false;
  }
}
