import { type Expr, mkExpr, type Program, type Statement, withSpan } from './ast';
import { closest, type GradflowError, ParseFailure, syntaxError, where } from './errors';
import { lex, type Token, type TokenKind } from './lexer';
import { arityError } from './ops/arity';
import { CONSTANTS, FUNCTIONS } from './ops/table';
import type { OpName, OpSpec } from './ops/types';

/** Longest program we read: beyond this the tab would stall, so we say so instead. */
export const MAX_SOURCE_LENGTH = 1_000_000;
/** Deepest nesting of parentheses/operators we read (a recursive-descent parser needs a bound). */
export const MAX_DEPTH = 500;

/* Binding powers, the whole grammar of operators in one place (Pratt, as in bantam):
 *   + −      10, left      * / and implicit  20, left
 *   unary −  30 (so −x^2 = −(x^2))           ^ **   40, right (a^b^c = a^(b^c)) */
const INFIX: Partial<Record<TokenKind, { bp: number; op: OpName; right?: boolean }>> = {
  '+': { bp: 10, op: 'add' },
  '-': { bp: 10, op: 'sub' },
  '*': { bp: 20, op: 'mul' },
  '/': { bp: 20, op: 'div' },
  '^': { bp: 40, op: 'pow', right: true },
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

const tokenText = (t: Token) =>
  t.kind === 'eof' ? 'the end' : t.kind === 'sep' ? 'the end of the line' : `"${t.text}"`;

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }
  private next(): Token {
    return this.tokens[this.pos++] as Token;
  }
  private fail(message: string, start: number, end: number, hint?: string): never {
    throw new ParseFailure(syntaxError(message, start, end, hint));
  }

  program(): Program {
    const statements: Statement[] = [];
    for (;;) {
      while (this.peek().kind === 'sep') this.next();
      if (this.peek().kind === 'eof') break;
      statements.push(this.statement());
      const t = this.peek();
      if (t.kind !== 'sep' && t.kind !== 'eof') this.unexpectedAfterOperand(t);
    }
    if (statements.length === 0) {
      this.fail(
        'Type an expression, for example (x + y) * z',
        0,
        this.source.length,
        'Or a program: q = x + y; f = q * z',
      );
    }
    return { statements };
  }

  private statement(): Statement {
    const first = this.peek();
    const second = this.tokens[this.pos + 1] as Token;
    if (first.kind === 'ident' && second.kind === '=') {
      this.checkAssignable(first);
      this.pos += 2;
      if (this.peek().kind === 'sep' || this.peek().kind === 'eof') {
        this.fail(`"${first.text} =" needs a value or an expression after "="`, second.start, second.end);
      }
      const expr = this.expression(0);
      return {
        kind: 'assign',
        name: first.text,
        nameStart: first.start,
        nameEnd: first.end,
        expr,
        start: first.start,
        end: expr.end,
      };
    }
    const expr = this.expression(0);
    if (this.peek().kind === '=') {
      const eq = this.peek();
      this.fail('Only a name can stand on the left of "="', expr.start, eq.end, 'For example: q = x + y');
    }
    return { kind: 'expr', expr, start: expr.start, end: expr.end };
  }

  private checkAssignable(t: Token): void {
    if (FUNCTIONS.has(t.text)) this.fail(`"${t.text}" is a function; pick another name`, t.start, t.end);
    const c = CONSTANTS.get(t.text);
    if (c !== undefined)
      this.fail(`"${t.text}" is the constant ${c.toFixed(5)}…; pick another name`, t.start, t.end);
  }

  /** Pratt loop: a prefix, then infix operators binding tighter than `minBp`. */
  private expression(minBp: number): Expr {
    if (++this.depth > MAX_DEPTH) {
      const t = this.peek();
      this.fail(`This expression is nested too deeply (more than ${MAX_DEPTH} levels)`, t.start, t.end);
    }
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      const infix = INFIX[t.kind];
      if (infix) {
        if (infix.bp <= minBp) break;
        this.next();
        this.expectOperand(t);
        const right = this.expression(infix.right ? infix.bp - 1 : infix.bp);
        left = mkExpr('op', left.start, right.end, { op: infix.op, args: [left, right] });
      } else if (t.kind === 'ident' || t.kind === '(') {
        // Implicit multiplication: 2x, 2(x+1), (a+b)(b+1), 2 sin(x).
        if (IMPLICIT_BP <= minBp) break;
        const right = this.expression(IMPLICIT_BP);
        left = mkExpr('op', left.start, right.end, { op: 'mul', args: [left, right], implicit: true });
      } else if (t.kind === 'number') {
        this.unexpectedAfterOperand(t);
      } else break;
    }
    this.depth--;
    return left;
  }

  /** After an operator, something must follow: a dangling operator is a common slip. */
  private expectOperand(op: Token): void {
    const t = this.peek();
    if (
      t.kind === 'eof' ||
      t.kind === 'sep' ||
      t.kind === ')' ||
      t.kind === ',' ||
      t.kind === '=' ||
      (INFIX[t.kind] && t.kind !== '-' && t.kind !== '+')
    ) {
      this.fail(
        `The "${op.text}" at ${where(this.source, op.start)} has nothing on its right`,
        op.start,
        op.end,
        `Add a number, a name or "(" after "${op.text}", or delete it.`,
      );
    }
  }

  private unexpectedAfterOperand(t: Token): never {
    if (t.kind === ')')
      this.fail('This ")" has no "(" to close', t.start, t.end, 'Delete it, or add the "(" it closes.');
    if (t.kind === 'number') {
      const prev = this.tokens[this.pos - 1] as Token;
      this.fail(
        `Missing operator between "${prev.text}" and "${t.text}"`,
        prev.start,
        t.end,
        'Write * + - / or ^ between them.',
      );
    }
    this.fail(`Unexpected ${tokenText(t)}`, t.start, t.end);
  }

  private prefix(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return mkExpr('number', t.start, t.end, { value: t.value, text: t.text });
      case '-':
      case '+': {
        this.expectOperand(t);
        const arg = this.expression(PREFIX_BP);
        if (t.kind === '+') return withSpan(arg, t.start, arg.end);
        // A minus sign on a literal is part of the number (−2.5), but −2^2 stays −(2^2).
        if (arg.kind === 'number')
          return mkExpr('number', t.start, arg.end, { value: -arg.value, text: `-${arg.text}` });
        return mkExpr('op', t.start, arg.end, { op: 'neg', args: [arg] });
      }
      case '(': {
        const inner = this.expression(0);
        const close = this.peek();
        if (close.kind !== ')') {
          if (close.kind === 'eof' || close.kind === 'sep' || close.kind === ',') {
            this.fail(
              `Missing ")" to close the "(" at ${where(this.source, t.start)}`,
              t.start,
              t.end,
              `Add ")" after ${this.source.slice(inner.start, inner.end).slice(0, 30)}.`,
            );
          }
          this.unexpectedAfterOperand(close);
        }
        this.next();
        return withSpan(inner, t.start, close.end);
      }
      case 'ident':
        return this.identifier(t);
      case 'eof':
      case 'sep':
        return this.fail('Expected an expression here', t.start, t.end);
      case ')':
        return this.fail(
          'Expected an expression before ")"',
          t.start,
          t.end,
          'Empty parentheses have no value.',
        );
      default:
        return this.fail(
          `Unexpected "${t.text}"`,
          t.start,
          t.end,
          'An expression starts with a number, a name, "(" or "-".',
        );
    }
  }

  private identifier(t: Token): Expr {
    const isCall = this.peek().kind === '(';
    const constant = CONSTANTS.get(t.text);
    if (constant !== undefined) return mkExpr('constant', t.start, t.end, { name: t.text, value: constant });
    const spec = FUNCTIONS.get(t.text);
    if (!isCall) {
      if (spec) this.fail(`"${t.text}" is a function: write ${t.text}(…)`, t.start, t.end);
      return mkExpr('name', t.start, t.end, { name: t.text });
    }
    if (!spec) {
      const guess = closest(t.text, FUNCTIONS.keys());
      if (guess) this.fail(`Unknown function "${t.text}" — did you mean "${guess}"?`, t.start, t.end);
      this.fail(
        `Unknown function "${t.text}"`,
        t.start,
        t.end,
        `To multiply, write ${t.text}*(…). Functions: ${[...FUNCTIONS.keys()].join(', ')}.`,
      );
    }
    const open = this.next();
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.expression(0));
        const sep = this.peek();
        if (sep.kind === ',') {
          this.next();
          continue;
        }
        if (sep.kind === ')') break;
        if (sep.kind === 'eof' || sep.kind === 'sep') {
          this.fail(
            `Missing ")" to close the "(" at ${where(this.source, open.start)}`,
            open.start,
            open.end,
            `Close the call to ${t.text}.`,
          );
        }
        this.unexpectedAfterOperand(sep);
      }
    }
    const close = this.next();
    const wrong = arityError(t.text, spec, args.length);
    if (wrong) this.fail(wrong, t.start, close.end);
    return mkExpr('op', t.start, close.end, { op: spec.name, fn: t.text, args });
  }
}
