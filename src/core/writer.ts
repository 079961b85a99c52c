import { grow } from './columns';
import { ParseFailure, syntaxError } from './errors';
import type { Columns } from './finish';
import type { Group, InputDecl, TensorOp } from './graph';
import { hashString, mix } from './hash';
import { ALL_OPS, COMPOSITES, CONST_CODE } from './ops/table';

/** Structural hash of each op (see Graph.hashes); a constant's hash is its literal's, seeded apart. */
export const OP_HASH = ALL_OPS.map((o) => hashString(o.name));
export const CONST_SEED = 7;

/**
 * The graph's columns while they are written: nodes in topological order (every node after its
 * arguments), each node's argument edges right after it. The columns grow as needed: a program's size
 * in nodes is known only once its calls are inlined and its tensors lowered.
 */
export class GraphWriter {
  protected n = 0; // nodes so far
  protected e = 0; // edges so far
  protected op: Uint8Array;
  protected start: Int32Array;
  protected end: Int32Array;
  protected constant: Float64Array;
  protected hashes: Uint32Array;
  protected firstEdge: Int32Array;
  protected edgeSource: Int32Array;
  protected edgeTarget: Int32Array;
  /** Sparse, by node id: only inputs, named intermediates, calls and constants have an entry. */
  // Sized up front (holey, as V8 keeps them fast): written at scattered ids, an empty array that gets
  // an entry at id 1,000 after id 3 would turn into a slow dictionary.
  protected readonly label: (string | undefined)[];
  protected readonly fn: (string | undefined)[];
  protected readonly text: (string | undefined)[];
  protected readonly callKey: (string | undefined)[];
  /** Built-in composite gates that can be expanded, four numbers each: node, which composite, its
   * ordinal in its context, and the enclosing group (-1): their keys are made only when asked for. */
  protected readonly composites: number[] = [];
  protected readonly inputs: InputDecl[] = [];
  protected readonly groups: Group[] = [];
  protected readonly tensors: TensorOp[] = [];

  constructor(nodes: number, edges: number) {
    const n = Math.max(16, nodes);
    this.op = new Uint8Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.constant = new Float64Array(n);
    this.hashes = new Uint32Array(n);
    this.firstEdge = new Int32Array(n + 1);
    this.label = new Array(n);
    this.fn = new Array(n);
    this.text = new Array(n);
    this.callKey = new Array(n);
    const m = Math.max(16, edges);
    this.edgeSource = new Int32Array(m);
    this.edgeTarget = new Int32Array(m);
  }

  fail(message: string, start: number, end: number, hint?: string): never {
    throw new ParseFailure(syntaxError(message, start, end, hint));
  }

  protected add(code: number, start: number, end: number, hash: number): number {
    const id = this.n++;
    if (id + 1 >= this.op.length) {
      const size = 2 * this.op.length;
      this.op = grow(this.op, size);
      this.start = grow(this.start, size);
      this.end = grow(this.end, size);
      this.constant = grow(this.constant, size);
      this.hashes = grow(this.hashes, size);
      this.firstEdge = grow(this.firstEdge, size + 1);
    }
    this.op[id] = code;
    this.start[id] = start;
    this.end[id] = end;
    this.hashes[id] = hash;
    this.firstEdge[id] = this.e;
    return id;
  }

  protected edge(source: number, target: number): void {
    if (this.e === this.edgeSource.length) {
      this.edgeSource = grow(this.edgeSource, 2 * this.e);
      this.edgeTarget = grow(this.edgeTarget, 2 * this.e);
    }
    this.edgeSource[this.e] = source;
    this.edgeTarget[this.e] = target;
    this.e++;
  }

  /** A gate of op `code` on `args` (node ids): hashed by its op and its arguments. */
  gate(code: number, args: readonly number[], start: number, end: number): number {
    let h = OP_HASH[code] as number;
    for (const a of args) h = mix(h, this.hashes[a] as number);
    const id = this.add(code, start, end, h);
    for (const a of args) this.edge(a, id);
    return id;
  }

  /** A constant node, written `text`. */
  literal(value: number, text: string, start: number, end: number): number {
    const id = this.add(CONST_CODE, start, end, mix(hashString(text), CONST_SEED));
    this.constant[id] = value;
    this.text[id] = text;
    return id;
  }

  /** How many nodes so far (the next node's id). */
  get size(): number {
    return this.n;
  }

  /** The columns, trimmed to what was written. */
  protected columns(output: number): Columns {
    const size = this.n;
    const edges = this.e;
    this.firstEdge[size] = edges;
    return {
      size,
      op: this.op.subarray(0, size),
      start: this.start.subarray(0, size),
      end: this.end.subarray(0, size),
      constant: this.constant.subarray(0, size),
      firstEdge: this.firstEdge.subarray(0, size + 1),
      edgeSource: this.edgeSource.subarray(0, edges),
      edgeTarget: this.edgeTarget.subarray(0, edges),
      label: this.label,
      fn: this.fn,
      text: this.text,
      inputs: this.inputs,
      output,
      hashes: this.hashes.subarray(0, size),
      groups: this.groups,
      callKey: () => {
        const keys = this.callKey;
        const c = this.composites;
        for (let k = 0; k < c.length; k += 4) {
          const group = this.groups[c[k + 3] as number];
          const fn = COMPOSITES[c[k + 1] as number] as string;
          keys[c[k] as number] = `${group ? `${group.key}/` : ''}${fn}#${c[k + 2]}`;
        }
        return keys;
      },
      tensors: this.tensors,
    };
  }
}
