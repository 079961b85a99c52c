import type { AnalysisOk } from '../analyze';
import type { TensorOpName } from '../ops/tensor';
import type { OpName } from '../ops/types';

/*
 * The program at the level the lecture draws it: one node per tensor operation (W @ x, relu(v), sum),
 * per tensor input and per scalar gate outside them, with shapes. Values and gradients are read from
 * the scalar analysis (a tensor's gradient is its elements'); each edge's vector-Jacobian product is
 * the sum of the scalar backward steps it stands for, so the tensor level and the scalar expansion
 * agree exactly, by construction.
 */

export interface TensorNode {
  id: number;
  /** An input (a declared tensor, or a scalar input), a tensor operation, or a scalar gate. */
  kind: 'input' | 'op' | 'scalar';
  op?: TensorOpName;
  /** The scalar op of an elementwise operation or of a scalar gate. */
  scalar?: OpName;
  label?: string;
  /** A constant: its text as written (`2`). */
  constant?: string;
  shape: number[];
  /** The scalar nodes holding its value, row-major. */
  outputs: number[];
  /** Its operands' tensor nodes, in order. */
  inputs: number[];
  start: number;
  end: number;
}

/** One backward step at tensor level: the gradient operand `slot` of `target` receives through it. */
export interface TensorStep {
  source: number;
  target: number;
  slot: number;
  /** ∂L/∂target, of the target's shape. */
  upstream: number[];
  /** What this edge adds to ∂L/∂source, of the source's shape: the vector-Jacobian product. */
  contribution: number[];
}

export interface TensorLevel {
  nodes: TensorNode[];
  /** The node holding the output. */
  output: number;
  /** Steps in replay order: from the output down, one per edge that carries a gradient. */
  steps: TensorStep[];
  /** Each node's value and ∂L/∂node, row-major. */
  value(id: number): number[];
  grad(id: number): number[];
}

/**
 * The tensor-level graph of an analysis whose program uses vectors or matrices (see above); null for a
 * program of numbers only.
 */
export function tensorLevel(a: AnalysisOk): TensorLevel | null {
  const g = a.graph;
  if (g.tensors.length === 0) return null;
  const nodes: TensorNode[] = [];
  /** By scalar node: the tensor node that computes it (its operation, or itself as a scalar gate). */
  const owner = new Int32Array(g.size).fill(-1);
  /** Tensor values by their element arrays (they flow through the builder as the same arrays). */
  const byOutputs = new Map<number[], number>();
  /** A scalar value's latest tensor node: `s[0]`, a reduction, a dot product. */
  const scalarOf = new Map<number, number>();
  const add = (n: Omit<TensorNode, 'id'>): number => {
    const id = nodes.length;
    nodes.push({ ...n, id });
    return id;
  };
  const producer = (shape: number[], elements: number[]): number => {
    const known = byOutputs.get(elements);
    if (known !== undefined) return known;
    if (shape.length === 0) {
      const v = elements[0] as number;
      return scalarOf.get(v) ?? scalarNode(v);
    }
    // A tensor no operation made (a function's parameters): packed from its elements' nodes.
    const id = add({
      kind: 'op',
      op: 'list',
      shape,
      outputs: elements,
      inputs: elements.map((v) => producer([], [v])),
      start: 0,
      end: 0,
    });
    byOutputs.set(elements, id);
    return id;
  };
  /** A scalar gate or input outside every tensor operation: its own node, made when first needed. */
  /** Elements of a tensor read one by one (a function's parameter v[0]): an index node picking each. */
  const picks = new Map<number, number>();
  const scalarNode = (v: number): number => {
    const o = owner[v] as number;
    if (o >= 0) {
      const of = nodes[o] as TensorNode;
      if (of.outputs.length === 1) return o;
      const known = picks.get(v);
      if (known !== undefined) return known;
      const id = add({
        kind: 'op',
        op: 'index',
        shape: [],
        outputs: [v],
        inputs: [o],
        start: of.start,
        end: of.end,
      });
      picks.set(v, id);
      return id;
    }
    const args: number[] = [];
    for (let e = g.firstEdge[v] as number; e < (g.firstEdge[v + 1] as number); e++)
      args.push(g.edgeSource[e] as number);
    const inputs = args.map((s) => producer([], [s]));
    const op = g.opName(v);
    const node: Omit<TensorNode, 'id'> = {
      kind: args.length === 0 ? 'input' : 'scalar',
      shape: [],
      outputs: [v],
      inputs,
      start: g.start[v] as number,
      end: g.end[v] as number,
    };
    if (args.length > 0) node.scalar = op;
    // A number in the text (the 2 of `^2`) is shown as written.
    if (op === 'const') node.constant = g.node(v)?.text ?? String(a.values[v]);
    const label = g.label[v];
    if (label !== undefined) node.label = label;
    const id = add(node);
    owner[v] = id;
    return id;
  };
  for (const t of g.tensors) {
    const inputs = t.operands.map((o) => producer(o.shape, o.nodes));
    const isInput = t.op === 'list' && t.operands.length === 0;
    const node: Omit<TensorNode, 'id'> = {
      kind: isInput ? 'input' : 'op',
      op: t.op,
      shape: t.shape,
      outputs: t.outputs,
      inputs,
      start: t.start,
      end: t.end,
    };
    if (t.scalar) node.scalar = t.scalar;
    // A number a statement names (`f = sum(v)`) carries its name on its one scalar node.
    const label = t.label ?? (t.shape.length === 0 ? g.label[t.outputs[0] as number] : undefined);
    if (label !== undefined) node.label = label;
    const id = add(node);
    for (let v = t.first; v <= t.last; v++) owner[v] = id;
    byOutputs.set(t.outputs, id);
    if (t.shape.length === 0) scalarOf.set(t.outputs[0] as number, id);
  }
  // The scalar gates after the last tensor operation (a loss written with numbers).
  const output = scalarOf.get(g.output) ?? producer([], [g.output]);
  const { steps, grads } = vjpSteps(a, nodes, owner, output);
  return {
    nodes,
    output,
    steps,
    value: (id) => (nodes[id] as TensorNode).outputs.map((v) => a.values[v] as number),
    grad: (id) => grads[id] ?? [],
  };
}

/**
 * The vector-Jacobian products, as sums of scalar steps. A scalar step into a node an operation owns
 * comes from one of its operands: the one in its slot (elementwise and the products of @ take operand k
 * in slot k), or the only one. An operation that makes no nodes of its own (a transpose, an index, a
 * literal of existing values) passes the gradient its consumers sent it back to its operand, rearranged.
 */
function vjpSteps(
  a: AnalysisOk,
  nodes: TensorNode[],
  owner: Int32Array,
  output: number,
): { steps: TensorStep[]; grads: number[][] } {
  const g = a.graph;
  // sent[target][slot]: per element of that operand, what the scalar steps into the target carried.
  const sent = nodes.map((n) =>
    n.inputs.map((s) => new Array<number>((nodes[s] as TensorNode).outputs.length).fill(0)),
  );
  // Where each scalar node sits in a tensor node's elements (its first place), made when first asked:
  // an MLP's weight matrix has 12,544 elements, and there is a step per element.
  const places: (Map<number, number> | undefined)[] = [];
  const placeIn = (id: number): Map<number, number> => {
    let m = places[id];
    if (!m) {
      m = new Map();
      const outs = (nodes[id] as TensorNode).outputs;
      for (let p = outs.length - 1; p >= 0; p--) m.set(outs[p] as number, p);
      places[id] = m;
    }
    return m;
  };
  // The steps' columns, read directly: an MLP has tens of thousands of steps.
  const { steps: all } = a;
  for (let q = 0; q < all.length; q++) {
    const target = all.target(q);
    const t = owner[target] as number;
    if (t < 0) continue;
    const node = nodes[t] as TensorNode;
    const source = all.source(q);
    // A step inside the operation (between its own nodes) is not an edge of the tensor graph.
    if (owner[source] === t && !node.inputs.some((s) => placeIn(s).has(source))) continue;
    const k = node.inputs.length === 1 ? 0 : Math.min(all.slot(q), node.inputs.length - 1);
    const p = placeIn(node.inputs[k] as number).get(source) ?? -1;
    const row = sent[t]?.[k];
    if (p >= 0 && row) row[p] = (row[p] as number) + all.contribution(q);
  }
  const grad = (id: number): number[] => {
    const n = nodes[id] as TensorNode;
    if (id === output) return n.outputs.map(() => 1);
    // ∂L/∂n: what every consumer sent it.
    const total = n.outputs.map(() => 0);
    nodes.forEach((c, ci) => {
      c.inputs.forEach((s, k) => {
        if (s !== id) return;
        const row = sent[ci]?.[k] as number[];
        row.forEach((v, p) => {
          total[p] = (total[p] as number) + v;
        });
      });
    });
    return total;
  };
  const steps: TensorStep[] = [];
  const grads: number[][] = [];
  for (let id = nodes.length - 1; id >= 0; id--) {
    const n = nodes[id] as TensorNode;
    const upstream = grad(id);
    grads[id] = upstream;
    if (n.inputs.length === 0) continue;
    const ownsNodes = n.outputs.some((v) => owner[v] === id);
    n.inputs.forEach((s, k) => {
      const src = nodes[s] as TensorNode;
      let contribution = sent[id]?.[k] as number[];
      if (!ownsNodes && n.kind === 'op') {
        // A view makes no nodes: its gradient goes back to where its elements came from. A literal's
        // operand k is its element (or row) k; a transpose or an index moves or picks elements.
        contribution = src.outputs.map(() => 0);
        if (n.op === 'list') {
          const w = src.outputs.length;
          for (let q = 0; q < w; q++) contribution[q] = upstream[k * w + q] as number;
        } else
          n.outputs.forEach((v, p) => {
            const q = placeIn(s).get(v) ?? -1;
            if (q >= 0) contribution[q] = (contribution[q] as number) + (upstream[p] as number);
          });
        (sent[id] as number[][])[k] = contribution;
      }
      if (contribution.some((c) => c !== 0) || src.outputs.some((v) => g.op[v] !== 1))
        steps.push({ source: s, target: id, slot: k, upstream, contribution });
    });
  }
  return { steps, grads };
}
