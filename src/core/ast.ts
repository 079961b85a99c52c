import { grow } from './columns';
import { ALL_OPS, CONSTANTS } from './ops/table';
import { TENSOR_OPS, type TensorOpName } from './ops/tensor';
import type { OpName } from './ops/types';

/** Every AST node knows the span [start, end) of the text it came from. */
interface Span {
  start: number;
  end: number;
}

/** An expression as a tree of objects: the readable view of the columns below, for tests and printing. */
export type Expr =
  | (Span & { kind: 'number'; value: number; text: string })
  | (Span & { kind: 'constant'; name: string; value: number })
  | (Span & { kind: 'name'; name: string })
  /** An operation: operators and function calls alike. `fn` is the name as typed (`ln`, `pow`). */
  | (Span & { kind: 'op'; op: OpName; args: Expr[]; fn?: string; implicit?: boolean })
  /** A call of a function the program defines. */
  | (Span & { kind: 'call'; fn: string; args: Expr[] })
  /** A tensor operation: a literal `[a, b]` (op 'list'), `A @ B`, `W.T`, `v[i]`, `sum(v)`, … */
  | (Span & { kind: 'tensor'; op: TensorOpName; args: Expr[]; fn?: string });

export type Statement =
  | (Span & { kind: 'assign'; name: string; nameStart: number; nameEnd: number; expr: Expr })
  | (Span & { kind: 'expr'; expr: Expr });

/* Kinds of expression nodes in the columns. */
export const E_NUMBER = 0;
export const E_CONSTANT = 1;
export const E_NAME = 2;
export const E_OP = 3;
/** A call of a function the program defines: `sym` is the function's name, the arguments are its args. */
export const E_CALL = 4;
/** A tensor operation (see ops/tensor.ts): `op` is its code in TENSOR_OPS. An index's positions are
 * number rows among its arguments, after the tensor. */
export const E_TENSOR = 5;
/** The `implicit` flag of a number row that is an index's position. */
export const INDEX_POSITION = 2;

/** A use of a name inside a function's body, with its span. */
export interface NameUse {
  sym: number;
  start: number;
  end: number;
}

/**
 * `name(p1, p2, …) = body`: a function the program defines. Its body is a subtree of the expression
 * rows, [first, root], read with the parameters bound to the call's arguments.
 */
export interface FunctionDef {
  name: string;
  sym: number;
  /** Parameter symbols and names, in order, with each one's span. */
  params: number[];
  paramNames: string[];
  paramStarts: number[];
  /** The whole definition, and the function's name in it. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  first: number;
  root: number;
  /** The program's own names the body reads (not parameters), through the functions it calls too. */
  globals: NameUse[];
  /** At most how many nodes and edges one call adds when inlined (its nested calls included). */
  size: number;
  edges: number;
}

/**
 * The expressions of a program as parallel columns, one row per AST node, in post-order: a node's
 * arguments, and their whole subtrees, come before it, so the subtree of node r is the contiguous range
 * [first, r]. The parser appends rows; nothing is an object per node, which keeps a 100,000-node program
 * cheap to build and to collect.
 */
export class ExprColumns {
  /** Number of rows. */
  count = 0;
  kind: Uint8Array;
  /** Op code (index into ALL_OPS) of an operation; -1 for leaves. */
  op: Int8Array;
  start: Int32Array;
  end: Int32Array;
  /** Symbol (index into the program's names) of a number, name or constant, or of a call's function name; -1 for operators. */
  sym: Int32Array;
  /** Minus signs folded into a literal (−2.5): its text is that many '-' before the digits. */
  neg: Uint16Array;
  /** 1 for a multiplication written by juxtaposition (2x); INDEX_POSITION for a number that is a
   * position of an index (the 1 of v[1]: read by the index, it makes no node). */
  implicit: Uint8Array;
  /**
   * Row r's arguments are args[firstArg[r], firstArg[r + 1]): arguments are appended right after their
   * row, so the next row's start is this row's end (firstArg always has an entry past the last row).
   */
  firstArg: Int32Array;
  args: Int32Array;
  argsCount = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.kind = new Uint8Array(n);
    this.op = new Int8Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.sym = new Int32Array(n);
    this.neg = new Uint16Array(n);
    this.implicit = new Uint8Array(n);
    this.firstArg = new Int32Array(n + 1);
    this.args = new Int32Array(n);
  }

  /** Appends a row; returns its index. */
  push(kind: number, op: number, start: number, end: number, sym: number): number {
    const r = this.count;
    if (r === this.kind.length) this.growRows(2 * r);
    this.kind[r] = kind;
    this.op[r] = op;
    this.start[r] = start;
    this.end[r] = end;
    this.sym[r] = sym;
    this.firstArg[r + 1] = this.argsCount;
    this.count = r + 1;
    return r;
  }

  /** Appends an argument of the last row. */
  pushArg(row: number): void {
    if (this.argsCount === this.args.length) this.args = grow(this.args, 2 * this.argsCount);
    this.args[this.argsCount++] = row;
    this.firstArg[this.count] = this.argsCount;
  }

  private growRows(n: number): void {
    this.kind = grow(this.kind, n);
    this.op = grow(this.op, n);
    this.start = grow(this.start, n);
    this.end = grow(this.end, n);
    this.sym = grow(this.sym, n);
    this.neg = grow(this.neg, n);
    this.implicit = grow(this.implicit, n);
    this.firstArg = grow(this.firstArg, n + 1);
  }
}

/** Statements as columns: `name = expr` has a name (a symbol); a bare expression has name = -1. */
export class StatementColumns {
  count = 0;
  start = new Int32Array(16);
  end = new Int32Array(16);
  name = new Int32Array(16);
  nameStart = new Int32Array(16);
  /** Root row of the statement's expression, and the first row of its subtree. */
  root = new Int32Array(16);
  first = new Int32Array(16);

  push(start: number, end: number, name: number, nameStart: number, root: number, first: number): void {
    const s = this.count;
    if (s === this.start.length) {
      this.start = grow(this.start, 2 * s);
      this.end = grow(this.end, 2 * s);
      this.name = grow(this.name, 2 * s);
      this.nameStart = grow(this.nameStart, 2 * s);
      this.root = grow(this.root, 2 * s);
      this.first = grow(this.first, 2 * s);
    }
    this.start[s] = start;
    this.end[s] = end;
    this.name[s] = name;
    this.nameStart[s] = nameStart;
    this.root[s] = root;
    this.first[s] = first;
    this.count = s + 1;
  }
}

/** A parsed program: the source, its expression rows and its statements. */
export class Program {
  private stmtTree: Statement[] | undefined;
  private rows: Expr[] | undefined;

  constructor(
    readonly source: string,
    readonly exprs: ExprColumns,
    readonly stmts: StatementColumns,
    /** Each distinct identifier and number literal once: symbols index into it. */
    readonly names: readonly string[],
    /** The hash of each name. */
    readonly nameHashes: Int32Array,
    /** The value of each number literal, by symbol. */
    readonly literalValues: Float64Array,
    /** The functions the program defines, in the order of the text. */
    readonly definitions: readonly FunctionDef[] = [],
    /** By symbol: the index of the definition a name calls, or -1. */
    readonly defOf: Int32Array = new Int32Array(0),
  ) {}

  /** The definition a call row calls. */
  definitionOf(row: number): FunctionDef {
    return this.definitions[this.defOf[this.exprs.sym[row] as number] as number] as FunctionDef;
  }

  get length(): number {
    return this.stmts.count;
  }

  /** Name assigned by statement s, or undefined for a bare expression. */
  nameOf(s: number): string | undefined {
    const sym = this.stmts.name[s] as number;
    return sym < 0 ? undefined : this.names[sym];
  }

  /** Value of a number or constant row: the literal's value, negated once per folded minus sign. */
  value(row: number): number {
    const x = this.exprs;
    const sym = x.sym[row] as number;
    if (x.kind[row] === E_CONSTANT) return CONSTANTS.get(this.names[sym] as string) as number;
    const v = this.literalValues[sym] as number;
    return (x.neg[row] as number) % 2 === 0 ? v : -v;
  }

  /** Text of a number as typed, with any folded minus signs (`-2.5`). */
  numberText(row: number): string {
    const x = this.exprs;
    const digits = this.names[x.sym[row] as number] as string;
    return x.neg[row] === 0 ? digits : '-'.repeat(x.neg[row] as number) + digits;
  }

  /** The statements as trees of objects (built on first use; the engine itself reads the columns). */
  get statements(): Statement[] {
    this.stmtTree ??= this.materialize();
    return this.stmtTree;
  }

  /** The expression tree rooted at row r (every row is built on first use). */
  tree(r: number): Expr {
    this.rows ??= this.materializeRows();
    return this.rows[r] as Expr;
  }

  private materialize(): Statement[] {
    this.rows ??= this.materializeRows();
    const tree = this.rows;
    const s = this.stmts;
    return Array.from({ length: s.count }, (_, k): Statement => {
      const span = { start: s.start[k] as number, end: s.end[k] as number };
      const expr = tree[s.root[k] as number] as Expr;
      const name = this.nameOf(k);
      if (name === undefined) return { kind: 'expr', expr, ...span };
      const nameStart = s.nameStart[k] as number;
      return { kind: 'assign', name, nameStart, nameEnd: nameStart + name.length, expr, ...span };
    });
  }

  private materializeRows(): Expr[] {
    const x = this.exprs;
    const name = (row: number) => this.names[x.sym[row] as number] as string;
    const tree: Expr[] = [];
    // Post-order: every argument is built before the node that uses it; no recursion needed.
    for (let r = 0; r < x.count; r++) {
      const span = { start: x.start[r] as number, end: x.end[r] as number };
      const kind = x.kind[r];
      if (kind === E_NUMBER)
        tree.push({ kind: 'number', value: this.value(r), text: this.numberText(r), ...span });
      else if (kind === E_CONSTANT)
        tree.push({ kind: 'constant', name: name(r), value: this.value(r), ...span });
      else if (kind === E_NAME) tree.push({ kind: 'name', name: name(r), ...span });
      else if (kind === E_CALL || kind === E_TENSOR) {
        const first = x.firstArg[r] as number;
        const args = Array.from(x.args.subarray(first, x.firstArg[r + 1]), (a) => tree[a] as Expr);
        if (kind === E_CALL) tree.push({ kind: 'call', fn: name(r), args, ...span });
        else {
          const e: Expr = {
            kind: 'tensor',
            op: TENSOR_OPS[x.op[r] as number] as TensorOpName,
            args,
            ...span,
          };
          if ((x.sym[r] as number) >= 0) e.fn = name(r);
          tree.push(e);
        }
      } else {
        const first = x.firstArg[r] as number;
        const args = Array.from(x.args.subarray(first, x.firstArg[r + 1]), (a) => tree[a] as Expr);
        const e: Expr = {
          kind: 'op',
          op: (ALL_OPS[x.op[r] as number] as { name: OpName }).name,
          args,
          ...span,
        };
        if ((x.sym[r] as number) >= 0) e.fn = name(r);
        if (x.implicit[r] === 1) e.implicit = true;
        tree.push(e);
      }
    }
    return tree;
  }
}

const INFIX: Partial<Record<OpName, string>> = { add: '+', sub: '-', mul: '*', div: '/', pow: '^' };

/**
 * Prints an expression fully parenthesized, e.g. `a^b^c` → `(a ^ (b ^ c))`. For golden tests and
 * debugging. Iterative, so a 100,000-term chain does not overflow the stack.
 */
export function printExpr(root: Expr): string {
  const out: string[] = [];
  const stack: (Expr | string)[] = [root];
  while (stack.length > 0) {
    const e = stack.pop() as Expr | string;
    if (typeof e === 'string') {
      out.push(e);
      continue;
    }
    if (e.kind === 'number') out.push(e.text);
    else if (e.kind === 'constant' || e.kind === 'name') out.push(e.name);
    else if (e.kind === 'op' && e.op === 'neg') stack.push(')', e.args[0] as Expr, '(-');
    else if (
      e.kind === 'tensor' &&
      e.op !== 'sum' &&
      e.op !== 'mean' &&
      e.op !== 'softmax' &&
      e.fn === undefined
    )
      stack.push(...tensorParts(e).reverse());
    else if (e.kind === 'op' && INFIX[e.op] && e.fn === undefined) {
      stack.push(')', e.args[1] as Expr, ` ${INFIX[e.op]} `, e.args[0] as Expr, '(');
    } else {
      const parts: (Expr | string)[] = [`${e.kind === 'call' ? e.fn : (e.fn ?? e.op)}(`];
      e.args.forEach((a, k) => {
        if (k > 0) parts.push(', ');
        parts.push(a);
      });
      parts.push(')');
      stack.push(...parts.reverse());
    }
  }
  return out.join('');
}

/** The pieces printExpr writes for a literal, a product, a transpose or an index. */
function tensorParts(e: Expr & { kind: 'tensor' }): (Expr | string)[] {
  const [a, b] = e.args as [Expr, Expr];
  if (e.op === 'matmul') return ['(', a, ' @ ', b, ')'];
  if (e.op === 'transpose') return [a, '.T'];
  const open = e.op === 'index' ? [a, '['] : ['['];
  const items = e.op === 'index' ? e.args.slice(1) : e.args;
  const parts: (Expr | string)[] = [...open];
  items.forEach((item, k) => {
    if (k > 0) parts.push(', ');
    parts.push(item);
  });
  parts.push(']');
  return parts;
}

/** A definition's body as a tree (the parameters are names in it). */
export function bodyOf(p: Program, def: FunctionDef): Expr {
  return p.tree(def.root);
}

export function printProgram(p: Program): string {
  const defs = p.definitions.map((d) => `${d.name}(${d.paramNames.join(', ')}) = ${printExpr(bodyOf(p, d))}`);
  const main = p.statements.map((s) =>
    s.kind === 'assign' ? `${s.name} = ${printExpr(s.expr)}` : printExpr(s.expr),
  );
  return [...defs, ...main].join('; ');
}
