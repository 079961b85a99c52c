import { normalizeText } from './normalize';

/**
 * The shareable state as a URL fragment: `#src=<program>&v.x1=5&step=12&palette=colorblind&seed=x1`.
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
  /** Calls drawn expanded, by key (`sig#0`, `neuron#1/sig#0`); absent means all collapsed. */
  expanded?: string[];
  /** Forward mode seeded on this input (`x1`, `W[0,1]`); absent means reverse mode. */
  seed?: string;
}

/** A call's key: `fn#k`, nested with `/`. */
export const CALL_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}#\d{1,6}(\/[A-Za-z_][A-Za-z0-9_]{0,63}#\d{1,6}){0,15}$/;
/** What a link may open: calls, tensor operations (`tensor:h`, `tensor:matmul#1`), or the scalar level. */
const OPEN_KEY = /^(scalars|tensor:[A-Za-z_][A-Za-z0-9_]{0,63}(#\d{1,6})?)$/;
const MAX_EXPANDED = 200;
/** An input's name, or one element of a tensor input: `x1`, `W[0,1]`. */
const SEED = /^[A-Za-z_][A-Za-z0-9_]{0,63}(\[\d{1,6}(,\d{1,6})?\])?$/;

export const MAX_LINK_CHARS = 20_000;
export const MAX_SHARED_SOURCE = 10_000;

/** How much a decoded state may hold: a link is held to less than what this tab kept in local storage. */
export interface DecodeLimits {
  /** Length of the encoded text. */
  chars: number;
  /** Length of the program. */
  source: number;
  /** Tidy the program's odd characters (form feeds, zero-width spaces) instead of refusing it: for work
   * this browser kept itself, written before such text was tidied on input. */
  tidy?: boolean;
}
export const LINK_LIMITS: DecodeLimits = { chars: MAX_LINK_CHARS, source: MAX_SHARED_SOURCE };
/** Local storage keeps any program the parser reads (a million characters; encoding can triple it). */
export const STORAGE_LIMITS: DecodeLimits = { chars: 3_000_000, source: 1_000_000, tidy: true };

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
  if (s.expanded && s.expanded.length > 0) p.set('open', s.expanded.join(','));
  if (s.seed !== undefined) p.set('seed', s.seed);
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
  const params = readParams(text);
  if (typeof params === 'string') return refuse(params);
  const get = (key: string) => params.get(key) ?? null;
  const raw = get('src');
  const source = raw !== null && limits.tidy ? normalizeText(raw) : raw;
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
    if (!DECIMAL.test(raw) || !Number.isFinite(v)) return refuse(`the value of ${name} is not a number`);
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
  const step = get('step');
  if (step !== null) {
    const n = Number(step);
    if (!/^\d{1,7}$/.test(step)) return refuse('its step is not a whole number');
    state.step = n;
  }
  const palette = get('palette');
  if (palette !== null) {
    if (palette !== 'lecture' && palette !== 'colorblind')
      return refuse(`"${shorten(palette)}" is not a colour scheme`);
    state.palette = palette;
  }
  const theme = get('theme');
  if (theme !== null) {
    if (theme !== 'light' && theme !== 'dark') return refuse(`"${shorten(theme)}" is not a theme`);
    state.theme = theme;
  }
  const open = get('open');
  if (open !== null && open !== '') {
    const keys = open.split(',');
    if (keys.length > MAX_EXPANDED) return refuse('it expands too many calls');
    const bad = keys.find((k) => !CALL_KEY.test(k) && !OPEN_KEY.test(k));
    if (bad !== undefined) return refuse(`"${shorten(bad)}" is not a call or operation to open`);
    state.expanded = [...new Set(keys)];
  }
  const seed = get('seed');
  if (seed !== null) {
    if (!SEED.test(seed)) return refuse(`"${shorten(seed)}" is not an input to seed forward mode on`);
    state.seed = seed;
  }
  for (const flag of ['projector', 'embed'] as const) {
    const v = get(flag);
    if (v === null) continue;
    if (v !== '1' && v !== '0') return refuse(`"${flag}" must be 1 or 0`);
    state[flag] = v === '1';
  }
  return { ok: true, state };
}

/** A decimal number as a person writes it (`-2`, `0.5`, `1e-3`): not `0x10`, ` 1`, `Infinity` or `1_0`. */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const KEYS = new Set(['src', 'step', 'palette', 'theme', 'projector', 'embed', 'open', 'seed']);

/**
 * The fragment's keys and values, read strictly: broken percent-encoding (`%E2%8`), an unknown key or a
 * key given twice refuses the link (URLSearchParams would quietly substitute or keep the last). Returns
 * the reason as a string when it refuses.
 */
function readParams(text: string): Map<string, string> | string {
  const params = new Map<string, string>();
  if (text === '') return params;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replaceAll('+', ' '));
      value = decodeURIComponent((eq < 0 ? '' : part.slice(eq + 1)).replaceAll('+', ' '));
    } catch {
      return `its encoding is broken near "${shorten(part)}"`;
    }
    if (!KEYS.has(key) && !key.startsWith('v.')) return `it has an unknown setting "${shorten(key)}"`;
    if (params.has(key)) return `it gives "${shorten(key)}" twice`;
    params.set(key, value);
  }
  return params;
}

function refuse(why: string): Decoded {
  return { ok: false, reason: `This link was not loaded: ${why}.` };
}

function shorten(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
