/*
 * Undo and redo for the student's work: the text and the values set beside it. The text box's own undo
 * cannot see a slider's edits (they rewrite the text from outside), so Gradflow keeps one history for
 * every way the work changes: typing, sliders, number fields, presets, Reset.
 */

/** The work at one moment. */
export interface Snapshot {
  source: string;
  overrides: Record<string, number>;
}

export interface History {
  past: Snapshot[];
  future: Snapshot[];
  /** What kind of edit made the last entry (`type`, `value:x`, …) and when: edits of one kind in quick
   * succession (a word typed, a slider dragged) are undone together. */
  group: string;
  at: number;
}

export const EMPTY_HISTORY: History = { past: [], future: [], group: '', at: 0 };

/** Edits of the same kind closer together than this are one undo step. */
export const COALESCE_MS = 1000;
const LIMIT = 200;

const same = (a: Snapshot, b: Snapshot) =>
  a.source === b.source &&
  Object.keys(a.overrides).length === Object.keys(b.overrides).length &&
  Object.entries(a.overrides).every(([k, v]) => Object.is(b.overrides[k], v));

/** The history after an edit from `before` to `after`, of kind `group`, at time `now` (ms). */
export function record(h: History, before: Snapshot, after: Snapshot, group: string, now: number): History {
  if (same(before, after)) return h;
  if (group === h.group && now - h.at < COALESCE_MS && h.past.length > 0)
    return { past: h.past, future: [], group, at: now };
  const past = [...h.past, before];
  if (past.length > LIMIT) past.shift();
  return { past, future: [], group, at: now };
}

/** One step back: the snapshot to restore and the history after it, or null when there is none. */
export function undo(h: History, current: Snapshot): { history: History; restore: Snapshot } | null {
  const restore = h.past[h.past.length - 1];
  if (!restore) return null;
  return {
    restore,
    history: { past: h.past.slice(0, -1), future: [...h.future, current], group: '', at: 0 },
  };
}

/** One step forward again after an undo. */
export function redo(h: History, current: Snapshot): { history: History; restore: Snapshot } | null {
  const restore = h.future[h.future.length - 1];
  if (!restore) return null;
  return {
    restore,
    history: { past: [...h.past, current], future: h.future.slice(0, -1), group: '', at: 0 },
  };
}
