import { type FunctionDef, type Program, printExpr } from './ast';
import { COMPOSITES, OP } from './ops/table';
import type { Composite } from './ops/types';
import { parse } from './parser';

/*
 * The built-ins that are compositions of others: sigmoid is 1/(1+exp(−x)) and tanh is
 * (exp(2x)−1)/(exp(2x)+1). Each can be expanded into its own definition, read by the same parser as the
 * student's functions, and a student's function whose body is one of them is recognised as it, so that
 * its gate can say σ(1−σ).
 */

export { COMPOSITES };

const expansions = new Map<Composite, { program: Program; def: FunctionDef }>();

/** The built-in's definition as a one-function program: `def` is `_(x) = <expansion>`. */
export function expansionOf(op: Composite): { program: Program; def: FunctionDef } {
  let e = expansions.get(op);
  if (!e) {
    const parsed = parse(`_(x) = ${OP[op].expansion}\n_(x)`);
    if (!parsed.ok) throw new Error(`the expansion of ${op} does not parse: ${parsed.error.message}`);
    e = { program: parsed.program, def: parsed.program.definitions[0] as FunctionDef };
    expansions.set(op, e);
  }
  return e;
}

/** Ways of writing each composite in terms of x, printed fully parenthesized (see printExpr). */
const WRITTEN: Record<Composite, string[]> = {
  sigmoid: ['1/(1 + exp(-x))', '1/(1 + e^(-x))', 'exp(x)/(1 + exp(x))', '(1 + exp(-x))^(-1)'],
  tanh: [
    '(exp(2*x) - 1)/(exp(2*x) + 1)',
    '(exp(x) - exp(-x))/(exp(x) + exp(-x))',
    '(e^(2*x) - 1)/(e^(2*x) + 1)',
    '(1 - exp(-2*x))/(1 + exp(-2*x))',
  ],
};
let printed: Map<string, Composite> | undefined;

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

/** The composite a one-parameter definition computes, written one of the usual ways, or undefined. */
export function likeOf(program: Program, def: FunctionDef): Composite | undefined {
  if (def.params.length !== 1 || def.globals.length > 0) return undefined;
  if (!printed) {
    printed = new Map();
    for (const op of COMPOSITES)
      for (const text of WRITTEN[op]) {
        const p = parse(text);
        if (p.ok) printed.set(printExpr(p.program.statements[0]?.expr as never), op);
      }
  }
  const param = def.paramNames[0] as string;
  // The body with its parameter called x (it reads no other name, so nothing else can be an x).
  const text = printExpr(program.tree(def.root)).replace(IDENT, (m) => (m === param ? 'x' : m));
  return printed.get(text);
}
