import fc from 'fast-check';

/*
 * Random small programs with vectors and matrices, with the same program written out by hand as
 * scalars by this file's own expander (every element its own input or statement; a matmul element a sum
 * of products). Programs are drawn from a stream of choices, so that fast-check shrinks a failing
 * program by shrinking the stream. Used by tests/property/tensor.test.ts and the PyTorch export's tests.
 */

type Shape = number[];
type Fn = 'exp' | 'tanh' | 'sigmoid' | 'relu' | 'sin';
type Reduction = 'sum' | 'mean' | 'max' | 'logsumexp';

type Node = { shape: Shape } & (
  | { k: 'in'; name: string }
  | { k: 'num'; v: number }
  | { k: 'ref'; name: string }
  | { k: 'list'; items: Node[] }
  | { k: 'bin'; op: '+' | '-' | '*'; a: Node; b: Node }
  /** a / (b^2 + 1): a divisor never near 0. */
  | { k: 'div'; a: Node; b: Node }
  | { k: 'sq'; a: Node }
  | { k: 'neg'; a: Node }
  | { k: 'fn'; f: Fn; a: Node }
  | { k: 'mm'; a: Node; b: Node }
  | { k: 'T'; a: Node }
  | { k: 'idx'; a: Node; at: number[] }
  | { k: 'red'; f: Reduction; a: Node }
  | { k: 'softmax'; a: Node }
);

const FNS: Fn[] = ['exp', 'tanh', 'sigmoid', 'relu', 'sin'];
const REDUCTIONS: Reduction[] = ['sum', 'mean', 'max', 'logsumexp'];
const count = (s: Shape) => s.reduce((p, d) => p * d, 1);
const sameShape = (a: Shape, b: Shape) => a.length === b.length && a.every((d, k) => d === b[k]);

/** A stream of choices; once it runs out every choice is 0, the simplest (a leaf). */
class Choices {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  next(n: number): number {
    const v = this.xs[this.i++];
    return v === undefined ? 0 : v % n;
  }
}

interface Input {
  name: string;
  shape: Shape;
  values: number[];
}

/** Builds a random well-formed expression of a given shape. */
class Generator {
  readonly inputs: Input[] = [];
  /** Named statements `h0 = …`, in order; each is used by what follows. */
  readonly statements: { name: string; node: Node }[] = [];

  constructor(private readonly c: Choices) {}

  private size(): number {
    return 1 + this.c.next(4);
  }
  private value(): number {
    return (this.c.next(401) - 200) / 100;
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.c.next(xs.length)] as T;
  }

  private input(shape: Shape): Node {
    const same = this.inputs.filter((i) => sameShape(i.shape, shape));
    if (same.length > 0 && this.c.next(2) === 0) {
      const i = this.pick(same);
      return { k: 'in', name: i.name, shape };
    }
    const prefix = ['x', 'v', 'M'][shape.length] as string;
    const name = `${prefix}${this.inputs.filter((i) => i.shape.length === shape.length).length}`;
    const values = Array.from({ length: count(shape) }, () => this.value());
    this.inputs.push({ name, shape, values });
    return { k: 'in', name, shape };
  }

  private tensorShape(): Shape {
    return this.c.next(2) === 0 ? [this.size()] : [this.size(), this.size()];
  }

  private leaf(shape: Shape): Node {
    if (shape.length === 0) {
      const which = this.c.next(3);
      if (which === 1) return { k: 'num', v: this.value(), shape };
      if (which === 2) {
        // An element of a tensor input: v[i] or M[i, j].
        const s = this.tensorShape();
        return { k: 'idx', a: this.input(s), at: s.map((d) => this.c.next(d)), shape };
      }
      return this.input(shape);
    }
    const named = this.statements.filter((s) => sameShape(s.node.shape, shape));
    if (named.length > 0 && this.c.next(2) === 1) return { k: 'ref', name: this.pick(named).name, shape };
    return this.input(shape);
  }

  expr(shape: Shape, depth: number, leafOk = true): Node {
    if (depth <= 0 || (leafOk && this.c.next(3) === 0)) return this.leaf(shape);
    const n =
      shape.length === 0
        ? this.scalar(depth - 1)
        : shape.length === 1
          ? this.vector(shape[0] as number, depth - 1)
          : this.matrix(shape[0] as number, shape[1] as number, depth - 1);
    // Sometimes a statement of its own, `h0 = …`, read by name (and maybe again later).
    if (n.k !== 'list' && n.k !== 'T' && n.k !== 'idx' && n.k !== 'num' && this.c.next(4) === 1) {
      const name = `${shape.length === 0 ? 'q' : 'h'}${this.statements.length}`;
      this.statements.push({ name, node: n });
      return { k: 'ref', name, shape };
    }
    return n;
  }

  /** Elementwise ops shared by every shape; `operands` are broadcast-compatible shape pairs. */
  private elementwise(shape: Shape, depth: number, operands: [Shape, Shape][]): Node {
    switch (this.c.next(6)) {
      case 0: {
        const [sa, sb] = this.pick(operands);
        const op = this.pick(['+', '-', '*'] as const);
        return { k: 'bin', op, a: this.expr(sa, depth), b: this.expr(sb, depth), shape };
      }
      case 1: {
        const [sa, sb] = this.pick(operands);
        return { k: 'div', a: this.expr(sa, depth), b: this.expr(sb, depth), shape };
      }
      case 2:
        return { k: 'sq', a: this.expr(shape, depth), shape };
      case 3: {
        const a = this.expr(shape, depth);
        // −(literal) would fold into the literal: negate the number instead.
        return a.k === 'num' ? { k: 'num', v: -a.v, shape } : { k: 'neg', a, shape };
      }
      default:
        return { k: 'fn', f: this.pick(FNS), a: this.expr(shape, depth), shape };
    }
  }

  private scalar(depth: number): Node {
    const shape: Shape = [];
    switch (this.c.next(4)) {
      case 0:
        return this.elementwise(shape, depth, [[[], []]]);
      case 1: {
        const s = this.tensorShape();
        return { k: 'red', f: this.pick(REDUCTIONS), a: this.expr(s, depth), shape };
      }
      case 2: {
        const s = this.tensorShape();
        return { k: 'idx', a: this.expr(s, depth, false), at: s.map((d) => this.c.next(d)), shape };
      }
      default: {
        const k = this.size();
        return { k: 'mm', a: this.expr([k], depth), b: this.expr([k], depth), shape };
      }
    }
  }

  private vector(n: number, depth: number): Node {
    const shape = [n];
    switch (this.c.next(7)) {
      case 0:
        return this.elementwise(shape, depth, [
          [shape, shape],
          [shape, []],
          [[], shape],
          [[1], shape],
          [shape, [1]],
        ]);
      case 1: {
        const k = this.size();
        return this.c.next(2) === 0
          ? { k: 'mm', a: this.expr([n, k], depth), b: this.expr([k], depth), shape }
          : { k: 'mm', a: this.expr([k], depth), b: this.expr([k, n], depth), shape };
      }
      case 2:
        return { k: 'T', a: this.expr(shape, depth), shape };
      case 3: {
        const rows = this.size();
        return { k: 'idx', a: this.expr([rows, n], depth, false), at: [this.c.next(rows)], shape };
      }
      case 4:
        return { k: 'softmax', a: this.expr(shape, depth), shape };
      case 5:
        return { k: 'list', items: Array.from({ length: n }, () => this.expr([], depth)), shape };
      default:
        return this.elementwise(shape, depth, [[shape, shape]]);
    }
  }

  private matrix(r: number, c: number, depth: number): Node {
    const shape = [r, c];
    switch (this.c.next(6)) {
      case 0:
        return this.elementwise(shape, depth, [
          [shape, shape],
          [shape, []],
          [[], shape],
          [shape, [c]],
          [[c], shape],
          [[r, 1], [c]],
          [
            [r, 1],
            [1, c],
          ],
          [shape, [r, 1]],
          [[1, c], shape],
        ]);
      case 1: {
        const k = this.size();
        return { k: 'mm', a: this.expr([r, k], depth), b: this.expr([k, c], depth), shape };
      }
      case 2:
        return { k: 'T', a: this.expr([c, r], depth), shape };
      case 3:
        return { k: 'softmax', a: this.expr(shape, depth), shape };
      case 4:
        // Rows may be any vectors: [v0, h1 * 2].
        return { k: 'list', items: Array.from({ length: r }, () => this.expr([c], depth)), shape };
      default:
        return this.elementwise(shape, depth, [[shape, shape]]);
    }
  }
}

/** The tensor program's text of a node. */
function text(n: Node): string {
  switch (n.k) {
    case 'in':
    case 'ref':
      return n.name;
    case 'num':
      return n.v < 0 ? `(${n.v})` : String(n.v);
    case 'list':
      return `[${n.items.map(text).join(', ')}]`;
    case 'bin':
      return `(${text(n.a)} ${n.op} ${text(n.b)})`;
    case 'div':
      return `(${text(n.a)} / (${text(n.b)}^2 + 1))`;
    case 'sq':
      return `(${text(n.a)}^2)`;
    case 'neg':
      return `(-${text(n.a)})`;
    case 'fn':
      return `${n.f}(${text(n.a)})`;
    case 'mm':
      return `(${text(n.a)} @ ${text(n.b)})`;
    case 'T':
      return `${text(n.a)}.T`;
    case 'idx':
      return `${text(n.a)}[${n.at.join(', ')}]`;
    case 'red':
      return `${n.f}(${text(n.a)})`;
    case 'softmax':
      return `softmax(${text(n.a)})`;
  }
}

const literal = (v: number) => (v < 0 ? `(${v})` : String(v));

/** `M0[1,2]` in the tensor program (the engine's name for the element); `M0_1_2` as a scalar. */
function elementNames(i: Input): { tensor: string; scalar: string }[] {
  if (i.shape.length === 0) return [{ tensor: i.name, scalar: i.name }];
  const cols = i.shape[1] ?? 1;
  return i.values.map((_, k) => {
    const at = i.shape.length === 1 ? [k] : [Math.floor(k / cols), k % cols];
    return { tensor: `${i.name}[${at.join(',')}]`, scalar: `${i.name}_${at.join('_')}` };
  });
}

/** Row-major position `at` of shape `to`, read from an operand of shape `from` under broadcasting. */
function broadcastIndex(from: Shape, to: Shape, at: number): number {
  const coords: number[] = [];
  let rest = at;
  for (let k = to.length - 1; k >= 0; k--) {
    coords[k] = rest % (to[k] as number);
    rest = Math.floor(rest / (to[k] as number));
  }
  let idx = 0;
  from.forEach((size, k) => {
    const c = coords[to.length - from.length + k] as number;
    idx = idx * size + (size === 1 ? 0 : c);
  });
  return idx;
}

/**
 * The same program as scalars, written independently of the engine: each tensor input element is an
 * input of its own, each computed element a statement `tK = …` of one operation, in the order the
 * tensor lowering builds them.
 */
class Expander {
  readonly lines: string[] = [];
  private readonly refs = new Map<string, string[]>();
  private k = 0;

  constructor(inputs: Input[]) {
    for (const i of inputs) {
      const names = elementNames(i);
      i.values.forEach((v, k) => {
        this.lines.push(`${(names[k] as { scalar: string }).scalar} = ${v}`);
      });
      this.refs.set(
        i.name,
        names.map((n) => n.scalar),
      );
    }
  }

  private emit(rhs: string): string {
    const name = `t${this.k++}`;
    this.lines.push(`${name} = ${rhs}`);
    return name;
  }

  /** Σ as a chain of additions, left to right. */
  private total(xs: string[]): string {
    let acc = xs[0] as string;
    for (let k = 1; k < xs.length; k++) acc = this.emit(`${acc} + ${xs[k]}`);
    return acc;
  }

  define(name: string, n: Node): void {
    this.refs.set(name, this.expand(n));
  }

  /** The elements of a node, row-major: names of inputs and statements, or literals. */
  expand(n: Node): string[] {
    switch (n.k) {
      case 'in':
      case 'ref':
        return this.refs.get(n.name) as string[];
      case 'num':
        return [literal(n.v)];
      case 'list':
        return n.items.flatMap((item) => this.expand(item));
      case 'bin':
      case 'div': {
        const a = this.expand(n.a);
        let b = this.expand(n.b);
        if (n.k === 'div') {
          b = b.map((x) => this.emit(`${x}^2`));
          b = b.map((x) => this.emit(`${x} + 1`));
        }
        const op = n.k === 'div' ? '/' : n.op;
        return Array.from({ length: count(n.shape) }, (_, at) => {
          const x = a[broadcastIndex(n.a.shape, n.shape, at)] as string;
          const y = b[broadcastIndex(n.b.shape, n.shape, at)] as string;
          return this.emit(`${x} ${op} ${y}`);
        });
      }
      case 'sq':
        return this.expand(n.a).map((x) => this.emit(`${x}^2`));
      case 'neg':
        return this.expand(n.a).map((x) => this.emit(`-${x}`));
      case 'fn':
        return this.expand(n.a).map((x) => this.emit(`${n.f}(${x})`));
      case 'mm': {
        const a = this.expand(n.a);
        const b = this.expand(n.b);
        // A vector on the left is a row, on the right a column.
        const [m, k] = n.a.shape.length === 1 ? [1, n.a.shape[0] as number] : (n.a.shape as [number, number]);
        const cols = n.b.shape.length === 1 ? 1 : (n.b.shape[1] as number);
        const out: string[] = [];
        for (let i = 0; i < m; i++)
          for (let j = 0; j < cols; j++) {
            const products: string[] = [];
            for (let t = 0; t < k; t++) products.push(this.emit(`${a[i * k + t]} * ${b[t * cols + j]}`));
            out.push(this.total(products));
          }
        return out;
      }
      case 'T': {
        const a = this.expand(n.a);
        if (n.a.shape.length === 1) return a;
        const [r, c] = n.a.shape as [number, number];
        const out: string[] = [];
        for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) out.push(a[i * c + j] as string);
        return out;
      }
      case 'idx': {
        const a = this.expand(n.a);
        if (n.a.shape.length === 1) return [a[n.at[0] as number] as string];
        const cols = n.a.shape[1] as number;
        const row = n.at[0] as number;
        return n.at.length === 2
          ? [a[row * cols + (n.at[1] as number)] as string]
          : a.slice(row * cols, row * cols + cols);
      }
      case 'red': {
        const a = this.expand(n.a);
        if (n.f === 'sum') return [this.total(a)];
        if (n.f === 'mean')
          return [a.length === 1 ? (a[0] as string) : this.emit(`${this.total(a)} / ${a.length}`)];
        if (n.f === 'max') return [a.length === 1 ? (a[0] as string) : this.emit(`max(${a.join(', ')})`)];
        const exps = a.map((x) => this.emit(`exp(${x})`));
        return [this.emit(`log(${this.total(exps)})`)];
      }
      case 'softmax': {
        const exps = this.expand(n.a).map((x) => this.emit(`exp(${x})`));
        const s = this.total(exps);
        return exps.map((e) => this.emit(`${e} / ${s}`));
      }
    }
  }
}

export interface Case {
  tensor: string;
  scalar: string;
  /** Tensor element name → scalar input name. */
  names: { tensor: string; scalar: string }[];
}

export function makeCase(choices: number[]): Case {
  const g = new Generator(new Choices(choices));
  let root = g.expr([], 4, false);
  // `f = 2` alone would declare an input f: keep the output a computation.
  if (root.k === 'num') root = { k: 'bin', op: '*', a: root, b: { k: 'num', v: 1, shape: [] }, shape: [] };
  const statements = [...g.statements];
  const decl = g.inputs.map((i) => {
    if (i.shape.length === 0) return `${i.name} = ${i.values[0]}`;
    if (i.shape.length === 1) return `${i.name} = [${i.values.join(', ')}]`;
    const cols = i.shape[1] as number;
    const rows = Array.from(
      { length: i.shape[0] as number },
      (_, r) => `[${i.values.slice(r * cols, r * cols + cols).join(', ')}]`,
    );
    return `${i.name} = [${rows.join(', ')}]`;
  });
  const tensor = [...decl, ...statements.map((s) => `${s.name} = ${text(s.node)}`), `f = ${text(root)}`].join(
    '\n',
  );
  const e = new Expander(g.inputs);
  for (const s of statements) e.define(s.name, s.node);
  const out = e.expand(root)[0] as string;
  // A bare number on the last line would declare an input: keep it a computation.
  const last = /^[(\d]/.test(out) ? `f = ${out} * 1` : `f = ${out}`;
  return { tensor, scalar: [...e.lines, last].join('\n'), names: g.inputs.flatMap(elementNames) };
}

// Unbiased choices (a biased nat is mostly 0: the first option, every time), enough for a few levels.
export const choicesArb = fc.array(fc.noBias(fc.nat({ max: 10_000 })), { minLength: 20, maxLength: 250 });
