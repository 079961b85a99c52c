import { type FunctionDef, Program, StatementColumns } from './ast';
import { FUNCTION_SYM, NAME_SYM, USER_SYM } from './cursor';
import { type Draft, finishDefinitions, type Head, refuseFunctionParams, scanHeads } from './definitions';
import { type GradflowError, ParseFailure, syntaxError, where } from './errors';
import { ExpressionParser, MAX_DEPTH } from './expressions';
import { EOF, EQUALS, IDENT, lex, SEP, type Tokens } from './lexer';
import { CONSTANTS } from './ops/table';

export { MAX_DEPTH };

/** Longest program we read: beyond this the tab would stall, so we say so instead. */
export const MAX_SOURCE_LENGTH = 1_000_000;

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
 * The statements of a program: `name = expression`, a bare expression, or a definition
 * `name(p1, …) = body`, whose heads are all found before parsing begins (see definitions.ts).
 */
class Parser extends ExpressionParser {
  private readonly s = new StatementColumns();
  /** Definition heads by the token that starts them. */
  private readonly heads: Map<number, Head>;

  constructor(source: string, t: Tokens) {
    super(source, t);
    this.heads = scanHeads(source, t);
    refuseFunctionParams(source, t, this.heads);
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
      this.programNames[this.t.sym[first] as number] = 1;
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
}
