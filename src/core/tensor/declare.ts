import { E_NUMBER, E_TENSOR, type Program } from '../ast';
import { mix } from '../hash';
import { ALL_OPS, INPUT_CODE } from '../ops/table';
import { TENSOR_CODE } from '../ops/tensor';
import type { Scope } from '../scope';
import { GraphWriter } from '../writer';
import { elementwise, isTensor, noun, type Tensor, type Value } from './lower';
import { elementName, lowerRow, record } from './rows';

/** Seeds the hash of a named intermediate (see Graph.hashes), as the scalar builder does. */
export const LABEL_SEED = 11;

/**
 * The part of the graph builder that names tensors: a literal of numbers assigned to a name declares a
 * tensor input (`W = [[4], [-2]]`: one input per element, `W[0,0]` and `W[1,0]`), a tensor a statement
 * names has its elements called `h[0]`, `h[1]`, and the output must be one number or a vector.
 */
export class TensorWriter extends GraphWriter {
  /** By symbol: the program's names bound to a vector or matrix. */
  protected readonly globalTensor = new Map<number, Tensor>();
  /** The last line may be a vector (a Jacobian's outputs): its elements, once built. */
  vectorOutputs: number[] | null = null;

  constructor(
    protected readonly program: Program,
    protected readonly source: string,
    nodes: number,
    edges: number,
  ) {
    super(nodes, edges);
  }

  /**
   * Whether row r is a literal vector of numbers (`[1, -2]`) or a matrix of rows of numbers of one
   * length (`[[4], [-2]]`): a declaration. Anything else in brackets is an expression, and the lowering
   * says what is wrong with it.
   */
  protected numbersOnly(r: number): boolean {
    const x = this.program.exprs;
    // Most statements are not literals: said at once, before any closure is made (once per statement).
    if (x.kind[r] !== E_TENSOR) return false;
    const isList = (q: number) => x.kind[q] === E_TENSOR && x.op[q] === TENSOR_CODE.list;
    if (!isList(r)) return false;
    const items = Array.from(x.args.subarray(x.firstArg[r], x.firstArg[r + 1]));
    if (items.every((q) => x.kind[q] === E_NUMBER)) return true;
    // Rows of numbers (of one length: newTensorInput points at a row that is not).
    return items.every(
      (q) =>
        isList(q) &&
        Array.from(x.args.subarray(x.firstArg[q], x.firstArg[q + 1])).every((e) => x.kind[e] === E_NUMBER),
    );
  }

  /** `W = [[4], [-2]]`: an input per element (`W[0,0]`, `W[1,0]`), each declared with its number. */
  protected newTensorInput(sym: number, first: number, root: number): number {
    const p = this.program;
    const x = p.exprs;
    const name = p.names[sym] as string;
    // The literal's numbers, in row-major order (post-order visits them in the order of the text).
    const numbers: number[] = [];
    for (let r = first; r < root; r++) if (x.kind[r] === E_NUMBER) numbers.push(r);
    const inner = x.args[x.firstArg[root] as number] as number;
    const rows = (x.firstArg[root + 1] as number) - (x.firstArg[root] as number);
    const cols =
      x.kind[inner] === E_TENSOR ? (x.firstArg[inner + 1] as number) - (x.firstArg[inner] as number) : 0;
    const shape = x.kind[inner] === E_TENSOR ? [rows, cols] : [numbers.length];
    if (shape.length === 2)
      for (let k = x.firstArg[root] as number; k < (x.firstArg[root + 1] as number); k++) {
        const row = x.args[k] as number;
        if ((x.firstArg[row + 1] as number) - (x.firstArg[row] as number) !== shape[1])
          this.fail(
            `The rows of ${name} must all have ${shape[1]} numbers, as its first row does`,
            x.start[row] as number,
            x.end[row] as number,
            'A matrix is written by rows of one length: [[1, 2], [3, 4]].',
          );
      }
    const t: Tensor = { shape, nodes: [] };
    const first0 = this.n;
    numbers.forEach((r, k) => {
      const label = elementName(name, { shape, nodes: [] }, k);
      const id = this.add(
        INPUT_CODE,
        x.start[r] as number,
        x.end[r] as number,
        mix(p.nameHashes[sym] as number, k),
      );
      this.label[id] = label;
      this.inputs.push({
        name: label,
        node: id,
        start: x.start[r] as number,
        end: x.end[r] as number,
        declared: p.value(r),
        valueStart: x.start[r] as number,
        valueEnd: x.end[r] as number,
      });
      t.nodes.push(id);
    });
    this.globalTensor.set(sym, t);
    const site = { start: x.start[root] as number, end: x.end[root] as number, texts: [] };
    record(this.tensors, 'list', t, [], first0, this.n - 1, site);
    (this.tensors[this.tensors.length - 1] as { label?: string }).label = name;
    return t.nodes[t.nodes.length - 1] as number;
  }

  /** `h = relu(W @ x)`: its elements are called h[0], h[1]; the last line must be one number. */
  protected tensorStatement(sym: number, t: Tensor, last: boolean, start: number, end: number): number {
    const p = this.program;
    const name = sym >= 0 ? (p.names[sym] as string) : undefined;
    // A vector: the program's outputs are its elements (its Jacobian; see analyze). A matrix is refused.
    if (last && t.shape.length === 1) this.vectorOutputs = t.nodes;
    else if (last) {
      const message = `The output${name ? ` ${name}` : ''} is ${noun(t.shape)}; the output must be one number (a loss) or a vector`;
      const hint = `Reduce it, for example sum(${name ?? '…'}) or mean(${name ?? '…'}), or pick one element: ${name ?? 'v'}[0, 0].`;
      this.fail(message, start, end, hint);
    }
    if (name !== undefined) {
      t.nodes.forEach((id, k) => {
        if (this.op[id] === INPUT_CODE || this.label[id] !== undefined) return;
        this.label[id] = elementName(name, t, k);
        this.hashes[id] = mix(mix(p.nameHashes[sym] as number, LABEL_SEED), k);
      });
      const op = this.tensors[this.tensors.length - 1];
      if (op && op.outputs === t.nodes && op.label === undefined) op.label = name;
      this.globalTensor.set(sym, t);
    }
    return t.nodes[t.nodes.length - 1] as number;
  }
  /** A row's value: a node, or the tensor it made. */
  protected valueAt(scope: Scope, row: number): Value {
    return (scope.tensors ? scope.tensorOf[row] : undefined) ?? (scope.nodeOf[row] as number);
  }

  protected setTensor(scope: Scope, row: number, v: Value): void {
    if (isTensor(v)) {
      scope.tensors = true;
      scope.tensorOf[row] = v;
      scope.nodeOf[row] = -1;
    } else {
      if (scope.tensors) scope.tensorOf[row] = undefined;
      scope.nodeOf[row] = v;
    }
  }

  /** A tensor row, or a scalar op with a tensor operand (elementwise, broadcast). */
  protected lowerTensor(scope: Scope, r: number, kind: number, args: number[]): Value {
    const { program } = scope;
    const x = program.exprs;
    const texts = args.map((a) => this.source.slice(x.start[a], x.end[a]));
    const site = { start: x.start[r] as number, end: x.end[r] as number, texts };
    const code = x.op[r] as number;
    if (kind !== E_TENSOR) {
      const first = this.n;
      const vals = args.map((a) => this.valueAt(scope, a));
      const v = elementwise(this, code, vals, site);
      record(this.tensors, 'elementwise', v, vals, first, this.n - 1, site, ALL_OPS[code]?.name);
      return v;
    }
    // An index's positions are number rows: read them, they make no nodes.
    const isIndex = code === TENSOR_CODE.index;
    const operands = isIndex ? args.slice(0, 1) : args;
    const at = isIndex ? args.slice(1).map((a) => program.value(a)) : [];
    return lowerRow(
      this,
      this.tensors,
      code,
      operands.map((a) => this.valueAt(scope, a)),
      at,
      site,
    );
  }

  /** Whether any of a row's arguments is a tensor. */
  protected anyTensor(scope: Scope, args: Int32Array, a: number, count: number): boolean {
    for (let k = 0; k < count; k++) if (scope.tensorOf[args[a + k] as number]) return true;
    return false;
  }
}
