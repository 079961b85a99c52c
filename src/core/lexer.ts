import { grow } from './columns';
import { type GradflowError, syntaxError } from './errors';

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

/**
 * The tokens of a program as parallel columns (struct of arrays), read by index: a 400,000-character
 * program makes no object per token. Token i spans source[start[i], end[i]).
 */
export class Tokens {
  count = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** For numbers: the parsed value. */
  value: Float64Array;
  /** For identifiers: the symbol, an index into `names`. */
  sym: Int32Array;
  /** Each distinct identifier once, in order of first appearance: names are interned while lexing. */
  readonly names: string[] = [];
  /**
   * Open-addressing hash table from an identifier's characters to its symbol (+1; 0 = empty). It is probed
   * with a hash computed while scanning, so a name seen before costs no new string.
   */
  private table = new Int32Array(1024);
  private hashes: number[] = [];

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
    this.sym = new Int32Array(capacity);
  }

  push(kind: number, start: number, end: number, value = 0, sym = -1): void {
    const i = this.count;
    if (i === this.kind.length) {
      this.kind = grow(this.kind, 2 * i);
      this.start = grow(this.start, 2 * i);
      this.end = grow(this.end, 2 * i);
      this.value = grow(this.value, 2 * i);
      this.sym = grow(this.sym, 2 * i);
    }
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.value[i] = value;
    this.sym[i] = sym;
    this.count = i + 1;
  }

  /** The symbol of the identifier source[start, end) with hash h, adding it the first time it is seen. */
  intern(source: string, start: number, end: number, h: number): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === 0) break;
      const name = this.names[entry - 1] as string;
      if (this.hashes[entry - 1] === h && name.length === end - start && source.startsWith(name, start)) {
        return entry - 1;
      }
    }
    const sym = this.names.length;
    this.names.push(source.slice(start, end));
    this.hashes.push(h);
    if (2 * this.names.length > this.table.length) this.rehash(2 * this.table.length);
    else this.place(sym);
    return sym;
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
/** Characters that are a token of their own: + - * / ^ ( ) , = */
const isPunct = (c: number) =>
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
      let digits = 0; // the digits as an integer, and how many follow the point
      let decimals = 0;
      for (; i < n && isDigit(source.charCodeAt(i)); i++) digits = digits * 10 + source.charCodeAt(i) - 48;
      if (source.charCodeAt(i) === 46) {
        for (i++; i < n && isDigit(source.charCodeAt(i)); i++, decimals++) {
          digits = digits * 10 + source.charCodeAt(i) - 48;
        }
      }
      let exponent = false;
      const e = source.charCodeAt(i);
      if (e === 101 || e === 69) {
        // An exponent only if digits follow (`2e` is 2 times the constant e).
        let j = i + 1;
        const s = source.charCodeAt(j);
        if (s === 43 || s === 45) j++;
        if (isDigit(source.charCodeAt(j))) {
          exponent = true;
          i = j;
          while (i < n && isDigit(source.charCodeAt(i))) i++;
        }
      }
      // Exact fast path: an integer below 2^53 divided by an exact power of ten is correctly rounded
      // (one IEEE division). Anything else goes through the full conversion.
      const fast = !exponent && digits <= Number.MAX_SAFE_INTEGER && decimals <= 22;
      t.push(NUMBER, start, i, fast ? digits / 10 ** decimals : Number(source.slice(start, i)));
    } else if (isIdentStart(c)) {
      const start = i;
      let h = 0x811c9dc5; // FNV-1a over the characters, for the symbol table
      for (let ch = c; i < n && isIdentPart(ch); ch = source.charCodeAt(++i))
        h = Math.imul(h ^ ch, 0x01000193);
      t.push(IDENT, start, i, 0, t.intern(source, start, i, h | 0));
    } else if (c === STAR && source.charCodeAt(i + 1) === STAR) {
      push(CARET, i, i + 2);
      i += 2;
    } else if (isPunct(c)) {
      push(c, i, ++i);
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
            : 'Use numbers, names, + - * / ^ ( ) , = and functions such as sin(x).',
        ),
      };
    }
  }
  push(EOF, n, n);
  return { tokens: t };
}
