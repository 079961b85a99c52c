import type { Expr, Program } from './ast';
import { type GradflowError, syntaxError, where } from './errors';
import type { OpName } from './ops/types';
import { reachesOutput } from './reach';

/** One node of the operation graph. Ids are dense and already in topological order (inputs first). */
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

export interface Graph {
  nodes: GraphNode[];
  /** Grouped by target in id order, then by slot: the edge into slot s of node n is edgeOf[n] + s. */
  edges: GraphEdge[];
  /** Index of each node's first incoming edge. */
  firstEdge: Int32Array;
  /** Edge ids leaving each node, in order of the consumers' ids. */
  outEdges: number[][];
  inputs: InputDecl[];
  output: number;
  /** Non-fatal remarks: a statement whose value is never used, for instance. */
  warnings: GradflowError[];
  /**
   * Structural hash of each node (from its op and its inputs' hashes; a name for inputs and named
   * intermediates): the same sub-expression hashes the same after an edit. `nodeKeys` turns these into
   * the stable keys the view needs.
   */
  hashes: Uint32Array;
}

export type BuildResult = { ok: true; graph: Graph } | { ok: false; error: GradflowError };

/** Mixes a 32-bit hash with one more value (FNV-1a style), to give sub-expressions short stable keys. */
function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x01000193) >>> 0;
}
function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

/** Every node is created with the same fields in the same order, so the engine's loops stay fast. */
function makeNode(id: number, op: OpName, inputs: number[], start: number, end: number): GraphNode {
  return {
    id,
    op,
    inputs,
    label: undefined,
    fn: undefined,
    constant: undefined,
    text: undefined,
    start,
    end,
  };
}

/** Turns a parsed program into a DAG: one node per variable, one per operation, one per literal. */
export function buildGraph(program: Program, source: string): BuildResult {
  const nodes: GraphNode[] = [];
  const inputs: InputDecl[] = [];
  const defined = new Map<string, number>(); // names bound so far → node id
  const definedAt = new Map<string, number>(); // assigned names → offset of their statement
  const hashes: number[] = []; // structural hash of each node, from its op and its inputs' hashes
  const warnings: GradflowError[] = [];

  for (const s of program.statements) {
    if (s.kind !== 'assign') continue;
    const first = definedAt.get(s.name);
    if (first !== undefined) {
      return fail(
        `"${s.name}" is already defined (at ${where(source, first)})`,
        s.nameStart,
        s.nameEnd,
        'Give the new value its own name.',
      );
    }
    definedAt.set(s.name, s.start);
  }

  const add = (op: OpName, inputs: number[], start: number, end: number, h: number): GraphNode => {
    const node = makeNode(nodes.length, op, inputs, start, end);
    nodes.push(node);
    hashes.push(h);
    return node;
  };
  const newInput = (
    name: string,
    start: number,
    end: number,
    value?: Extract<Expr, { kind: 'number' | 'constant' }>,
  ): number => {
    const node = add('input', [], start, end, hashString(name));
    node.label = name;
    inputs.push(
      value === undefined
        ? { name, node: node.id, start, end }
        : {
            name,
            node: node.id,
            start,
            end,
            declared: value.value,
            valueStart: value.start,
            valueEnd: value.end,
          },
    );
    defined.set(name, node.id);
    return node.id;
  };

  let current = ''; // name being assigned by the statement being built
  function leaf(e: Exclude<Expr, { kind: 'op' }>): number | GradflowError {
    if (e.kind === 'number' || e.kind === 'constant') {
      const text = e.kind === 'number' ? e.text : e.name;
      const node = add('const', [], e.start, e.end, hashString(text, 7));
      node.constant = e.value;
      node.text = text;
      return node.id;
    }
    const bound = defined.get(e.name);
    if (bound !== undefined) return bound;
    if (e.name === current)
      return syntaxError(
        `"${e.name}" is used in its own definition`,
        e.start,
        e.end,
        'Use a new name on the left of "=".',
      );
    const later = definedAt.get(e.name);
    if (later !== undefined) {
      return syntaxError(
        `"${e.name}" is used before it is defined`,
        e.start,
        e.end,
        `It is defined further on, at ${where(source, later)}; move that definition up.`,
      );
    }
    return newInput(e.name, e.start, e.end);
  }

  /** Post-order walk with an explicit stack: left-associated chains can be 100,000 deep. */
  function build(root: Expr): number | GradflowError {
    const work: Expr[] = [root];
    const expanded: boolean[] = [false];
    const results: number[] = [];
    while (work.length > 0) {
      const top = work.length - 1;
      const e = work[top] as Expr;
      if (e.kind !== 'op') {
        const id = leaf(e);
        if (typeof id !== 'number') return id;
        results.push(id);
        work.pop();
        expanded.pop();
      } else if (!expanded[top]) {
        expanded[top] = true;
        for (let k = e.args.length - 1; k >= 0; k--) {
          work.push(e.args[k] as Expr);
          expanded.push(false);
        }
      } else {
        work.pop();
        expanded.pop();
        const args = results.splice(results.length - e.args.length);
        let h = hashString(e.fn ?? e.op);
        for (const a of args) h = mix(h, hashes[a] as number);
        const node = add(e.op, args, e.start, e.end, h);
        node.fn = e.fn;
        results.push(node.id);
      }
    }
    return results[0] as number;
  }

  let output = -1;
  const statementNodes: { node: number; start: number; end: number; name?: string }[] = [];
  for (const s of program.statements) {
    current = s.kind === 'assign' ? s.name : '';
    if (s.kind === 'assign' && (s.expr.kind === 'number' || s.expr.kind === 'constant')) {
      // `x = -2` declares an input with a starting value.
      output = newInput(s.name, s.start, s.end, s.expr);
      statementNodes.push({ node: output, start: s.start, end: s.end, name: s.name });
      continue;
    }
    const id = build(s.expr);
    if (typeof id !== 'number') return { ok: false, error: id };
    if (s.kind === 'assign') {
      const node = nodes[id] as GraphNode;
      if (node.op !== 'input' && node.label === undefined) {
        node.label = s.name;
        hashes[id] = hashString(s.name, 11); // consumers of q keep their keys when q's formula changes
      }
      defined.set(s.name, id);
    }
    output = id;
    statementNodes.push(
      s.kind === 'assign'
        ? { node: id, start: s.start, end: s.end, name: s.name }
        : { node: id, start: s.start, end: s.end },
    );
  }

  const last = program.statements[program.statements.length - 1];
  if (
    last?.kind === 'assign' &&
    nodes[output]?.op === 'input' &&
    (last.expr.kind === 'number' || last.expr.kind === 'constant')
  ) {
    return fail(
      `The last line is the output, but it only sets ${last.name} = ${source.slice(last.expr.start, last.expr.end)}`,
      last.start,
      last.end,
      `Add a last line that computes something, e.g. f = ${last.name} * 2.`,
    );
  }

  const { edges, firstEdge, outEdges } = wire(nodes);
  const live = reachesOutput(nodes, output);
  for (const st of statementNodes.slice(0, -1)) {
    if (!live[st.node]) {
      warnings.push({
        message: st.name
          ? `"${st.name}" is not used by the output`
          : 'The value of this line is not used (only the last line is the output)',
        start: st.start,
        end: st.end,
        phase: 'syntax',
      });
    }
  }
  return {
    ok: true,
    graph: { nodes, edges, firstEdge, outEdges, inputs, output, warnings, hashes: Uint32Array.from(hashes) },
  };
}

function fail(message: string, start: number, end: number, hint?: string): BuildResult {
  return { ok: false, error: syntaxError(message, start, end, hint) };
}

function wire(nodes: GraphNode[]) {
  const edges: GraphEdge[] = [];
  const firstEdge = new Int32Array(nodes.length);
  const outEdges: number[][] = nodes.map(() => []);
  for (const n of nodes) {
    firstEdge[n.id] = edges.length;
    n.inputs.forEach((source, slot) => {
      const id = edges.length;
      edges.push({ id, source, target: n.id, slot });
      (outEdges[source] as number[]).push(id);
    });
  }
  return { edges, firstEdge, outEdges };
}
