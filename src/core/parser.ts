import { E_CONSTANT, E_NAME, E_NUMBER, E_OP, ExprColumns, Program, StatementColumns } from './ast';
import { CONSTANT_SYM, FUNCTION_SYM, NAME_SYM, TokenCursor } from './cursor';
import { type GradflowError, ParseFailure, syntaxError, where } from './errors';
import {
  CARET,
  COMMA,
  EOF,
  EQUALS,
  IDENT,
  LPAREN,
  lex,
  MINUS,
  NUMBER,
  PLUS,
  RPAREN,
  SEP,
  SLASH,
  STAR,
  type Tokens,
} from './lexer';
import { arityError } from './ops/arity';
import { CONSTANTS, FUNCTIONS, OP_CODE } from './ops/table';

/** Longest program we read: beyond this the tab would stall, so we say so instead. */
export const MAX_SOURCE_LENGTH = 1_000_000;
/** Deepest nesting of parentheses/operators we read (a recursive-descent parser needs a bound). */
export const MAX_DEPTH = 500;

/* Binding powers, the whole grammar of operators in one place (Pratt, as in bantam):
 *   + −      10, left      * / and implicit  20, left
 *   unary −  30 (so −x^2 = −(x^2))           ^ **   40, right (a^b^c = a^(b^c)) */
const INFIX: Readonly<Record<number, { bp: number; op: number; right?: boolean }>> = {
  [PLUS]: { bp: 10, op: OP_CODE.add },
  [MINUS]: { bp: 10, op: OP_CODE.sub },
  [STAR]: { bp: 20, op: OP_CODE.mul },
  [SLASH]: { bp: 20, op: OP_CODE.div },
  [CARET]: { bp: 40, op: OP_CODE.pow, right: true },
};
const IMPLICIT_BP = 20;
const PREFIX_BP = 30;

export type ParseResult = { ok: true; program: Program } | { ok: false; error: GradflowError };

/** Parses a program. Never throws: any problem comes back as an error with a span inside the text. */
export function parse(source: string): ParseResult {
  if (source.length > MAX_SOURCE_LENGTH) {
    return {
      ok: false,
      error: syntaxError(
        `The program is too long (${source.length.toLocaleString('en-US')} characters; the limit is ${MAX_SOURCE_LENGTH.toLocaleString('en-US')})`,
        MAX_SOURCE_LENGTH,
        source.length,
        'Gradflow is for programs a person can read; split it into smaller ones.',
      ),
    };
  }
  const lexed = lex(source);
  if ('error' in lexed) return { ok: false, error: lexed.error };
  try {
    return { ok: true, program: new Parser(source, lexed.tokens).program() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    if (e instanceof RangeError) {
      return {
        ok: false,
        error: syntaxError('This expression is nested too deeply to read', 0, source.length),
      };
    }
    throw e;
  }
}

/**
 * A Pratt parser over token columns that appends AST rows (see ExprColumns) instead of allocating
 * objects. Tokens and rows are referred to by index.
 */
class Parser extends TokenCursor {
  private depth = 0;
  private readonly x: ExprColumns;
  private readonly s = new StatementColumns();

  constructor(source: string, t: Tokens) {
    super(source, t);
    this.x = new ExprColumns(t.count);
  }

  private leaf(kind: number, tok: number): number {
    const a = this.t.start[tok] as number;
    const b = this.t.end[tok] as number;
    return this.x.push(kind, -1, a, b, this.t.sym[tok] as number);
  }
  private binary(op: number, left: number, right: number, implicit: boolean): number {
    const x = this.x;
    const r = x.push(E_OP, op, x.start[left] as number, x.end[right] as number, -1);
    x.pushArg(left);
    x.pushArg(right);
    if (implicit) x.implicit[r] = 1;
    return r;
  }
  /** Widens a row's span in place: parentheses and a unary plus belong to the expression they wrap. */
  private widen(r: number, start: number, end: number): number {
    this.x.start[r] = start;
    this.x.end[r] = end;
    return r;
  }

  program(): Program {
    for (;;) {
      while (this.kind() === SEP) this.pos++;
      if (this.kind() === EOF) break;
      this.statement();
      const k = this.kind();
      if (k !== SEP && k !== EOF) this.unexpectedAfterOperand(this.pos);
    }
    if (this.s.count === 0) {
      this.fail(
        'Type an expression, for example (x + y) * z',
        0,
        this.source.length,
        'Or a program: q = x + y; f = q * z',
      );
    }
    return new Program(this.source, this.x, this.s, this.t.names, this.t.hashes, this.t.values);
  }

  private statement(): void {
    const first = this.pos;
    const firstRow = this.x.count;
    if (this.kind(first) === IDENT && this.kind(first + 1) === EQUALS) {
      this.checkAssignable(first);
      this.pos += 2;
      if (this.kind() === SEP || this.kind() === EOF) {
        this.failAt(first + 1, `"${this.name(first)} =" needs a value or an expression after "="`);
      }
      const root = this.expression(0);
      const start = this.t.start[first] as number;
      this.s.push(start, this.x.end[root] as number, this.t.sym[first] as number, start, root, firstRow);
      return;
    }
    const root = this.expression(0);
    if (this.kind() === EQUALS) {
      this.fail(
        'Only a name can stand on the left of "="',
        this.x.start[root] as number,
        this.t.end[this.pos] as number,
        'For example: q = x + y',
      );
    }
    this.s.push(this.x.start[root] as number, this.x.end[root] as number, -1, -1, root, firstRow);
  }

  private checkAssignable(i: number): void {
    const c = this.classOf(i);
    if (c === NAME_SYM) return;
    const name = this.name(i);
    if (c === FUNCTION_SYM) this.failAt(i, `"${name}" is a function; pick another name`);
    const value = CONSTANTS.get(name) as number;
    this.failAt(i, `"${name}" is the constant ${value.toFixed(5)}…; pick another name`);
  }

  /** Pratt loop: a prefix, then infix operators binding tighter than `minBp`. Returns the root row. */
  private expression(minBp: number): number {
    if (++this.depth > MAX_DEPTH) {
      this.failAt(this.pos, `This expression is nested too deeply (more than ${MAX_DEPTH} levels)`);
    }
    let left = this.prefix();
    for (;;) {
      const k = this.kind();
      const infix = INFIX[k];
      if (infix) {
        if (infix.bp <= minBp) break;
        const op = this.pos++;
        this.expectOperand(op);
        const right = this.expression(infix.right ? infix.bp - 1 : infix.bp);
        left = this.binary(infix.op, left, right, false);
      } else if (k === IDENT || k === LPAREN) {
        // Implicit multiplication: 2x, 2(x+1), (a+b)(b+1), 2 sin(x), x(x+1).
        if (IMPLICIT_BP <= minBp) break;
        const right = this.expression(IMPLICIT_BP);
        left = this.binary(OP_CODE.mul, left, right, true);
      } else if (k === NUMBER) {
        this.unexpectedAfterOperand(this.pos);
      } else break;
    }
    this.depth--;
    return left;
  }

  private prefix(): number {
    const i = this.pos++;
    const x = this.x;
    switch (this.kind(i)) {
      case NUMBER:
        return this.leaf(E_NUMBER, i);
      case MINUS:
      case PLUS: {
        this.expectOperand(i);
        const arg = this.expression(PREFIX_BP);
        const start = this.t.start[i] as number;
        if (this.kind(i) === PLUS) return this.widen(arg, start, x.end[arg] as number);
        // A minus sign on a literal is part of the number (−2.5), but −2^2 stays −(2^2).
        if (x.kind[arg] === E_NUMBER) {
          x.neg[arg] = (x.neg[arg] as number) + 1;
          return this.widen(arg, start, x.end[arg] as number);
        }
        const r = x.push(E_OP, OP_CODE.neg, start, x.end[arg] as number, -1);
        x.pushArg(arg);
        return r;
      }
      case LPAREN: {
        const inner = this.expression(0);
        const close = this.pos;
        const k = this.kind(close);
        if (k !== RPAREN) {
          if (k === EOF || k === SEP || k === COMMA) {
            this.failAt(
              i,
              `Missing ")" to close the "(" at ${where(this.source, this.t.start[i] as number)}`,
              `Add ")" after ${this.source.slice(x.start[inner], x.end[inner]).slice(0, 30)}.`,
            );
          }
          this.unexpectedAfterOperand(close);
        }
        this.pos++;
        return this.widen(inner, this.t.start[i] as number, this.t.end[close] as number);
      }
      case IDENT:
        return this.identifier(i);
      case EOF:
      case SEP:
        return this.failAt(i, 'Expected an expression here');
      case RPAREN:
        return this.failAt(i, 'Expected an expression before ")"', 'Empty parentheses have no value.');
      default:
        return this.failAt(
          i,
          `Unexpected "${this.text(i)}"`,
          'An expression starts with a number, a name, "(" or "-".',
        );
    }
  }

  private identifier(i: number): number {
    const name = this.name(i);
    const isCall = this.kind() === LPAREN;
    const c = this.classOf(i);
    if (c === CONSTANT_SYM) return this.leaf(E_CONSTANT, i);
    if (!isCall) {
      if (c === FUNCTION_SYM) this.failAt(i, `"${name}" is a function: write ${name}(…)`);
      return this.leaf(E_NAME, i);
    }
    const spec = FUNCTIONS.get(name);
    if (!spec) {
      // A name before "(" that is not a function multiplies, as on paper: x(x+1) = x·(x+1); the
      // expression loop reads the "(" as implicit multiplication. A misspelt function is an error.
      this.refuseMisspeltCall(i);
      return this.leaf(E_NAME, i);
    }
    const open = this.pos++;
    const args: number[] = [];
    if (this.kind() !== RPAREN) {
      for (;;) {
        args.push(this.expression(0));
        const sep = this.kind();
        if (sep === COMMA) {
          this.pos++;
          continue;
        }
        if (sep === RPAREN) break;
        if (sep === EOF || sep === SEP) {
          this.failAt(
            open,
            `Missing ")" to close the "(" at ${where(this.source, this.t.start[open] as number)}`,
            `Close the call to ${name}.`,
          );
        }
        this.unexpectedAfterOperand(this.pos);
      }
    }
    const close = this.pos++;
    const start = this.t.start[i] as number;
    const end = this.t.end[close] as number;
    const wrong = arityError(name, spec, args.length);
    if (wrong) this.fail(wrong, start, end);
    // The function name as typed (`ln`, not `log`) is kept through its symbol.
    const r = this.x.push(E_OP, OP_CODE[spec.name], start, end, this.t.sym[i] as number);
    for (const a of args) this.x.pushArg(a);
    return r;
  }
}
