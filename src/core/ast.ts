import type { OpName } from './ops/types';

/** Every AST node knows the span [start, end) of the text it came from. */
interface Span {
  start: number;
  end: number;
}

export type Expr =
  | (Span & { kind: 'number'; value: number; text: string })
  | (Span & { kind: 'constant'; name: string; value: number })
  | (Span & { kind: 'name'; name: string })
  /** An operation: operators and function calls alike. `fn` is the name as typed (`ln`, `pow`). */
  | (Span & { kind: 'op'; op: OpName; args: Expr[]; fn?: string; implicit?: boolean });

export type Statement =
  | (Span & { kind: 'assign'; name: string; nameStart: number; nameEnd: number; expr: Expr })
  | (Span & { kind: 'expr'; expr: Expr });

export interface Program {
  statements: Statement[];
}

/**
 * Builds any expression node with every field present, in one order, so that all AST nodes share one
 * hidden class and the passes over 100,000-node programs stay monomorphic (and fast).
 */
export function mkExpr<K extends Expr['kind']>(
  kind: K,
  start: number,
  end: number,
  fields: Partial<Omit<AnyExpr, 'kind' | 'start' | 'end'>>,
): Extract<Expr, { kind: K }> {
  return {
    kind,
    op: fields.op,
    args: fields.args,
    fn: fields.fn,
    implicit: fields.implicit,
    name: fields.name,
    value: fields.value,
    text: fields.text,
    start,
    end,
  } as unknown as Extract<Expr, { kind: K }>;
}

/** A copy of `e` with another span (parentheses widen it), keeping the shared shape. */
export function withSpan(e: Expr, start: number, end: number): Expr {
  return mkExpr(e.kind, start, end, e as Partial<AnyExpr>);
}

type AnyExpr = {
  kind: Expr['kind'];
  op: OpName;
  args: Expr[];
  fn: string;
  implicit: boolean;
  name: string;
  value: number;
  text: string;
  start: number;
  end: number;
};

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
    else if (e.op === 'neg') stack.push(')', e.args[0] as Expr, '(-');
    else if (INFIX[e.op] && e.fn === undefined) {
      stack.push(')', e.args[1] as Expr, ` ${INFIX[e.op]} `, e.args[0] as Expr, '(');
    } else {
      const parts: (Expr | string)[] = [`${e.fn ?? e.op}(`];
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

export function printProgram(p: Program): string {
  return p.statements
    .map((s) => (s.kind === 'assign' ? `${s.name} = ${printExpr(s.expr)}` : printExpr(s.expr)))
    .join('; ');
}
