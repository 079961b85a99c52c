import {
  E_CALL,
  E_CONSTANT,
  E_NAME,
  E_NUMBER,
  E_OP,
  ExprColumns,
  type FunctionDef,
  Program,
  StatementColumns,
} from './ast';
import { CONSTANT_SYM, FUNCTION_SYM, NAME_SYM, TokenCursor, USER_SYM } from './cursor';
import { type Draft, finishDefinitions, type Head, refuseFunctionParams, scanHeads } from './definitions';
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
  /** Definition heads by the token that starts them, and the definitions read so far. */
  private readonly heads: Map<number, Head>;
  private readonly drafts: Draft[] = [];
  /** By symbol: the definition a function name refers to (-1 for other names). */
  private readonly defOf: Int32Array;
  /** The definition whose body is being read, or null in the program's own statements. */
  private body: Draft | null = null;
  /** Symbols the program's own statements use or assign: what a body may read besides its parameters. */
  private readonly programNames = new Set<number>();

  constructor(source: string, t: Tokens) {
    super(source, t);
    this.x = new ExprColumns(t.count);
    this.heads = scanHeads(source, t);
    refuseFunctionParams(source, t, this.heads);
    this.defOf = new Int32Array(t.names.length).fill(-1);
    // Definitions are numbered in the order of the text, so that calls before a definition resolve.
    for (const h of this.heads.values()) {
      const sym = t.sym[h.nameTok] as number;
      this.defOf[sym] = this.drafts.length;
      this.defineFunction(sym);
      this.drafts.push({ head: h, def: this.draftDef(h), uses: [], calls: [], rows: 0, args: 0 });
    }
  }

  private draftDef(h: Head): FunctionDef {
    const t = this.t;
    const i = h.nameTok;
    return {
      name: this.name(i),
      sym: t.sym[i] as number,
      params: h.params.map((k) => t.sym[k] as number),
      paramNames: h.params.map((k) => this.name(k)),
      paramStarts: h.params.map((k) => t.start[k] as number),
      start: t.start[i] as number,
      end: t.end[h.equals] as number,
      nameStart: t.start[i] as number,
      nameEnd: t.end[i] as number,
      first: -1,
      root: -1,
      globals: [],
      size: 0,
      edges: 0,
    };
  }

  private leaf(kind: number, tok: number): number {
    const a = this.t.start[tok] as number;
    const b = this.t.end[tok] as number;
    const sym = this.t.sym[tok] as number;
    if (kind === E_NAME) {
      const body = this.body;
      if (body === null) this.programNames.add(sym);
      else if (!body.def.params.includes(sym)) body.uses.push({ sym, start: a, end: b });
    }
    return this.x.push(kind, -1, a, b, sym);
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
      const d = this.drafts[0]?.def;
      if (d)
        this.fail(
          `The program defines ${d.name} but computes nothing`,
          d.start,
          d.end,
          `Add a line that uses it, e.g. f = ${d.name}(${d.paramNames.map(() => '2').join(', ')})`,
        );
      this.fail(
        'Type an expression, for example (x + y) * z',
        0,
        this.source.length,
        'Or a program: q = x + y; f = q * z',
      );
    }
    finishDefinitions(this.drafts, this.programNames, this.t.names);
    const defs = this.drafts.map((d) => d.def);
    return new Program(
      this.source,
      this.x,
      this.s,
      this.t.names,
      this.t.hashes,
      this.t.values,
      defs,
      this.defOf,
    );
  }

  /** `name(p1, …) = body`: the head was read before parsing began; the body is one expression. */
  private definition(head: Head): void {
    const draft = this.drafts[this.defOf[this.t.sym[head.nameTok] as number] as number] as Draft;
    this.pos = head.equals + 1;
    if (this.kind() === SEP || this.kind() === EOF)
      this.failAt(
        head.equals,
        `${draft.def.name}(…) = needs a body after "="`,
        `For example: ${draft.def.name}(z) = 1/(1 + exp(-z))`,
      );
    const firstRow = this.x.count;
    const firstArg = this.x.argsCount;
    this.body = draft;
    const root = this.expression(0);
    this.body = null;
    if (this.kind() === EQUALS)
      this.failAt(this.pos, 'A definition has one "="', `For example: ${draft.def.name}(z) = z^2`);
    draft.def.first = firstRow;
    draft.def.root = root;
    draft.def.end = this.x.end[root] as number;
    draft.rows = this.x.count - firstRow;
    draft.args = this.x.argsCount - firstArg;
  }

  private statement(): void {
    const first = this.pos;
    const firstRow = this.x.count;
    const head = this.heads.get(first);
    if (head) {
      this.definition(head);
      return;
    }
    if (this.kind(first) === IDENT && this.kind(first + 1) === EQUALS) {
      this.programNames.add(this.t.sym[first] as number);
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
    if (c === USER_SYM) {
      const d = this.drafts[this.defOf[this.t.sym[i] as number] as number] as Draft;
      this.failAt(
        i,
        `"${name}" is your function (defined at ${where(this.source, d.def.start)}); pick another name for this value`,
      );
    }
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
      if (c === FUNCTION_SYM || c === USER_SYM) this.failAt(i, `"${name}" is a function: write ${name}(…)`);
      return this.leaf(E_NAME, i);
    }
    if (c === USER_SYM) return this.call(i);
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
    const wrong = arityError(name, spec, args.length);
    if (wrong) this.fail(wrong, start, end);
    // The function name as typed (`ln`, not `log`) is kept through its symbol.
    const r = this.x.push(E_OP, OP_CODE[spec.name], start, end, this.t.sym[i] as number);
    for (const a of args) this.x.pushArg(a);
    return r;
  }

  /** The arguments of a call, from its "(" (the current token) through its ")". */
  private argumentList(name: string): number[] {
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
  private call(i: number): number {
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
