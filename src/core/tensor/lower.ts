import { ALL_OPS, OP_CODE } from '../ops/table';
import type { TensorOpName } from '../ops/tensor';
import type { OpName } from '../ops/types';
import { isTensor, shapeText, type Tensor, type Value } from '../values';
import type { GraphWriter } from '../writer';

export { isTensor, shapeText, type Tensor, type Value };

/*
 * Tensor operations lowered onto scalar gates, with NumPy's semantics for vectors (shape [n]) and
 * matrices ([rows, cols]): every element of a result is an ordinary scalar node, so values and gradients
 * come from the one engine, and a tensor's gradient is exactly its scalar expansion's.
 */

export const noun = (shape: readonly number[]) =>
  shape.length === 0
    ? 'a number'
    : shape.length === 1
      ? `a vector of ${shape[0]}`
      : `a ${shape.join('×')} matrix`;

/** Where a lowering is, for its messages: the span of the whole operation, and of each operand. */
export interface Site {
  start: number;
  end: number;
  /** Each operand's text, for messages. */
  texts: string[];
}

const shapeOf = (v: Value): number[] => (isTensor(v) ? v.shape : []);
const elements = (v: Value): number[] => (isTensor(v) ? v.nodes : [v]);

/**
 * NumPy broadcasting of two shapes (rank ≤ 2): aligned from the right, each pair of sizes equal or one
 * of them 1 (a number broadcasts to anything). Fails naming the sizes.
 */
function broadcast(a: number[], b: number[], w: GraphWriter, site: Site, verb: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < rank; k++) {
    const x = a[a.length - rank + k] ?? 1;
    const y = b[b.length - rank + k] ?? 1;
    if (x !== y && x !== 1 && y !== 1)
      w.fail(
        `cannot ${verb} ${noun(a)} and ${noun(b)}: sizes ${x} and ${y} differ`,
        site.start,
        site.end,
        'Elementwise operations need equal shapes, or a size of 1 (or a number) that stretches: NumPy broadcasting.',
      );
    out.push(Math.max(x, y));
  }
  return out;
}

/** The element of `v` (of shape `from`) that position `at` of shape `to` reads under broadcasting. */
function pick(v: Value, to: number[], at: number): number {
  if (!isTensor(v)) return v;
  const from = v.shape;
  // Position `at` in `to` as indices, aligned right with `from`; a size-1 axis always reads index 0.
  let idx = 0;
  let rest = at;
  const coords: number[] = [];
  for (let k = to.length - 1; k >= 0; k--) {
    coords[k] = rest % (to[k] as number);
    rest = Math.floor(rest / (to[k] as number));
  }
  for (let k = 0; k < from.length; k++) {
    const size = from[k] as number;
    const c = coords[to.length - from.length + k] as number;
    idx = idx * size + (size === 1 ? 0 : c);
  }
  return v.nodes[idx] as number;
}

/** How a message says what an elementwise op does: "cannot add a vector of 2 and a vector of 3". */
const VERBS: Record<string, string> = {
  add: 'add',
  sub: 'subtract',
  mul: 'multiply',
  div: 'divide',
  pow: 'raise',
  max: 'take the max of',
  min: 'take the min of',
};

/** A scalar op applied elementwise, its operands broadcast to one shape. */
export function elementwise(w: GraphWriter, code: number, args: Value[], site: Site): Value {
  const name = ALL_OPS[code]?.name ?? '';
  const verb = VERBS[name] ?? `apply ${name} to`;
  let shape: number[] = [];
  for (const a of args) shape = broadcast(shape, shapeOf(a), w, site, verb);
  const count = shape.reduce((p, s) => p * s, 1);
  const nodes: number[] = [];
  for (let at = 0; at < count; at++)
    nodes.push(
      w.gate(
        code,
        args.map((a) => pick(a, shape, at)),
        site.start,
        site.end,
      ),
    );
  return { shape, nodes };
}

/** Σ of nodes, as a chain of additions (one node is itself). */
function total(w: GraphWriter, nodes: readonly number[], site: Site): number {
  let acc = nodes[0] as number;
  for (let k = 1; k < nodes.length; k++)
    acc = w.gate(OP_CODE.add, [acc, nodes[k] as number], site.start, site.end);
  return acc;
}

/**
 * A @ B: matrix·matrix, matrix·vector, vector·matrix and vector·vector (a dot product, a number), each
 * element a sum of products. "cannot multiply 2×2 @ 3: inner sizes 2 and 3 differ".
 */
export function matmul(w: GraphWriter, a: Value, b: Value, site: Site): Value {
  if (!isTensor(a) || !isTensor(b)) {
    const which = !isTensor(a) ? (site.texts[0] ?? 'the left side') : (site.texts[1] ?? 'the right side');
    w.fail(
      `@ multiplies vectors and matrices, but ${which} is a number`,
      site.start,
      site.end,
      'For numbers, write *.',
    );
  }
  const A = a.shape.length === 1 ? [1, a.shape[0] as number] : a.shape;
  const B = b.shape.length === 1 ? [b.shape[0] as number, 1] : b.shape;
  const [m, k] = A as [number, number];
  const [k2, n] = B as [number, number];
  if (k !== k2)
    w.fail(
      `cannot multiply ${shapeText(a.shape)} @ ${shapeText(b.shape)}: inner sizes ${k} and ${k2} differ`,
      site.start,
      site.end,
      'In A @ B the columns of A must match the rows of B. Check the shapes: a transpose (.T)?',
    );
  const nodes: number[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const products: number[] = [];
      for (let t = 0; t < k; t++)
        products.push(
          w.gate(
            OP_CODE.mul,
            [a.nodes[i * k + t] as number, b.nodes[t * n + j] as number],
            site.start,
            site.end,
          ),
        );
      nodes.push(total(w, products, site));
    }
  const shape = [...(a.shape.length === 2 ? [m] : []), ...(b.shape.length === 2 ? [n] : [])];
  return shape.length === 0 ? (nodes[0] as number) : { shape, nodes };
}

/** W.T swaps rows and columns; a vector's transpose is itself (as in NumPy). */
export function transpose(w: GraphWriter, a: Value, site: Site): Value {
  if (!isTensor(a))
    w.fail(`.T transposes a matrix, but ${site.texts[0] ?? 'this'} is a number`, site.start, site.end);
  if (a.shape.length === 1) return a;
  const [r, c] = a.shape as [number, number];
  const nodes: number[] = [];
  for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) nodes.push(a.nodes[i * c + j] as number);
  return { shape: [c, r], nodes };
}

/** v[i], W[i] (a row) and W[i, j], counting from 0. */
export function index(w: GraphWriter, a: Value, at: number[], site: Site): Value {
  const what = site.texts[0] ?? 'this';
  if (!isTensor(a))
    w.fail(`${what} is a number; only a vector or matrix can be indexed`, site.start, site.end);
  if (at.length > a.shape.length)
    w.fail(
      `${what} is ${noun(a.shape)}: it takes ${a.shape.length} ${a.shape.length === 1 ? 'index' : 'indices'}`,
      site.start,
      site.end,
    );
  at.forEach((i, k) => {
    const size = a.shape[k] as number;
    if (i >= size)
      w.fail(
        `index ${i} is out of range for ${k === 0 && a.shape.length === 2 ? `the ${size} rows of` : ''} ${noun(a.shape)} (0 to ${size - 1})`.replace(
          '  ',
          ' ',
        ),
        site.start,
        site.end,
        'Indices count from 0.',
      );
  });
  if (a.shape.length === 1) return a.nodes[at[0] as number] as number;
  const cols = a.shape[1] as number;
  const row = at[0] as number;
  if (at.length === 2) return a.nodes[row * cols + (at[1] as number)] as number;
  return { shape: [cols], nodes: a.nodes.slice(row * cols, row * cols + cols) };
}

/** sum, mean, max, min, softmax and logsumexp of every element of one tensor. */
export function reduce(w: GraphWriter, op: TensorOpName, a: Value, site: Site): Value {
  if (!isTensor(a)) {
    const what = site.texts[0] ?? 'its argument';
    if (op === 'max' || op === 'min')
      w.fail(
        `${op} needs at least 2 arguments, but 1 was given`,
        site.start,
        site.end,
        `Or one vector: ${op}([1, 2, 3]). ${what} is a number.`,
      );
    w.fail(
      `${op} needs a vector or matrix, but ${what} is a number`,
      site.start,
      site.end,
      `For example: ${op}([1, 2, 3]).`,
    );
  }
  const xs = a.nodes;
  const n = xs.length;
  const g = (name: OpName, args: number[]) => w.gate(OP_CODE[name], args, site.start, site.end);
  switch (op) {
    case 'sum':
      return total(w, xs, site);
    case 'mean':
      return n === 1
        ? (xs[0] as number)
        : g('div', [total(w, xs, site), w.literal(n, String(n), site.start, site.end)]);
    case 'max':
    case 'min':
      return n === 1 ? (xs[0] as number) : g(op, [...xs]);
    case 'logsumexp':
      // log Σ exp(x_i): the smooth maximum, whose gradient is the softmax.
      return g('log', [
        total(
          w,
          xs.map((x) => g('exp', [x])),
          site,
        ),
      ]);
    case 'softmax': {
      // p_i = exp(x_i) / Σ_j exp(x_j), one division per element over a shared sum.
      const exps = xs.map((x) => g('exp', [x]));
      const s = total(w, exps, site);
      return { shape: a.shape, nodes: exps.map((e) => g('div', [e, s])) };
    }
    default:
      return w.fail(`${op} is not a reduction`, site.start, site.end);
  }
}

/** [a, b, c] (numbers: a vector) or [[…], […]] (vectors of one length: the rows of a matrix). */
export function list(w: GraphWriter, items: Value[], site: Site): Tensor {
  if (items.every((v) => !isTensor(v))) return { shape: [items.length], nodes: items as number[] };
  const first = shapeOf(items[0] as Value);
  items.forEach((v, k) => {
    const s = shapeOf(v);
    if (s.length !== 1 || first.length !== 1 || s[0] !== first[0])
      w.fail(
        s.length > 1 || first.length > 1
          ? 'A matrix is written as a list of rows; a list of matrices is not supported'
          : first.length === 0 || s.length === 0
            ? `A list mixes numbers and vectors: element ${first.length === 0 ? 0 : k} is a number, element ${first.length === 0 ? items.findIndex((x) => isTensor(x)) : 0} is ${noun(first.length === 0 ? shapeOf(items.find((x) => isTensor(x)) as Value) : first)}`
            : `The rows of a matrix must be vectors of one length: row ${k} is ${noun(s)}, row 0 is ${noun(first)}`,
        site.start,
        site.end,
        'For example: [[1, 2], [3, 4]].',
      );
  });
  return { shape: [items.length, first[0] as number], nodes: items.flatMap(elements) };
}
