/** Every kind of node in the graph. `input` and `const` are leaves; the rest are operations. */
export type OpName =
  | 'input'
  | 'const'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'neg'
  | 'exp'
  | 'log'
  | 'log10'
  | 'log2'
  | 'sqrt'
  | 'abs'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'tanh'
  | 'sigmoid'
  | 'relu'
  | 'max'
  | 'min'
  /** A parameter of a function call: the argument passed in, under the parameter's name (identity). */
  | 'param'
  /** A collapsed call of a function (`sig(z)`): one gate whose local derivatives come from its inside. */
  | 'call';

/** The name a teacher gives to how a gate treats the gradient passing back through it. */
export type GatePattern =
  | 'distributes' // add: the same gradient to every input
  | 'distributes-signed' // sub: +g to the left, −g to the right
  | 'swaps' // mul: each input gets the other input's value times g
  | 'scales' // multiply by a constant: g times the constant
  | 'divides' // a/b
  | 'power' // a^b: power rule
  | 'flips' // negation: −g
  | 'own-output' // exp, sigmoid, tanh: the local derivative is built from the output itself
  | 'reciprocal' // log: 1/x
  | 'sign' // abs: ±g
  | 'gates' // relu: passes g where the input is positive
  | 'routes' // max/min: all of g to the winner
  | 'smooth' // sin, cos, tan, sqrt: an ordinary derivative
  | 'passes' // a function's parameter: the gradient passes unchanged (×1)
  | 'staged' // a collapsed call: the local derivative is the chain rule through its inside
  | 'leaf';

/** What a caption needs to know about one edge of a gate. */
export interface EdgeContext {
  /** Input values, in argument order. */
  x: readonly number[];
  /** The gate's output value. */
  out: number;
  /** Which argument the gradient is flowing to. */
  i: number;
  /** Plain-text names of the arguments (variable names, or numbers for constants). */
  names: readonly string[];
  /** Which arguments are constants (for "a scalar multiply scales"). */
  constant: readonly boolean[];
  /** For a call gate: the function's name, the local derivative on this edge (computed through the
   * call's inside), what the argument is called inside, and which built-in the body computes, if any. */
  fn?: string;
  local?: number;
  param?: string;
  like?: Composite;
}

/** The built-ins that are compositions of others and can be expanded: σ into exps, tanh into exps. */
export type Composite = 'sigmoid' | 'tanh';

export interface OpSpec {
  name: OpName;
  /** Shown inside the node: `+`, `×`, `max`, `log`. */
  symbol: string;
  /** Names a student calls it by, e.g. `log` and `ln`; empty for operators written with a symbol. */
  functions: readonly string[];
  minArgs: number;
  maxArgs: number;
  pattern: GatePattern;
  /** The value. Only called on inputs inside the domain. */
  forward(x: readonly number[]): number;
  /** ∂out/∂x_i, given the inputs and the output already computed. */
  partial(x: readonly number[], out: number, i: number): number;
  /**
   * Every local derivative at once, into[i] = ∂out/∂x_i (the same numbers as `partial`), for ops where
   * one call per argument would repeat work: max and min find their winner once, so a gate of n
   * arguments costs O(n), not O(n²). The passes use it when an op has it (see `localsOf`).
   */
  partials?(x: readonly number[], out: number, into: number[]): void;
  /** Why x is outside the op's domain (a sentence for a student), or null. */
  domain?(x: readonly number[]): string | null;
  /**
   * Distance from x to the nearest point where the op has a corner (relu and abs at 0, max and min at a
   * tie). Infinity for smooth ops. The gradient check uses it to explain disagreements.
   */
  kink?(x: readonly number[]): number;
  /** LaTeX of the op applied to operands already in LaTeX. */
  latex(a: readonly string[]): string;
  /** LaTeX of ∂out/∂a_i in terms of the operands `a` and the output's symbol `o`. */
  partialLatex(a: readonly string[], o: string, i: number): string;
  /** One sentence on what the gate does with the gradient on this edge. */
  explain(c: EdgeContext): string;
  /** A composite built-in's definition in the language, in terms of x (`1/(1+exp(-x))`): what it expands into. */
  expansion?: string;
}
