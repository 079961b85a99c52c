import type { AnalysisOk } from '../analyze';
import type { BackwardStep } from '../steps';
import type { TensorLevel, TensorNode } from './level';
import { ownNodes, tensorKeys } from './openable';

/*
 * The tensor level as it is drawn and replayed: one node per tensor operation, except the ones the
 * student opened up, which are drawn in place as their scalar gates. The backward replay follows:
 * tensor steps (vector-Jacobian products) between tensor nodes, the scalar steps themselves inside an
 * opened operation, and one step per element where an opened operation's outputs feed a tensor node.
 * Every number is read from the one scalar analysis, so the opened and closed pictures agree exactly.
 */

/**
 * A node as drawn: a tensor-level node (its fields as there; `inputs` are drawn ids), or a scalar gate of
 * an opened operation (shape [], one output).
 */
export interface DrawnNode extends TensorNode {
  /** Stable across edits: layout hints, React keys, and `tensor:<key>` in the opened set. */
  key: string;
  /** The tensor-level node this is (or, for a scalar gate of an opened operation, is part of). */
  tensor: number;
  /** True for the scalar gates of an opened operation. */
  opened: boolean;
  /** The operation can be opened into its scalar gates (small enough, and computing its own nodes). */
  openable: boolean;
}

export interface DrawnEdge {
  id: number;
  source: number;
  target: number;
  slot: number;
  /** The element of the source it carries (`[1]`, `[0, 2]`), when it carries one element of a tensor. */
  element?: number;
}

/** One backward step as replayed: an edge, and numbers of the shapes of its two ends. */
export interface DrawnStep {
  edge: number;
  source: number;
  target: number;
  slot: number;
  /** ∂L/∂target, of the target's shape. */
  upstream: number[];
  /** What the step adds to ∂L/∂source, of the source's shape. */
  contribution: number[];
  /** For a scalar step (inside an opened operation): the scalar analysis's own step. */
  scalar?: BackwardStep;
}

export interface Drawn {
  level: TensorLevel;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  outEdges: number[][];
  output: number;
  steps: DrawnStep[];
  /** Gates computed in the forward pass, in order. */
  forward: number[];
  value(id: number): number[];
  grad(id: number): number[];
}

export function drawnLevel(a: AnalysisOk, level: TensorLevel, open: ReadonlySet<string> = new Set()): Drawn {
  const g = a.graph;
  const keys = tensorKeys(level);
  const nodes: DrawnNode[] = [];
  /** Tensor node → its drawn node (−1 when opened). */
  const drawnOf = new Int32Array(level.nodes.length).fill(-1);
  /** Scalar node → its drawn scalar gate, inside an opened operation. */
  const scalarGate = new Map<number, number>();
  const ranges = level.nodes.map((n) => ownNodes(a, level, n));
  // Only what the output uses is drawn (a second `s[2]` reads the same element as the first).
  const live = new Uint8Array(level.nodes.length);
  live[level.output] = 1;
  for (let id = level.output; id >= 0; id--)
    if (live[id]) for (const s of (level.nodes[id] as TensorNode).inputs) live[s] = 1;
  for (const n of level.nodes) {
    if (!live[n.id]) continue;
    const range = ranges[n.id];
    const key = keys[n.id] as string;
    if (range && open.has(`tensor:${key}`)) {
      const [first, last] = range;
      for (let v = first; v <= last; v++) {
        const id = nodes.length;
        scalarGate.set(v, id);
        const leaf = g.arity(v) === 0;
        const node: DrawnNode = {
          id,
          key: `${key}/${v - first}`,
          kind: leaf ? 'input' : 'scalar',
          shape: [],
          outputs: [v],
          inputs: [],
          start: g.start[v] as number,
          end: g.end[v] as number,
          tensor: n.id,
          opened: true,
          openable: false,
        };
        if (!leaf) node.scalar = g.opName(v);
        else if (g.opName(v) === 'const') node.constant = g.node(v)?.text ?? String(a.values[v]);
        nodes.push(node);
      }
      continue;
    }
    drawnOf[n.id] = nodes.length;
    const node: DrawnNode = {
      id: nodes.length,
      key,
      kind: n.kind,
      shape: n.shape,
      outputs: n.outputs,
      inputs: [],
      start: n.start,
      end: n.end,
      tensor: n.id,
      opened: false,
      openable: range !== null,
    };
    if (n.op) node.op = n.op;
    if (n.scalar) node.scalar = n.scalar;
    if (n.label !== undefined) node.label = n.label;
    if (n.constant !== undefined) node.constant = n.constant;
    nodes.push(node);
  }
  const edges: DrawnEdge[] = [];
  const addEdge = (source: number, target: number, slot: number, element?: number) => {
    const e: DrawnEdge = { id: edges.length, source, target, slot };
    if (element !== undefined) e.element = element;
    edges.push(e);
    (nodes[target] as DrawnNode).inputs.push(source);
    return e.id;
  };
  /** The drawn node a scalar value comes from, as an operand of tensor node `t`: an opened gate, or an operand. */
  const fromScalar = (t: TensorNode, v: number, slot: number): { node: number; element?: number } => {
    const gate = scalarGate.get(v);
    if (gate !== undefined && (nodes[gate] as DrawnNode).tensor === t.id) return { node: gate };
    // From an operand: the closed one itself (carrying element p), or an opened one's gate. The scalar
    // gates of an elementwise operation and the products of a matmul take operand k in slot k (which
    // matters when two operands hold the same number: v * v).
    const k = Math.min(slot, t.inputs.length - 1);
    const order = [t.inputs[k] as number, ...t.inputs.filter((_, i) => i !== k)];
    for (const s of order) {
      const src = level.nodes[s] as TensorNode;
      const p = src.outputs.indexOf(v);
      if (p < 0) continue;
      const d = drawnOf[s] as number;
      if (d < 0) return { node: scalarGate.get(v) as number };
      return src.outputs.length > 1 ? { node: d, element: p } : { node: d };
    }
    throw new Error(`scalar node ${v} is not an operand of tensor node ${t.id}`);
  };
  // Edges: into a closed node, one per operand (an opened operand: one per element); into an opened
  // operation's gates, the scalar edges.
  const tensorEdge = new Map<string, number>();
  const scalarEdge = new Map<number, number>();
  for (const n of level.nodes) {
    if (!live[n.id]) continue;
    const d = drawnOf[n.id] as number;
    if (d >= 0) {
      n.inputs.forEach((s, k) => {
        const sd = drawnOf[s] as number;
        if (sd >= 0) tensorEdge.set(`${n.id}:${k}`, addEdge(sd, d, k));
        else
          (level.nodes[s] as TensorNode).outputs.forEach((v, p) => {
            tensorEdge.set(`${n.id}:${k}:${p}`, addEdge(scalarGate.get(v) as number, d, k));
          });
      });
      continue;
    }
    const [first, last] = ranges[n.id] as [number, number];
    for (let v = first; v <= last; v++)
      for (let e = g.firstEdge[v] as number; e < (g.firstEdge[v + 1] as number); e++) {
        const from = fromScalar(n, g.edgeSource[e] as number, e - (g.firstEdge[v] as number));
        scalarEdge.set(
          e,
          addEdge(from.node, scalarGate.get(v) as number, e - (g.firstEdge[v] as number), from.element),
        );
      }
  }
  const outEdges = nodes.map((): number[] => []);
  for (const e of edges) (outEdges[e.source] as number[]).push(e.id);

  // The replay: tensor steps in order; an opened operation's scalar steps where its first tensor step was.
  const steps: DrawnStep[] = [];
  const replayed = new Set<number>();
  const shapeOf = (id: number) => (nodes[id] as DrawnNode).outputs.length;
  for (const st of level.steps) {
    if (!live[st.target]) continue;
    const target = drawnOf[st.target] as number;
    const source = drawnOf[st.source] as number;
    if (target < 0) {
      if (replayed.has(st.target)) continue;
      replayed.add(st.target);
      const [first, last] = ranges[st.target] as [number, number];
      for (const s of a.steps) {
        if (s.target < first || s.target > last) continue;
        const edge = scalarEdge.get(s.edge) as number;
        const e = edges[edge] as DrawnEdge;
        const contribution = new Array<number>(shapeOf(e.source)).fill(0);
        contribution[e.element ?? 0] = s.contribution;
        steps.push({
          edge,
          source: e.source,
          target: e.target,
          slot: e.slot,
          upstream: [s.upstream],
          contribution,
          scalar: s,
        });
      }
    } else if (source < 0) {
      // An opened operand: each of its elements receives its share of the product.
      st.contribution.forEach((c, p) => {
        const edge = tensorEdge.get(`${st.target}:${st.slot}:${p}`) as number;
        const e = edges[edge] as DrawnEdge;
        steps.push({
          edge,
          source: e.source,
          target,
          slot: st.slot,
          upstream: st.upstream,
          contribution: [c],
        });
      });
    } else {
      const edge = tensorEdge.get(`${st.target}:${st.slot}`) as number;
      steps.push({
        edge,
        source,
        target,
        slot: st.slot,
        upstream: st.upstream,
        contribution: st.contribution,
      });
    }
  }
  const output =
    (drawnOf[level.output] as number) >= 0
      ? (drawnOf[level.output] as number)
      : (scalarGate.get(g.output) as number);
  const forward = nodes.filter((n) => n.kind !== 'input').map((n) => n.id);
  return {
    level,
    nodes,
    edges,
    outEdges,
    output,
    steps,
    forward,
    value: (id) => (nodes[id] as DrawnNode).outputs.map((v) => a.values[v] as number),
    // A closed node's gradient is the tensor level's (a view such as `[x]` has only its own share of x's).
    grad: (id) => {
      const n = nodes[id] as DrawnNode;
      return n.opened ? [a.grads[n.outputs[0] as number] as number] : level.grad(n.tensor);
    },
  };
}
