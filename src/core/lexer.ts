import { grow } from './columns';
import { type GradflowError, syntaxError } from './errors';
import { hashSpan } from './hash';
import { literalProblem, nameProblem } from './limits';

/*
 * Token kinds are small numbers: an operator's kind is its character code ('+' is 43), so a token fits in
 * a few typed-array slots. `**` is lexed as '^'.
 */
export const NUMBER = 1;
export const IDENT = 2;
/** A statement separator: newline or ';'. */
export const SEP = 3;
export const EOF = 4;
export const PLUS = 43;
export const MINUS = 45;
export const STAR = 42;
export const SLASH = 47;
export const CARET = 94;
export const LPAREN = 40;
export const RPAREN = 41;
export const COMMA = 44;
export const EQUALS = 61;
export const LBRACKET = 91;
export const RBRACKET = 93;
/** `@`, the matrix product. */
export const AT = 64;
/** `.` before a name: `W.T`. */
export const DOT = 46;

/**
 * The tokens of a program as parallel columns (struct of arrays), read by index: a 400,000-character
 * program makes no object per token. Token i spans source[start[i], end[i]).
 */
export class Tokens {
  count = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** For identifiers and numbers: the symbol, an index into `names`. */
  sym: Int32Array;
  /**
   * Each distinct identifier and number literal once, as typed, in order of first appearance: they are
   * interned while lexing, so a name used a thousand times is one string.
   */
  readonly names: string[] = [];
  /** The hash of each name (FNV-1a of its characters), by symbol. */
  hashes = new Int32Array(64);
  /** The value of each number literal, by symbol (NaN for identifiers): read once per distinct literal. */
  values = new Float64Array(64);
  /**
   * Open-addressing hash table from a name's characters to its symbol (+1; 0 = empty). It is probed with
   * a hash of the characters in the source, so a name seen before costs no new string.
   */
  private table = new Int32Array(1024);

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.sym = new Int32Array(capacity);
  }

  push(kind: number, start: number, end: number, sym = -1): void {
    const i = this.count;
    if (i === this.kind.length) {
      this.kind = grow(this.kind, 2 * i);
      this.start = grow(this.start, 2 * i);
      this.end = grow(this.end, 2 * i);
      this.sym = grow(this.sym, 2 * i);
    }
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.sym[i] = sym;
    this.count = i + 1;
  }

  /** The symbol of the name or number source[start, end), adding it the first time it is seen. */
  intern(source: string, start: number, end: number, isNumber: boolean): number {
    const h = hashSpan(source, start, end);
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === h && this.same(entry - 1, source, start, end)) return entry - 1;
    }
    const sym = this.names.length;
    const name = source.slice(start, end);
    this.names.push(name);
    if (sym === this.hashes.length) {
      this.hashes = grow(this.hashes, 2 * sym);
      this.values = grow(this.values, 2 * sym);
    }
    this.hashes[sym] = h;
    this.values[sym] = isNumber ? Number(name) : Number.NaN;
    if (2 * this.names.length > this.table.length) this.rehash(2 * this.table.length);
    else this.place(sym);
    return sym;
  }

  /** Whether name `sym` is the text source[start, end). */
  private same(sym: number, source: string, start: number, end: number): boolean {
    const name = this.names[sym] as string;
    if (name.length !== end - start) return false;
    for (let k = 0; k < name.length; k++)
      if (name.charCodeAt(k) !== source.charCodeAt(start + k)) return false;
    return true;
  }

  private place(sym: number): void {
    const mask = this.table.length - 1;
    let slot = (this.hashes[sym] as number) & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = sym + 1;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let sym = 0; sym < this.names.length; sym++) this.place(sym);
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);
/** Characters that are a token of their own: + - * / ^ ( ) , = [ ] @ */
const isPunct = (c: number) =>
  c === LBRACKET ||
  c === RBRACKET ||
  c === AT ||
  c === PLUS ||
  c === MINUS ||
  c === STAR ||
  c === SLASH ||
  c === CARET ||
  c === LPAREN ||
  c === RPAREN ||
  c === COMMA ||
  c === EQUALS;

/** Characters students paste from slides or word processors, and what they meant. */
const LOOKALIKES: Record<string, string> = {
  '−': '-',
  '–': '-',
  '×': '*',
  '·': '*',
  '÷': '/',
  '²': '^2',
};

const NUMBER_HINT = 'Numbers go from −1.8e308 to 1.8e308; use a smaller one.';

/**
 * Splits the text into tokens. `**` becomes `^`; `#` starts a comment to the end of the line.
 * Returns an error (never throws) for a character that is not part of the language.
 */
export function lex(source: string): { tokens: Tokens } | { error: GradflowError } {
  const n = source.length;
  // Typical text has a token every 3 characters or more; the columns double if it has more.
  const t = new Tokens(16 + Math.floor(n / 3));
  const push = (kind: number, start: number, end: number) => t.push(kind, start, end);
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 10 || c === 59) {
      push(SEP, i, ++i);
    } else if (c === 35) {
      while (i < n && source.charCodeAt(i) !== 10) i++;
    } else if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
      const start = i;
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      if (source.charCodeAt(i) === 46) {
        i++;
        while (i < n && isDigit(source.charCodeAt(i))) i++;
      }
      const e = source.charCodeAt(i);
      if (e === 101 || e === 69) {
        // An exponent only if digits follow (`2e` is 2 times the constant e).
        let j = i + 1;
        const s = source.charCodeAt(j);
        if (s === 43 || s === 45) j++;
        if (isDigit(source.charCodeAt(j))) {
          i = j;
          while (i < n && isDigit(source.charCodeAt(i))) i++;
        }
      }
      const known = t.names.length;
      const sym = t.intern(source, start, i, true);
      // Checked once per distinct literal: a number no double can hold (1e309) is refused where it is.
      const problem = sym === known ? literalProblem(t.names[sym] as string, t.values[sym] as number) : null;
      if (problem !== null) return { error: syntaxError(problem, start, i, NUMBER_HINT) };
      t.push(NUMBER, start, i, sym);
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(source.charCodeAt(i))) i++;
      const known = t.names.length;
      const sym = t.intern(source, start, i, false);
      const problem = sym === known ? nameProblem(t.names[sym] as string) : null;
      if (problem !== null) return { error: syntaxError(problem.message, start, i, problem.hint) };
      t.push(IDENT, start, i, sym);
    } else if (c === STAR && source.charCodeAt(i + 1) === STAR) {
      push(CARET, i, i + 2);
      i += 2;
    } else if (isPunct(c)) {
      push(c, i, ++i);
    } else if (c === DOT && isIdentStart(source.charCodeAt(i + 1))) {
      push(DOT, i, ++i);
    } else {
      const cp = source.codePointAt(i) as number;
      const glyph = String.fromCodePoint(cp);
      const meant = LOOKALIKES[glyph];
      const shown = cp < 32 || cp === 127 ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : glyph;
      return {
        error: syntaxError(
          `Unexpected character "${shown}"`,
          i,
          i + glyph.length,
          meant
            ? `Type "${meant}" instead of "${glyph}".`
            : 'Use numbers, names, + - * / ^ @ ( ) [ ] , = and functions such as sin(x).',
        ),
      };
    }
  }
  push(EOF, n, n);
  return { tokens: t };
}
