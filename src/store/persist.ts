import type { GradflowState, GradflowStore, StoreOptions } from './store';
import { decodeState, encodeState, linkProblem, type SharedState, STORAGE_LIMITS } from './url';

const STORAGE_KEY = 'gradflow:v1';
/** Whether the student hid or asked for the key to the picture (a preference of this browser, not shared). */
const LEGEND_KEY = 'gradflow:legend';
const DELAY_MS = 300;

/** The state worth sharing: text, values set beside it, playback step (unless at the end), colours. */
export function sharedOf(s: GradflowState): SharedState {
  const end = s.scene?.timeline.length ?? 0;
  const { palette, theme, projector, embed } = s;
  const shared: SharedState = { source: s.source, values: s.overrides, palette, theme, projector, embed };
  if (Math.round(s.position) < end) shared.step = Math.round(s.position);
  return shared;
}

function readStorage(key = STORAGE_KEY): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage can be disabled; the app works without it
  }
}

function writeStorage(key: string, text: string): void {
  try {
    window.localStorage.setItem(key, text);
  } catch {
    // storage full or disabled: the URL still carries the state
  }
}

/** The key's visibility as last chosen here: true, false, or null (never chosen). */
function readLegend(): boolean | null {
  const v = readStorage(LEGEND_KEY);
  return v === 'shown' ? true : v === 'hidden' ? false : null;
}

/**
 * Where the app starts: the link's state if it has one (refused links say why), else the work kept from
 * the last visit, else the default example.
 */
export function initialOptions(hash: string): StoreOptions {
  const legend = readLegend();
  let notice: string | null = null;
  if (hash.length > 1) {
    const fromLink = decodeState(hash);
    if (fromLink.ok) return { ...optionsOf(fromLink.state, null), legend };
    notice = fromLink.reason;
  }
  const kept = readStorage();
  const fromStorage = kept ? decodeState(kept, STORAGE_LIMITS) : null;
  if (fromStorage?.ok) return { ...optionsOf(fromStorage.state, notice), legend };
  // A first visit: the lecture example at its beginning, ready to play (not already "Done").
  return { notice, step: 0, legend };
}

function optionsOf(s: SharedState, notice: string | null): StoreOptions {
  const { palette, theme, projector, embed } = s;
  const o: StoreOptions = { source: s.source, overrides: s.values, palette, theme, projector, embed, notice };
  if (s.step !== undefined) o.step = s.step;
  return o;
}

/**
 * Keeps the URL and local storage in step with the store, a moment after the last change: the address
 * bar is replaced (not pushed), so typing never floods the history. A link pasted into this tab loads.
 * A program too long for a link is kept in local storage only, and the address loses its fragment, so a
 * reload brings the work back instead of refusing the link. Returns a function that stops syncing.
 */
export function syncWithLocation(store: GradflowStore): () => void {
  let timer: number | undefined;
  let written = '';
  const write = () => {
    const shared = sharedOf(store.getState());
    const text = encodeState(shared);
    if (text === written) return;
    written = text;
    const { pathname, search } = window.location;
    window.history.replaceState(
      window.history.state,
      '',
      linkProblem(shared, text) ? `${pathname}${search}` : `#${text}`,
    );
    writeStorage(STORAGE_KEY, text);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.legend !== prev.legend && s.legend !== null)
      writeStorage(LEGEND_KEY, s.legend ? 'shown' : 'hidden');
    if (
      s.source === prev.source &&
      s.overrides === prev.overrides &&
      s.position === prev.position &&
      s.palette === prev.palette &&
      s.theme === prev.theme &&
      s.projector === prev.projector
    )
      return;
    window.clearTimeout(timer);
    timer = window.setTimeout(write, DELAY_MS);
  });
  const onHash = () => {
    if (window.location.hash.slice(1) === written) return;
    const r = decodeState(window.location.hash);
    if (r.ok) {
      written = encodeState(r.state);
      store.getState().load(r.state);
      store.getState().setNotice(null);
    } else store.getState().setNotice(r.reason);
  };
  window.addEventListener('hashchange', onHash);
  write();
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
    window.clearTimeout(timer);
  };
}

/** The link to the state as it is now, or why there can be none (the program is too long for a link). */
export function currentLink(store: GradflowStore): { link: string } | { problem: string } {
  const shared = sharedOf(store.getState());
  const encoded = encodeState(shared);
  const problem = linkProblem(shared, encoded);
  if (problem) return { problem };
  const url = new URL(window.location.href);
  url.hash = encoded;
  return { link: url.toString() };
}
