import type { GradflowError } from './errors';
import { ALL_OPS, CONST_CODE } from './ops/table';
import type { TensorOpName } from './ops/tensor';
import type { Composite, OpName } from './ops/types';

/**
 * A call of a function (`sig(x)`, or a built-in like sigmoid opened up into exps): the nodes it added
 * are a contiguous range of ids, [first, last], since a call is built in one go. Its parameters are its
 * first nodes (`param` nodes, one per parameter); its output is the node the body's value is in. Groups
 * nest: a call inside a body has the enclosing call as its parent.
 */
export interface Group {
  /** Stable name of this call: `sig#0` for the first call of sig, `neuron#1/sig#0` inside another call. */
  key: string;
  /** The function's name as called. */
  fn: string;
  /** Index of the enclosing group, or -1. */
  parent: number;
  first: number;
  last: number;
  output: number;
  /** The param nodes, in parameter order, and the parameters' names. */
  params: number[];
  paramNames: string[];
  /** Span of the call in the text. */
  start: number;
  end: number;
  /** An expanded built-in (sigmoid, tanh) rather than a function of the program. */
  builtin: boolean;
  /** The built-in the body computes, when it is one written out (`1/(1+exp(-z))` is sigmoid). */
  like?: Composite;
  /** The name a statement gives the call's value (`q` in `q = sig(x)`), if any. */
  label?: string;
}

/** One node of the operation graph, as an object: the readable view of a row of the graph's columns. */
export interface GraphNode {
  id: number;
  op: OpName;
  /** Ids of the argument nodes, in argument order. A variable used twice appears twice. */
  inputs: number[];
  /** Input name, or the name of a named intermediate (`q` in `q = x + y`). */
  label?: string;
  /** Function name as typed (`ln` vs `log`), for display. */
  fn?: string;
  /** For constants: the value. */
  constant?: number;
  /** Text of a constant as typed (`2.5`, `pi`). */
  text?: string;
  /** Span of the source text this node computes. */
  start: number;
  end: number;
}

/** An edge carries the value of `source` into argument `slot` of `target`. */
export interface GraphEdge {
  id: number;
  source: number;
  target: number;
  slot: number;
}

export interface InputDecl {
  name: string;
  node: number;
  /** Value written in the text (`x = -2`), if any, and the span of that literal (`-2`). */
  declared?: number;
  valueStart?: number;
  valueEnd?: number;
  /** Span of the declaration or of the first use. */
  start: number;
  end: number;
}

/**
 * The graph's data as parallel columns (struct of arrays). Node ids are dense and already a topological
 * order (every node's arguments have smaller ids). Edges are numbered by consumer, then by slot: the edge
 * into slot s of node n is firstEdge[n] + s, and node n's edges are firstEdge[n] .. firstEdge[n + 1] − 1.
 */
export interface GraphData {
  /** Number of nodes. */
  size: number;
  /** Op code of each node: ALL_OPS[op[n]] is its op. */
  op: Uint8Array;
  /** Span of the source text each node computes. */
  start: Int32Array;
  end: Int32Array;
  /** Value of each constant node (0 for the others). */
  constant: Float64Array;
  /** size + 1 entries: the last is the number of edges. */
  firstEdge: Int32Array;
  /** The node each edge comes from (the argument), and the gate it goes into. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Edges leaving node n are outList[outStart[n] .. outStart[n + 1] − 1], in order of the consumers' ids. */
  outStart: Int32Array;
  outList: Int32Array;
  /**
   * By node id (sparse): input names and names of named intermediates; function names as typed (`ln`);
   * constants' text (`-2.5`, `pi`). Undefined where a node has none.
   */
  label: readonly (string | undefined)[];
  fn: readonly (string | undefined)[];
  text: readonly (string | undefined)[];
  inputs: InputDecl[];
  output: number;
  /**
   * A program whose last line is a vector: its elements y[0], y[1], …; `output` is then the one element
   * whose gradient this graph's analysis is about (one row of the Jacobian).
   */
  outputs?: number[];
  /** Non-fatal remarks: a statement whose value is never used, for instance. */
  warnings: GradflowError[];
  /**
   * Structural hash of each node (from its op and its inputs' hashes; a name for inputs and named
   * intermediates): the same sub-expression hashes the same after an edit. `nodeKeys` turns these into
   * the stable keys the view needs.
   */
  hashes: Uint32Array;
  /** The calls, outermost first within each range (see Group); empty when the program calls none. */
  groups?: Group[];
  /**
   * By node id (sparse): the key of the call a node stands for, for a gate the view can expand: a
   * collapsed call, or a built-in composite (sigmoid, tanh) not expanded.
   */
  callKey?: readonly (string | undefined)[] | (() => readonly (string | undefined)[]);
  /** By edge id: the local derivative of a collapsed call's edge (NaN for other edges); absent if none. */
  callLocal?: Float64Array;
  /** By node id (sparse), for a collapsed call: what each of its inputs is called inside, and what it computes. */
  calls?: readonly (CallInfo | undefined)[];
  /** The tensor operations, in the order they were built; empty for a program of numbers only. */
  tensors?: TensorOp[];
}

/**
 * A tensor operation (`W @ x`, `relu(v)`, `sum(v)`, a literal `[a, b]`), lowered onto scalar gates: the
 * scalar nodes it made are [first, last] (empty for a transpose or an index, which make none), and its
 * value is `outputs`, one node per element in row-major order, of shape `shape` ([] for a number).
 */
export interface TensorOp {
  op: TensorOpName;
  /** For an elementwise op, the scalar op it applies (`relu`, `add`). */
  scalar?: OpName;
  shape: number[];
  first: number;
  last: number;
  outputs: number[];
  /** The tensor operands, by their output nodes and shapes. */
  operands: { shape: number[]; nodes: number[] }[];
  start: number;
  end: number;
  /** The name a statement gives the value (`h` in `h = relu(W @ x)`), if any. */
  label?: string;
}

/** A collapsed call's inputs as its body names them: its parameters (the program's names it reads after them keep their own). */
export interface CallInfo {
  params: string[];
  like?: Composite;
}

/**
 * The operation graph. The engine's passes read the columns; `nodes`, `edges` and `outEdges` are object
 * views for the interface and the tests, built on first use (a 100,000-node graph never needs them).
 */
export class Graph implements GraphData {
  readonly size: number;
  readonly op: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly constant: Float64Array;
  readonly firstEdge: Int32Array;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  readonly label: readonly (string | undefined)[];
  readonly fn: readonly (string | undefined)[];
  readonly text: readonly (string | undefined)[];
  readonly inputs: InputDecl[];
  readonly output: number;
  readonly outputs: number[] | undefined;
  readonly warnings: GradflowError[];
  readonly hashes: Uint32Array;
  readonly groups: Group[];
  private keys: readonly (string | undefined)[] | (() => readonly (string | undefined)[]);
  readonly callLocal: Float64Array | undefined;
  readonly calls: readonly (CallInfo | undefined)[];
  readonly tensors: TensorOp[];
  private nodeView: GraphNode[] | undefined;
  private edgeView: GraphEdge[] | undefined;
  private outView: number[][] | undefined;

  constructor(d: GraphData) {
    this.size = d.size;
    this.op = d.op;
    this.start = d.start;
    this.end = d.end;
    this.constant = d.constant;
    this.firstEdge = d.firstEdge;
    this.edgeSource = d.edgeSource;
    this.edgeTarget = d.edgeTarget;
    this.outStart = d.outStart;
    this.outList = d.outList;
    this.label = d.label;
    this.fn = d.fn;
    this.text = d.text;
    this.inputs = d.inputs;
    this.output = d.output;
    this.outputs = d.outputs;
    this.warnings = d.warnings;
    this.hashes = d.hashes;
    this.groups = d.groups ?? [];
    this.keys = d.callKey ?? [];
    this.callLocal = d.callLocal;
    this.calls = d.calls ?? [];
    this.tensors = d.tensors ?? [];
  }

  /** The same graph about another of its outputs: element `output` of its vector output. */
  retarget(output: number): Graph {
    return new Graph({ ...this, callKey: this.keys, output });
  }

  /** Every output: the elements of a vector output, else the one. */
  get allOutputs(): number[] {
    return this.outputs ?? [this.output];
  }

  /** See GraphData.callKey; made on first use where the builder left it to be made. */
  get callKey(): readonly (string | undefined)[] {
    if (typeof this.keys === 'function') this.keys = this.keys();
    return this.keys;
  }

  get edgeCount(): number {
    return this.firstEdge[this.size] as number;
  }

  /** The op's name of node n. */
  opName(n: number): OpName {
    return (ALL_OPS[this.op[n] as number] as { name: OpName }).name;
  }

  /** Number of arguments of node n (0 for inputs and constants). */
  arity(n: number): number {
    return (this.firstEdge[n + 1] as number) - (this.firstEdge[n] as number);
  }

  /** The node in argument `slot` of node n. */
  arg(n: number, slot: number): number {
    return this.edgeSource[(this.firstEdge[n] as number) + slot] as number;
  }

  /** Node n as an object (the cached one once `nodes` has been built); undefined for no such node. */
  node(n: number): GraphNode | undefined {
    if (!(n >= 0 && n < this.size)) return undefined;
    if (this.nodeView) return this.nodeView[n];
    const inputs: number[] = [];
    for (let e = this.firstEdge[n] as number; e < (this.firstEdge[n + 1] as number); e++) {
      inputs.push(this.edgeSource[e] as number);
    }
    return {
      id: n,
      op: this.opName(n),
      inputs,
      label: this.label[n],
      fn: this.fn[n],
      constant: this.op[n] === CONST_CODE ? this.constant[n] : undefined,
      text: this.text[n],
      start: this.start[n] as number,
      end: this.end[n] as number,
    };
  }

  get nodes(): readonly GraphNode[] {
    if (!this.nodeView) {
      const view: GraphNode[] = [];
      for (let n = 0; n < this.size; n++) view.push(this.node(n) as GraphNode);
      this.nodeView = view;
    }
    return this.nodeView;
  }

  get edges(): readonly GraphEdge[] {
    if (!this.edgeView) {
      const view: GraphEdge[] = [];
      for (let id = 0; id < this.edgeCount; id++) {
        const target = this.edgeTarget[id] as number;
        view.push({
          id,
          source: this.edgeSource[id] as number,
          target,
          slot: id - (this.firstEdge[target] as number),
        });
      }
      this.edgeView = view;
    }
    return this.edgeView;
  }

  /** Edge ids leaving each node, in order of the consumers' ids. */
  get outEdges(): readonly (readonly number[])[] {
    if (!this.outView) {
      const view: number[][] = [];
      for (let n = 0; n < this.size; n++) {
        view.push(Array.from(this.outList.subarray(this.outStart[n], this.outStart[n + 1])));
      }
      this.outView = view;
    }
    return this.outView;
  }
}
