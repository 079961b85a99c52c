/**
 * The shareable state as a URL fragment: `#src=<program>&v.x1=5&step=12&palette=colorblind`.
 * A link is untrusted input: everything in it is checked here, and anything out of bounds refuses the
 * whole link with a reason a person can read. The program text is only ever shown as text and parsed by
 * Gradflow's own parser; it never becomes HTML or LaTeX.
 */

export type Palette = 'lecture' | 'colorblind';
export type Theme = 'light' | 'dark';

export interface SharedState {
  source: string;
  values: Record<string, number>;
  /** Playback position; absent means "at the end". */
  step?: number;
  palette: Palette;
  theme: Theme;
  projector: boolean;
  /** Only the graph and playback, for an iframe on a course page. */
  embed: boolean;
}

export const MAX_LINK_CHARS = 20_000;
export const MAX_SHARED_SOURCE = 10_000;

/** How much a decoded state may hold: a link is held to less than what this tab kept in local storage. */
export interface DecodeLimits {
  /** Length of the encoded text. */
  chars: number;
  /** Length of the program. */
  source: number;
}
export const LINK_LIMITS: DecodeLimits = { chars: MAX_LINK_CHARS, source: MAX_SHARED_SOURCE };
/** Local storage keeps any program the parser reads (a million characters; encoding can triple it). */
export const STORAGE_LIMITS: DecodeLimits = { chars: 3_000_000, source: 1_000_000 };

/** Whether a state fits in a link (`encoded` is its encoding); when it does not, a person is told why. */
export function linkProblem(s: SharedState, encoded = encodeState(s)): string | null {
  if (s.source.length > MAX_SHARED_SOURCE) {
    return `This program is too long to share as a link (${s.source.length.toLocaleString('en-US')} characters; a link carries up to ${MAX_SHARED_SOURCE.toLocaleString('en-US')}). Copy the text itself instead.`;
  }
  return encoded.length > MAX_LINK_CHARS
    ? `This program is too long to share as a link once encoded (a link has at most ${MAX_LINK_CHARS.toLocaleString('en-US')} characters). Copy the text itself instead.`
    : null;
}
const MAX_VALUES = 200;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Control characters other than tab and newline have no place in a program. */
export function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10) || c === 127) return true;
  }
  return false;
}

export function encodeState(s: SharedState): string {
  const p = new URLSearchParams();
  p.set('src', s.source);
  // String(-0) is "0": write the sign, so that a link reproduces the value exactly.
  for (const [k, v] of Object.entries(s.values)) p.set(`v.${k}`, Object.is(v, -0) ? '-0' : String(v));
  if (s.step !== undefined) p.set('step', String(s.step));
  if (s.palette !== 'lecture') p.set('palette', s.palette);
  if (s.theme !== 'light') p.set('theme', s.theme);
  if (s.projector) p.set('projector', '1');
  if (s.embed) p.set('embed', '1');
  return p.toString();
}

export type Decoded = { ok: true; state: SharedState } | { ok: false; reason: string };

/** Reads a fragment (with or without `#`), within `limits` (a link's, unless said otherwise). Never throws. */
export function decodeState(fragment: string, limits: DecodeLimits = LINK_LIMITS): Decoded {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > limits.chars) {
    return refuse(
      `it is too long (${text.length.toLocaleString('en-US')} characters; a Gradflow link has at most ${limits.chars.toLocaleString('en-US')})`,
    );
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return refuse('it could not be read');
  }
  const source = params.get('src');
  if (source === null) return refuse('it has no program in it');
  if (source.length > limits.source)
    return refuse(`its program is too long (${source.length.toLocaleString('en-US')} characters)`);
  if (hasControlCharacters(source)) return refuse('its program contains control characters');
  const values: Record<string, number> = {};
  let count = 0;
  for (const [key, raw] of params) {
    if (!key.startsWith('v.')) continue;
    const name = key.slice(2);
    if (!IDENT.test(name)) return refuse(`"${shorten(name)}" is not a variable name`);
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v)) return refuse(`the value of ${name} is not a number`);
    if (++count > MAX_VALUES) return refuse('it sets too many values');
    values[name] = v;
  }
  const state: SharedState = {
    source,
    values,
    palette: 'lecture',
    theme: 'light',
    projector: false,
    embed: false,
  };
  const step = params.get('step');
  if (step !== null) {
    const n = Number(step);
    if (!Number.isInteger(n) || n < 0 || n > 1e7) return refuse('its step is not a whole number');
    state.step = n;
  }
  const palette = params.get('palette');
  if (palette !== null) {
    if (palette !== 'lecture' && palette !== 'colorblind')
      return refuse(`"${shorten(palette)}" is not a colour scheme`);
    state.palette = palette;
  }
  const theme = params.get('theme');
  if (theme !== null) {
    if (theme !== 'light' && theme !== 'dark') return refuse(`"${shorten(theme)}" is not a theme`);
    state.theme = theme;
  }
  for (const flag of ['projector', 'embed'] as const) {
    const v = params.get(flag);
    if (v === null) continue;
    if (v !== '1' && v !== '0') return refuse(`"${flag}" must be 1 or 0`);
    state[flag] = v === '1';
  }
  return { ok: true, state };
}

function refuse(why: string): Decoded {
  return { ok: false, reason: `This link was not loaded: ${why}.` };
}

function shorten(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
