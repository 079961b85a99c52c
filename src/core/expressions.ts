import { E_CALL, E_CONSTANT, E_NAME, E_NUMBER, E_OP, E_TENSOR, ExprColumns, INDEX_POSITION } from './ast';
import { CONSTANT_SYM, FUNCTION_SYM, TokenCursor, USER_SYM } from './cursor';
import type { Draft } from './definitions';
import { where } from './errors';
import {
  AT,
  CARET,
  COMMA,
  DOT,
  EOF,
  IDENT,
  LBRACKET,
  LPAREN,
  MINUS,
  NUMBER,
  PLUS,
  RBRACKET,
  RPAREN,
  SEP,
  SLASH,
  STAR,
  type Tokens,
} from './lexer';
import { arityError } from './ops/arity';
import { FUNCTIONS, OP_CODE } from './ops/table';
import { TENSOR_CODE, TENSOR_FUNCTIONS, type TensorOpName } from './ops/tensor';

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

/**
 * A Pratt parser of expressions over token columns that appends AST rows (see ExprColumns) instead of
 * allocating objects. Tokens and rows are referred to by index. Calls of the program's own functions
 * are checked against their definitions' heads (see definitions.ts); statements are parser.ts's.
 */
export class ExpressionParser extends TokenCursor {
  protected depth = 0;
  protected readonly x: ExprColumns;
  /** The definitions, numbered in the order of the text. */
  protected readonly drafts: Draft[] = [];
  /** By symbol: the definition a function name refers to (-1 for other names). */
  protected readonly defOf: Int32Array;
  /** The definition whose body is being read, or null in the program's own statements. */
  protected body: Draft | null = null;
  /** Symbols the program's own statements use or assign: what a body may read besides its parameters. */
  protected readonly programNames: Uint8Array;

  constructor(source: string, t: Tokens) {
    super(source, t);
    this.x = new ExprColumns(t.count);
    this.defOf = new Int32Array(t.names.length).fill(-1);
    this.programNames = new Uint8Array(t.names.length);
  }

  protected leaf(kind: number, tok: number): number {
    const a = this.t.start[tok] as number;
    const b = this.t.end[tok] as number;
    const sym = this.t.sym[tok] as number;
    if (kind === E_NAME) {
      const body = this.body;
      if (body === null) this.programNames[sym] = 1;
      else if (!body.def.params.includes(sym)) body.uses.push({ sym, start: a, end: b });
    }
    return this.x.push(kind, -1, a, b, sym);
  }
  protected binary(op: number, left: number, right: number, implicit: boolean): number {
    const x = this.x;
    const r = x.push(E_OP, op, x.start[left] as number, x.end[right] as number, -1);
    x.pushArg(left);
    x.pushArg(right);
    if (implicit) x.implicit[r] = 1;
    return r;
  }
  /** Widens a row's span in place: parentheses and a unary plus belong to the expression they wrap. */
  protected widen(r: number, start: number, end: number): number {
    this.x.start[r] = start;
    this.x.end[r] = end;
    return r;
  }

  /** Pratt loop: a prefix, then infix operators binding tighter than `minBp`. Returns the root row. */
  protected expression(minBp: number): number {
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
      } else if (k === AT) {
        // The matrix product binds like * and /, from the left: A @ B @ x = (A @ B) @ x.
        if (IMPLICIT_BP <= minBp) break;
        const op = this.pos++;
        this.expectOperand(op);
        const right = this.expression(IMPLICIT_BP);
        left = this.tensorRow(
          'matmul',
          [left, right],
          this.x.start[left] as number,
          this.x.end[right] as number,
        );
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

  /** A primary expression and what follows it directly: `.T` and indexing, which bind tightest. */
  protected prefix(): number {
    let r = this.primary();
    for (;;) {
      const k = this.kind();
      if (k === DOT) {
        const dot = this.pos++;
        if (this.kind() !== IDENT || this.name(this.pos) !== 'T')
          this.fail(
            `Only .T (transpose) can follow a "."`,
            this.t.start[dot] as number,
            this.t.end[this.pos] as number,
            'Write W.T for the transpose of W.',
          );
        const end = this.t.end[this.pos++] as number;
        r = this.tensorRow('transpose', [r], this.x.start[r] as number, end);
      } else if (k === LBRACKET) r = this.index(r);
      else return r;
    }
  }

  /** `v[i]` or `W[i, j]`: positions are whole numbers from 0, written as numbers. */
  private index(base: number): number {
    const open = this.pos++;
    const at: number[] = [];
    for (;;) {
      const tok = this.pos;
      const text = this.kind(tok) === NUMBER ? this.text(tok) : '';
      if (!/^\d+$/.test(text))
        this.failAt(
          tok,
          `An index is a whole number from 0, such as v[0] or W[1, 0]`,
          'Indexing counts from 0, as in NumPy and PyTorch.',
        );
      const position = this.leaf(E_NUMBER, tok);
      this.x.implicit[position] = INDEX_POSITION;
      at.push(position);
      this.pos++;
      const k = this.kind();
      if (k === COMMA && at.length < 2) {
        this.pos++;
        continue;
      }
      if (k === RBRACKET) break;
      this.failAt(
        k === COMMA ? this.pos : open,
        k === COMMA
          ? 'At most two indices: v[i] or W[i, j]'
          : `Missing "]" to close the "[" at ${where(this.source, this.t.start[open] as number)}`,
      );
    }
    const end = this.t.end[this.pos++] as number;
    return this.tensorRow('index', [base, ...at], this.x.start[base] as number, end);
  }

  /** `[a, b, c]`, or rows of them `[[1, 2], [3, 4]]`: the "[" was just read. */
  private list(open: number): number {
    const items: number[] = [];
    if (this.kind() === RBRACKET)
      this.failAt(open, 'An empty [] has no value', 'A vector needs at least one element: [1, 2, 3].');
    for (;;) {
      items.push(this.expression(0));
      const k = this.kind();
      if (k === COMMA) {
        this.pos++;
        if (this.kind() === RBRACKET)
          this.failAt(
            this.pos - 1,
            'An element is missing after this ","',
            'Delete the comma, or add the element.',
          );
        continue;
      }
      if (k === RBRACKET) break;
      if (k === EOF || k === SEP || k === RPAREN)
        this.failAt(
          open,
          `Missing "]" to close the "[" at ${where(this.source, this.t.start[open] as number)}`,
          'Close the vector with "]".',
        );
      this.unexpectedAfterOperand(this.pos);
    }
    const end = this.t.end[this.pos++] as number;
    return this.tensorRow('list', items, this.t.start[open] as number, end);
  }

  /** Appends a tensor operation's row. */
  protected tensorRow(op: TensorOpName, args: number[], start: number, end: number, sym = -1): number {
    const r = this.x.push(E_TENSOR, TENSOR_CODE[op], start, end, sym);
    for (const a of args) this.x.pushArg(a);
    return r;
  }

  protected primary(): number {
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
      case LBRACKET:
        return this.list(i);
      case RBRACKET:
        return this.failAt(i, 'This "]" has no "[" to close', 'Delete it, or add the "[" it closes.');
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

  protected identifier(i: number): number {
    const name = this.name(i);
    const isCall = this.kind() === LPAREN;
    const c = this.classOf(i);
    if (c === CONSTANT_SYM) return this.leaf(E_CONSTANT, i);
    if (!isCall) {
      if (c === FUNCTION_SYM || c === USER_SYM) this.failAt(i, `"${name}" is a function: write ${name}(…)`);
      return this.leaf(E_NAME, i);
    }
    if (c === USER_SYM) return this.call(i);
    const reduce = TENSOR_FUNCTIONS.get(name);
    if (reduce) {
      const args = this.argumentList(name);
      const start = this.t.start[i] as number;
      const end = this.t.end[this.pos - 1] as number;
      if (args.length !== 1)
        this.fail(
          `${name} takes one vector or matrix, but ${args.length === 0 ? 'none was' : `${args.length} were`} given`,
          start,
          end,
          `For example: ${name}([1, 2, 3])`,
        );
      return this.tensorRow(reduce, args, start, end, this.t.sym[i] as number);
    }
    const spec = FUNCTIONS.get(name);
    if (!spec) {
      // A name before "(" that is not a function multiplies, as on paper: x(x+1) = x·(x+1); the
      // expression loop reads the "(" as implicit multiplication. A misspelt function is an error.
      this.refuseMisspeltCall(i);
      return this.leaf(E_NAME, i);
    }
    const args = this.argumentList(name);
    const start = this.t.start[i] as number;
    const end = this.t.end[this.pos - 1] as number;
    // max(v) and min(v) of one tensor reduce it; with two or more arguments they stay elementwise.
    if ((spec.name === 'max' || spec.name === 'min') && args.length === 1)
      return this.tensorRow(spec.name, args, start, end, this.t.sym[i] as number);
    const wrong = arityError(name, spec, args.length);
    if (wrong) this.fail(wrong, start, end);
    // The function name as typed (`ln`, not `log`) is kept through its symbol.
    const r = this.x.push(E_OP, OP_CODE[spec.name], start, end, this.t.sym[i] as number);
    for (const a of args) this.x.pushArg(a);
    return r;
  }

  /** The arguments of a call, from its "(" (the current token) through its ")". */
  protected argumentList(name: string): number[] {
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
    this.pos++;
    return args;
  }

  /** A call of one of the program's functions: "neuron takes 3 arguments (w, x, b); got 2". */
  protected call(i: number): number {
    const name = this.name(i);
    const d = this.defOf[this.t.sym[i] as number] as number;
    const def = (this.drafts[d] as Draft).def;
    const args = this.argumentList(name);
    const start = this.t.start[i] as number;
    const end = this.t.end[this.pos - 1] as number;
    const n = def.params.length;
    if (args.length !== n)
      this.fail(
        `${name} takes ${n} argument${n === 1 ? '' : 's'} (${def.paramNames.join(', ')}); got ${args.length}`,
        start,
        end,
        `It is defined at ${where(this.source, def.start)}: ${name}(${def.paramNames.join(', ')}).`,
      );
    this.body?.calls.push({ def: d, start, end });
    const r = this.x.push(E_CALL, -1, start, end, this.t.sym[i] as number);
    for (const a of args) this.x.pushArg(a);
    return r;
  }
}
