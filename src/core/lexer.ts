import { type GradflowError, syntaxError } from './errors';

export type TokenKind =
  | 'number'
  | 'ident'
  | '+'
  | '-'
  | '*'
  | '/'
  | '^'
  | '('
  | ')'
  | ','
  | '='
  | 'sep' // a statement separator: newline or ';'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** For numbers: the parsed value (NaN for other tokens: every token has the same shape). */
  value: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);

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
export function lex(source: string): { tokens: Token[] } | { error: GradflowError } {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 10 || c === 59) {
      tokens.push({ kind: 'sep', text: source[i] as string, start: i, end: i + 1, value: Number.NaN });
      i++;
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
      const text = source.slice(start, i);
      tokens.push({ kind: 'number', text, start, end: i, value: Number(text) });
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(source.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i), start, end: i, value: Number.NaN });
    } else if (c === 42 && source.charCodeAt(i + 1) === 42) {
      tokens.push({ kind: '^', text: '**', start: i, end: i + 2, value: Number.NaN });
      i += 2;
    } else {
      const ch = source[i] as string;
      if ('+-*/^(),='.includes(ch)) {
        tokens.push({ kind: ch as TokenKind, text: ch, start: i, end: i + 1, value: Number.NaN });
        i++;
        continue;
      }
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
  tokens.push({ kind: 'eof', text: '', start: n, end: n, value: Number.NaN });
  return { tokens };
}
