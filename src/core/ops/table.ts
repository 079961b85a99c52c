import { BINARY_OPS } from './binary';
import { STAGED_OPS } from './staged';
import type { Composite, OpName, OpSpec } from './types';
import { UNARY_OPS } from './unary';

/* The op table. Each op is defined once (in binary.ts or unary.ts): arity, value, local derivatives, LaTeX and what it does to a gradient.
 * The parser, graph builder, autodiff and captions all read from this table. `partial` receives the
 * inputs `x` and the output `o` already computed, so ops whose derivative is built from their own output
 * (exp, sigmoid, tanh) reuse it, exactly as a lecture explains them. */

const leaf = (name: 'input' | 'const'): OpSpec => ({
  name,
  symbol: '',
  functions: [],
  minArgs: 0,
  maxArgs: 0,
  pattern: 'leaf',
  forward: () => Number.NaN,
  partial: () => 0,
  latex: () => '',
  partialLatex: () => '0',
  explain: () => '',
});

const OPS: OpSpec[] = [leaf('input'), leaf('const'), ...BINARY_OPS, ...UNARY_OPS, ...STAGED_OPS];

/** The op table, by name. */
export const OP: Readonly<Record<OpName, OpSpec>> = Object.fromEntries(OPS.map((o) => [o.name, o])) as Record<
  OpName,
  OpSpec
>;

/** Function names a student can call (`sin`, `ln`, `max`, `pow`, ...) and the op each one means. */
export const FUNCTIONS: ReadonlyMap<string, OpSpec> = new Map(
  OPS.flatMap((o) => o.functions.map((fn) => [fn, o] as const)),
);

/** Named constants. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** Every op, indexed by its op code: the graph and the AST store codes, not names. */
export const ALL_OPS: readonly OpSpec[] = OPS;

/** The code of each op (its index in ALL_OPS). Leaves first: input is 0, const is 1. */
export const OP_CODE: Readonly<Record<OpName, number>> = Object.fromEntries(
  OPS.map((o, k) => [o.name, k]),
) as Record<OpName, number>;
export const INPUT_CODE = 0;
export const CONST_CODE = 1;
export const PARAM_CODE: number = OP_CODE.param;
export const CALL_CODE: number = OP_CODE.call;

export { winner } from './binary';

/** The built-ins that are compositions of others and can be expanded (see composites.ts). */
export const COMPOSITES: readonly Composite[] = ['sigmoid', 'tanh'];
