import { E_CONSTANT, E_NAME, E_NUMBER, type Program } from './ast';
import { type GradflowError, ParseFailure, syntaxError, where } from './errors';
import { Graph, type InputDecl } from './graph';
import { hashString, mix } from './hash';
import { ALL_OPS, CONST_CODE, INPUT_CODE } from './ops/table';
import { reachesOutput } from './reach';

export type BuildResult = { ok: true; graph: Graph } | { ok: false; error: GradflowError };

/*
 * Structural hashes (see Graph.hashes). A name's hash comes from the lexer's symbol table; seeds keep the
 * kinds apart: an input `x`, a constant and a named intermediate `x` hash differently.
 */
const OP_HASH = ALL_OPS.map((o) => hashString(o.name));
const CONST_SEED = 7;
const LABEL_SEED = 11;

/**
 * Turns a parsed program into a DAG: one node per variable, one per operation, one per literal. It walks
 * each statement's AST rows in post-order (arguments before the gate that uses them), so one forward loop
 * over the rows builds the graph, with node ids already in topological order.
 */
export function buildGraph(program: Program, source: string): BuildResult {
  try {
    return { ok: true, graph: new Builder(program, source).build() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

class Builder {
  private n = 0; // nodes so far
  private e = 0; // edges so far
  private readonly op: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly constant: Float64Array;
  private readonly hashes: Uint32Array;
  private readonly firstEdge: Int32Array;
  private readonly edgeSource: Int32Array;
  private readonly edgeTarget: Int32Array;
  /** Sparse, by node id: only inputs, named intermediates, calls and constants have an entry. */
  private readonly label: (string | undefined)[];
  private readonly fn: (string | undefined)[];
  private readonly text: (string | undefined)[];
  private readonly inputs: InputDecl[] = [];
  /** By symbol: the node a name is bound to so far, and where an assigned name's statement starts (or -1). */
  private readonly defined: Int32Array;
  private readonly definedAt: Int32Array;
  /** Symbol of the name assigned by the statement being built (-1 for a bare expression). */
  private current = -1;

  constructor(
    private readonly program: Program,
    private readonly source: string,
  ) {
    // Every AST row makes at most one node (repeated names make none), and every argument one edge.
    const rows = program.exprs.count;
    const args = program.exprs.argsCount;
    this.op = new Uint8Array(rows);
    this.start = new Int32Array(rows);
    this.end = new Int32Array(rows);
    this.constant = new Float64Array(rows);
    this.hashes = new Uint32Array(rows);
    this.firstEdge = new Int32Array(rows + 1);
    this.edgeSource = new Int32Array(args);
    this.edgeTarget = new Int32Array(args);
    this.label = new Array(rows);
    this.fn = new Array(rows);
    this.text = new Array(rows);
    this.defined = new Int32Array(program.names.length).fill(-1);
    this.definedAt = new Int32Array(program.names.length).fill(-1);
  }

  private fail(message: string, start: number, end: number, hint?: string): never {
    throw new ParseFailure(syntaxError(message, start, end, hint));
  }

  private add(code: number, start: number, end: number, hash: number): number {
    const id = this.n++;
    this.op[id] = code;
    this.start[id] = start;
    this.end[id] = end;
    this.hashes[id] = hash;
    this.firstEdge[id] = this.e;
    return id;
  }

  private newInput(sym: number, start: number, end: number, row = -1): number {
    const name = this.program.names[sym] as string;
    const id = this.add(INPUT_CODE, start, end, this.program.nameHashes[sym] as number);
    this.label[id] = name;
    const x = this.program.exprs;
    this.inputs.push(
      row < 0
        ? { name, node: id, start, end }
        : {
            name,
            node: id,
            start,
            end,
            declared: this.program.value(row),
            valueStart: x.start[row] as number,
            valueEnd: x.end[row] as number,
          },
    );
    this.defined[sym] = id;
    return id;
  }

  /** The node a name refers to: an earlier definition, or a new input. */
  private resolve(sym: number, start: number, end: number): number {
    const bound = this.defined[sym] as number;
    if (bound >= 0) return bound;
    const name = this.program.names[sym] as string;
    if (sym === this.current)
      this.fail(`"${name}" is used in its own definition`, start, end, 'Use a new name on the left of "=".');
    const later = this.definedAt[sym] as number;
    if (later >= 0) {
      this.fail(
        `"${name}" is used before it is defined`,
        start,
        end,
        `It is defined further on, at ${where(this.source, later)}; move that definition up.`,
      );
    }
    return this.newInput(sym, start, end);
  }

  /** Adds the nodes of AST rows first..root (one subtree, in post-order); returns the root's node. */
  private expression(first: number, root: number, nodeOf: Int32Array): number {
    const x = this.program.exprs;
    const { names, nameHashes } = this.program;
    for (let r = first; r <= root; r++) {
      const kind = x.kind[r];
      const start = x.start[r] as number;
      const end = x.end[r] as number;
      const sym = x.sym[r] as number;
      if (kind === E_NUMBER || kind === E_CONSTANT) {
        const text = kind === E_NUMBER ? this.program.numberText(r) : (names[sym] as string);
        // The literal's hash, and the minus signs folded into it (−2 is not 2).
        const h = mix(mix(nameHashes[sym] as number, CONST_SEED), x.neg[r] as number);
        const id = this.add(CONST_CODE, start, end, h);
        this.constant[id] = this.program.value(r);
        this.text[id] = text;
        nodeOf[r] = id;
      } else if (kind === E_NAME) {
        nodeOf[r] = this.resolve(sym, start, end);
      } else {
        const code = x.op[r] as number;
        // A call hashes by the function name as typed (ln vs log), an operator by its op.
        let h = sym < 0 ? (OP_HASH[code] as number) : (nameHashes[sym] as number);
        const a = x.firstArg[r] as number;
        const count = (x.firstArg[r + 1] as number) - a;
        for (let k = 0; k < count; k++)
          h = mix(h, this.hashes[nodeOf[x.args[a + k] as number] as number] as number);
        const id = this.add(code, start, end, h);
        if (sym >= 0) this.fn[id] = names[sym];
        for (let k = 0; k < count; k++) {
          this.edgeSource[this.e] = nodeOf[x.args[a + k] as number] as number;
          this.edgeTarget[this.e] = id;
          this.e++;
        }
        nodeOf[r] = id;
      }
    }
    return nodeOf[root] as number;
  }

  build(): Graph {
    const p = this.program;
    const st = p.stmts;
    const x = p.exprs;
    for (let s = 0; s < p.length; s++) {
      const sym = st.name[s] as number;
      if (sym < 0) continue;
      const first = this.definedAt[sym] as number;
      if (first >= 0) {
        const at = st.nameStart[s] as number;
        this.fail(
          `"${p.names[sym]}" is already defined (at ${where(this.source, first)})`,
          at,
          at + (p.names[sym] as string).length,
          'Give the new value its own name.',
        );
      }
      this.definedAt[sym] = st.start[s] as number;
    }

    const nodeOf = new Int32Array(x.count);
    const statementNode = new Int32Array(p.length);
    let output = -1;
    let declaresOnly = false; // the last statement only declares an input (`x = 3`)
    for (let s = 0; s < p.length; s++) {
      const sym = st.name[s] as number;
      this.current = sym;
      const root = st.root[s] as number;
      const kind = x.kind[root];
      declaresOnly = sym >= 0 && (kind === E_NUMBER || kind === E_CONSTANT);
      if (declaresOnly) {
        // `x = -2` declares an input with a starting value.
        output = this.newInput(sym, st.start[s] as number, st.end[s] as number, root);
      } else {
        output = this.expression(st.first[s] as number, root, nodeOf);
        if (sym >= 0) {
          const name = p.names[sym] as string;
          if (this.op[output] !== INPUT_CODE && this.label[output] === undefined) {
            this.label[output] = name;
            // Consumers of q keep their keys when q's formula changes.
            this.hashes[output] = mix(p.nameHashes[sym] as number, LABEL_SEED);
          }
          this.defined[sym] = output;
        }
      }
      statementNode[s] = output;
    }

    const last = p.length - 1;
    if (declaresOnly) {
      const root = st.root[last] as number;
      this.fail(
        `The last line is the output, but it only sets ${p.nameOf(last)} = ${this.source.slice(x.start[root], x.end[root])}`,
        st.start[last] as number,
        st.end[last] as number,
        `Add a last line that computes something, e.g. f = ${p.nameOf(last)} * 2.`,
      );
    }
    return this.finish(output, statementNode);
  }

  /** Trims the columns, indexes the out-edges and notes statements the output does not use. */
  private finish(output: number, statementNode: Int32Array): Graph {
    const size = this.n;
    const edges = this.e;
    this.firstEdge[size] = edges;
    const wiring = {
      size,
      op: this.op.subarray(0, size),
      firstEdge: this.firstEdge.subarray(0, size + 1),
      edgeSource: this.edgeSource.subarray(0, edges),
    };
    // Out-edges by a counting sort on the source: edges are numbered by consumer, so each node's list
    // comes out in order of the consumers' ids.
    const outStart = new Int32Array(size + 1);
    for (let e = 0; e < edges; e++) {
      const k = (wiring.edgeSource[e] as number) + 1;
      outStart[k] = (outStart[k] as number) + 1;
    }
    for (let n = 0; n < size; n++) outStart[n + 1] = (outStart[n + 1] as number) + (outStart[n] as number);
    const fill = outStart.slice(0, size);
    const outList = new Int32Array(edges);
    for (let e = 0; e < edges; e++) {
      const from = wiring.edgeSource[e] as number;
      const at = fill[from] as number;
      outList[at] = e;
      fill[from] = at + 1;
    }

    const warnings: GradflowError[] = [];
    const live = reachesOutput(wiring, output);
    const st = this.program.stmts;
    for (let s = 0; s < statementNode.length - 1; s++) {
      if (live[statementNode[s] as number]) continue;
      const name = this.program.nameOf(s);
      warnings.push({
        message: name
          ? `"${name}" is not used by the output`
          : 'The value of this line is not used (only the last line is the output)',
        start: st.start[s] as number,
        end: st.end[s] as number,
        phase: 'syntax',
      });
    }
    return new Graph({
      ...wiring,
      start: this.start.subarray(0, size),
      end: this.end.subarray(0, size),
      constant: this.constant.subarray(0, size),
      edgeTarget: this.edgeTarget.subarray(0, edges),
      outStart,
      outList,
      label: this.label,
      fn: this.fn,
      text: this.text,
      inputs: this.inputs,
      output,
      warnings,
      hashes: this.hashes.subarray(0, size),
    });
  }
}
