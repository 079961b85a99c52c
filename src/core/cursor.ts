import { ParseFailure, syntaxError, typoOf, where } from './errors';
import {
  CARET,
  COMMA,
  EOF,
  EQUALS,
  IDENT,
  LPAREN,
  NUMBER,
  RBRACKET,
  RPAREN,
  SEP,
  SLASH,
  STAR,
  type Tokens,
} from './lexer';
import { CONSTANTS, FUNCTIONS } from './ops/table';
import { TENSOR_FUNCTIONS } from './ops/tensor';

/* What an identifier is. */
export const NAME_SYM = 1;
export const CONSTANT_SYM = 2;
export const FUNCTION_SYM = 3;
/** A function the program defines (`sig(z) = …`). */
export const USER_SYM = 4;

/**
 * A position in the token columns, with what the parser needs to read tokens and to report errors,
 * including the two slips students make most: an operator with nothing after it, and a token that
 * cannot follow an operand.
 */
export class TokenCursor {
  /** Index of the next token. */
  protected pos = 0;
  /** By symbol: 0 not looked up yet, or NAME_SYM, CONSTANT_SYM, FUNCTION_SYM, USER_SYM. */
  private readonly symClass: Uint8Array;

  constructor(
    protected readonly source: string,
    protected readonly t: Tokens,
  ) {
    this.symClass = new Uint8Array(t.names.length);
  }

  protected kind(i = this.pos): number {
    return this.t.kind[i] as number;
  }

  protected text(i: number): string {
    return this.source.slice(this.t.start[i], this.t.end[i]);
  }

  /** An identifier's name (interned by the lexer: no new string). */
  protected name(i: number): string {
    return this.t.names[this.t.sym[i] as number] as string;
  }

  /** What identifier token i names: looked up in the tables once per distinct name, not once per use. */
  protected classOf(i: number): number {
    const sym = this.t.sym[i] as number;
    let c = this.symClass[sym] as number;
    if (c === 0) {
      const name = this.t.names[sym] as string;
      // sum, mean, softmax and logsumexp are functions, unless the program assigns the name (`sum = a + b`).
      const tensorFn = TENSOR_FUNCTIONS.has(name) && !this.isAssigned(sym);
      c = CONSTANTS.has(name) ? CONSTANT_SYM : FUNCTIONS.has(name) || tensorFn ? FUNCTION_SYM : NAME_SYM;
      this.symClass[sym] = c;
    }
    return c;
  }

  /** Marks a symbol as a function the program defines (before any lookup of it). */
  protected defineFunction(sym: number): void {
    this.symClass[sym] = USER_SYM;
  }

  /** By symbol: 1 for a name the program assigns (`cost = 3`), filled on first use. */
  private assigned: Uint8Array | undefined;

  /**
   * Fails when `name(` at identifier token i (a name that is not a function) is a misspelt call rather
   * than a product: when the name is at least 3 characters long and one edit from a function (see
   * typoOf: sinn, sqr, lgo), unless the program assigns it (`sinn = 2` makes sinn a variable).
   * Otherwise name(…) is name times (…), and this returns.
   */
  protected refuseMisspeltCall(i: number): void {
    const name = this.name(i);
    const guess = typoOf(name, FUNCTIONS.keys());
    if (guess === undefined) return;
    if (this.isAssigned(this.t.sym[i] as number)) return;
    this.failAt(
      i,
      `Unknown function "${name}" — did you mean "${guess}"?`,
      `To multiply, write ${name}*${this.groupText(i + 1)}.`,
    );
  }

  /** Whether the program assigns symbol `sym` somewhere (`name = …`). */
  protected isAssigned(sym: number): boolean {
    if (!this.assigned) {
      this.assigned = new Uint8Array(this.t.names.length);
      for (let k = 0; k + 1 < this.t.count; k++)
        if (this.kind(k) === IDENT && this.kind(k + 1) === EQUALS) this.assigned[this.t.sym[k] as number] = 1;
    }
    return this.assigned[sym] === 1;
  }

  /** The text of the parenthesized group opening at token `open`, when it is short: `(x)`; else `(…)`. */
  protected groupText(open: number): string {
    let depth = 0;
    for (let k = open; k < this.t.count; k++) {
      const kind = this.kind(k);
      if (kind === EOF || kind === SEP || (this.t.end[k] as number) - (this.t.start[open] as number) > 20)
        break;
      depth += kind === LPAREN ? 1 : kind === RPAREN ? -1 : 0;
      if (depth === 0) {
        return this.source.slice(this.t.start[open], this.t.end[k]);
      }
    }
    return '(…)';
  }

  /** How a token is named in a message. */
  protected describe(i: number): string {
    const k = this.kind(i);
    return k === EOF ? 'the end' : k === SEP ? 'the end of the line' : `"${this.text(i)}"`;
  }

  protected fail(message: string, start: number, end: number, hint?: string): never {
    throw new ParseFailure(syntaxError(message, start, end, hint));
  }

  /** Fails with the span of token i. */
  protected failAt(i: number, message: string, hint?: string): never {
    return this.fail(message, this.t.start[i] as number, this.t.end[i] as number, hint);
  }

  /** After an operator, something must follow: a dangling operator is a common slip. */
  protected expectOperand(op: number): void {
    const k = this.kind();
    if (
      k === EOF ||
      k === SEP ||
      k === RPAREN ||
      k === COMMA ||
      k === EQUALS ||
      k === STAR ||
      k === SLASH ||
      k === CARET
    ) {
      const text = this.text(op);
      this.failAt(
        op,
        `The "${text}" at ${where(this.source, this.t.start[op] as number)} has nothing on its right`,
        `Add a number, a name or "(" after "${text}", or delete it.`,
      );
    }
  }

  protected unexpectedAfterOperand(i: number): never {
    const k = this.kind(i);
    if (k === RPAREN) this.failAt(i, 'This ")" has no "(" to close', 'Delete it, or add the "(" it closes.');
    if (k === RBRACKET)
      this.failAt(i, 'This "]" has no "[" to close', 'Delete it, or add the "[" it closes.');
    if (k === NUMBER) {
      const prev = i - 1;
      this.fail(
        `Missing operator between "${this.text(prev)}" and "${this.text(i)}"`,
        this.t.start[prev] as number,
        this.t.end[i] as number,
        'Write * + - / or ^ between them.',
      );
    }
    this.failAt(i, `Unexpected ${this.describe(i)}`);
  }
}
