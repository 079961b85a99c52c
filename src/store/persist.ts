import { sceneLength } from './derive';
import type { GradflowState, GradflowStore, StoreOptions } from './store';
import { decodeState, encodeState, linkProblem, type SharedState, STORAGE_LIMITS } from './url';

/** The most recent work of any tab: what a new tab starts from. */
const STORAGE_KEY = 'gradflow:v1';
/** Whether the student hid or asked for the key to the picture (a preference of this browser, not shared). */
const LEGEND_KEY = 'gradflow:legend';
/** Whether the camera follows the step (a preference of this browser, like the key). */
const FOLLOW_KEY = 'gradflow:follow';
const DELAY_MS = 300;

/** The state worth sharing: text, values set beside it, playback step (unless at the end), colours. */
export function sharedOf(s: GradflowState): SharedState {
  const end = sceneLength(s.scene);
  const { palette, theme, projector, embed } = s;
  const shared: SharedState = { source: s.source, values: s.overrides, palette, theme, projector, embed };
  if (s.expanded.length > 0) shared.expanded = s.expanded;
  if (s.seed !== null) shared.seed = s.seed;
  if (Math.round(s.position) < end) shared.step = Math.round(s.position);
  return shared;
}

type Area = 'localStorage' | 'sessionStorage';

function readStorage(key = STORAGE_KEY, area: Area = 'localStorage'): string | null {
  try {
    return window[area].getItem(key);
  } catch {
    return null; // storage can be disabled; the app works without it
  }
}

/** Writes and says whether it worked (storage can be full, or disabled in a private window). */
function writeStorage(key: string, text: string, area: Area = 'localStorage'): boolean {
  try {
    window[area].setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

/** This tab's own work: it survives a reload of this tab, whatever other tabs of Gradflow save meanwhile. */
const TAB_KEY = 'gradflow:tab';
/**
 * The link this tab had in its address bar just before its latest save. A reload right after a keystroke
 * reloads that older address (the save at `pagehide` comes too late to change it), so such a link is
 * this tab's own past and its saved work wins over it.
 */
const TAB_PREVIOUS_LINK = 'gradflow:tab-previous-link';

/** Said when the work cannot be kept, so that the student copies it before closing the tab. */
export const NOT_SAVED =
  'Your work is not being saved in this browser (its storage is full or turned off). Copy your text somewhere safe before you close this tab.';
export const TOO_LONG_TO_KEEP = `This program is too long to be kept in this browser (more than ${STORAGE_LIMITS.source.toLocaleString('en-US')} characters). Copy your text somewhere safe before you close this tab.`;

/** The key's visibility as last chosen here: true, false, or null (never chosen). */
function readLegend(): boolean | null {
  const v = readStorage(LEGEND_KEY);
  return v === 'shown' ? true : v === 'hidden' ? false : null;
}

/** The browser's own preferences, read strictly: anything but the two words written is the default. */
function readPreferences(): Pick<StoreOptions, 'legend' | 'follow'> {
  const legend = readLegend();
  const follow = readStorage(FOLLOW_KEY);
  return follow === 'off' ? { legend, follow: false } : { legend };
}

/**
 * Where the app starts: the link's state if it has one (refused links say why), else the work kept from
 * the last visit, else the default example.
 */
export function initialOptions(hash: string): StoreOptions {
  const prefs = readPreferences();
  let notice: string | null = null;
  const own = readStorage(TAB_KEY, 'sessionStorage');
  const link = hash.startsWith('#') ? hash.slice(1) : hash;
  if (own && link !== '' && (link === own || link === readStorage(TAB_PREVIOUS_LINK, 'sessionStorage'))) {
    const mine = decodeState(own, STORAGE_LIMITS);
    if (mine.ok) return { ...optionsOf(mine.state, null), ...prefs };
  }
  if (hash.length > 1) {
    const fromLink = decodeState(hash);
    if (fromLink.ok) return { ...optionsOf(fromLink.state, null), ...prefs };
    notice = fromLink.reason;
  }
  // This tab's own work first (a reload), else the most recent work of any tab (a new tab).
  for (const kept of [own, readStorage()]) {
    const fromStorage = kept ? decodeState(kept, STORAGE_LIMITS) : null;
    if (fromStorage?.ok) return { ...optionsOf(fromStorage.state, notice), ...prefs };
  }
  // A first visit: the lecture example at its beginning, ready to play (not already "Done").
  return { notice, step: 0, ...prefs };
}

/** What a first visit starts from (no link, no kept work, no preferences): the screen the build prerenders. */
export const FIRST_VISIT: Readonly<StoreOptions> = { notice: null, step: 0, legend: null };

/** Whether these options are a first visit's, so that the prerendered first screen is exactly theirs. */
export function isFirstVisit(o: StoreOptions): boolean {
  const keys = Object.keys(o).filter((k) => o[k as keyof StoreOptions] !== undefined);
  return (
    keys.length === 3 && o.notice === FIRST_VISIT.notice && o.step === FIRST_VISIT.step && o.legend === null
  );
}

function optionsOf(s: SharedState, notice: string | null): StoreOptions {
  const { palette, theme, projector, embed } = s;
  const o: StoreOptions = { source: s.source, overrides: s.values, palette, theme, projector, embed, notice };
  if (s.step !== undefined) o.step = s.step;
  if (s.expanded) o.expanded = s.expanded;
  if (s.seed !== undefined) o.seed = s.seed;
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
  let warned: string | null = null;
  /** Saves now: the address, this tab's copy, and, after an edit, every tab's most recent work. */
  let edited = false;
  const write = (start = false) => {
    window.clearTimeout(timer);
    timer = undefined;
    const shared = edited && !start;
    edited = false;
    const state = sharedOf(store.getState());
    const text = encodeState(state);
    if (text === written) return;
    written = text;
    const { pathname, search, hash } = window.location;
    writeStorage(TAB_PREVIOUS_LINK, hash.slice(1), 'sessionStorage');
    window.history.replaceState(
      window.history.state,
      '',
      linkProblem(state, text) ? `${pathname}${search}` : `#${text}`,
    );
    // Never keep what could not be read back: a program over the limit is said to be unsaved instead.
    const fits = state.source.length <= STORAGE_LIMITS.source && text.length <= STORAGE_LIMITS.chars;
    const saved =
      fits && writeStorage(TAB_KEY, text, 'sessionStorage') && (!shared || writeStorage(STORAGE_KEY, text));
    const problem = saved ? null : fits ? NOT_SAVED : TOO_LONG_TO_KEEP;
    if (problem !== warned) {
      // Only this module's own warning is replaced or cleared; another notice (a refused link) stays.
      const { notice, setNotice } = store.getState();
      if (problem) setNotice(problem);
      else if (notice === warned) setNotice(null);
      warned = problem;
    }
  };
  // A reload or a closed tab within the pause would lose the last keystrokes: write at once.
  const flush = () => {
    if (timer !== undefined) write();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.legend !== prev.legend && s.legend !== null)
      writeStorage(LEGEND_KEY, s.legend ? 'shown' : 'hidden');
    if (s.follow !== prev.follow) writeStorage(FOLLOW_KEY, s.follow ? 'on' : 'off');
    if (
      s.source === prev.source &&
      s.overrides === prev.overrides &&
      s.position === prev.position &&
      s.palette === prev.palette &&
      s.theme === prev.theme &&
      s.projector === prev.projector &&
      s.expanded === prev.expanded
    )
      return;
    // Only an edit of the work makes it every tab's most recent (not a layout arriving, a step, a theme).
    if (s.source !== prev.source || s.overrides !== prev.overrides) edited = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => write(), DELAY_MS);
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
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  // The address and this tab's copy at once; the most recent work of all tabs only when something changes.
  write(true);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
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
