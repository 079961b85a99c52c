import {
  E_CALL,
  E_CONSTANT,
  E_NAME,
  E_NUMBER,
  E_TENSOR,
  type FunctionDef,
  INDEX_POSITION,
  type Program,
} from './ast';
import { COMPOSITES, expansionOf, likeOf } from './composites';
import { MAX_INLINED_NODES } from './definitions';
import { type GradflowError, ParseFailure, syntaxError, where } from './errors';
import { finishGraph, type StatementUse } from './finish';
import type { Graph, Group } from './graph';
import { hashString, mix } from './hash';
import { CONST_CODE, INPUT_CODE, PARAM_CODE } from './ops/table';
import type { Composite } from './ops/types';
import { COMPOSITE_INDEX, COMPOSITE_OF, capacity, newScope, type Scope } from './scope';
import { LABEL_SEED, TensorWriter } from './tensor/declare';
import { isTensor, shapeText, type Value } from './tensor/lower';
import { elementName } from './tensor/rows';
import { CONST_SEED, OP_HASH } from './writer';

export type BuildResult = { ok: true; graph: Graph } | { ok: false; error: GradflowError };

/*
 * Structural hashes (see Graph.hashes). A name's hash comes from the lexer's symbol table; seeds keep the
 * kinds apart: an input `x`, a constant and a named intermediate `x` hash differently.
 */
const PARAM_SEED = 13;

export interface BuildOptions {
  /** Keys of the built-in composite calls to expand into their definition (`sigmoid#0`). */
  expand?: ReadonlySet<string>;
}

/**
 * Turns a parsed program into a DAG: one node per variable, one per operation, one per literal. It walks
 * each statement's AST rows in post-order (arguments before the gate that uses them), so one forward loop
 * over the rows builds the graph, with node ids already in topological order. A call of a function is
 * inlined: its parameters become `param` nodes bound to the arguments, then its body is built (see Group).
 */
export function buildGraph(program: Program, source: string, opts: BuildOptions = {}): BuildResult {
  try {
    return { ok: true, graph: new Builder(program, source, opts.expand ?? new Set()).build() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

class Builder extends TensorWriter {
  /** The program's scope for bodies; by symbol, the node a name of the program is bound to so far (or -1),
   * and where an assigned name's statement starts (or -1). */
  private readonly main: Scope;
  private readonly globalOf: Int32Array;
  private readonly definedAt: Int32Array;
  private readonly likes = new Map<FunctionDef, Composite | undefined>();
  /** Symbol of the name assigned by the statement being built (-1 for a bare expression). */
  private current = -1;
  /** The group being built (-1 outside calls), and per enclosing call, how often each function was called. */
  private group = -1;
  private counts: Map<string, number>[] = [new Map()];
  private compositeCounts: Int32Array[] = [new Int32Array(COMPOSITES.length)];
  private readonly called = new Set<FunctionDef>();

  constructor(
    program: Program,
    source: string,
    private readonly expand: ReadonlySet<string>,
  ) {
    // Every AST row makes at most one node (repeated names make none), and every argument one edge;
    // every call adds at most its definition's inlined size. (Tensors grow the columns further.)
    const { nodes, edges } = capacity(program, expand);
    if (nodes > MAX_INLINED_NODES) {
      const d = program.definitions[0] as FunctionDef;
      throw new ParseFailure(
        syntaxError(
          `Inlining every call would build about ${Math.round(nodes).toLocaleString('en-US')} nodes; the limit is ${MAX_INLINED_NODES.toLocaleString('en-US')}`,
          d.start,
          d.end,
          'Functions that call functions several times multiply their size; call fewer of them.',
        ),
      );
    }
    super(program, source, nodes, edges);
    const names = program.names.length;
    this.main = newScope(program);
    this.globalOf = new Int32Array(names).fill(-1);
    this.definedAt = new Int32Array(names).fill(-1);
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
    this.globalOf[sym] = id;
    return id;
  }

  /** The node a name of the program refers to: an earlier definition, or a new input. */
  private resolve(sym: number, start: number, end: number, inside?: string): number {
    const bound = this.globalOf[sym] as number;
    if (bound >= 0) return bound;
    const name = this.program.names[sym] as string;
    const used = inside === undefined ? `"${name}"` : `"${name}" (read by ${inside})`;
    if (sym === this.current)
      this.fail(`${used} is used in its own definition`, start, end, 'Use a new name on the left of "=".');
    const later = this.definedAt[sym] as number;
    if (later >= 0) {
      this.fail(
        `${used} is used before it is defined`,
        start,
        end,
        `It is defined further on, at ${where(this.source, later)}; move that definition up.`,
      );
    }
    return this.newInput(sym, start, end);
  }

  /** The key of the next call of `fn` in the current context: `sig#0`, or `neuron#1/sig#0` inside a call. */
  private nextKey(fn: string): string {
    const counts = this.counts[this.counts.length - 1] as Map<string, number>;
    const k = counts.get(fn) ?? 0;
    counts.set(fn, k + 1);
    return this.keyOf(fn, k);
  }

  /** The key of the k-th call of `fn` in the current context (see nextKey). */
  private keyOf(fn: string, k: number): string {
    const parent = this.groups[this.group];
    return `${parent ? `${parent.key}/` : ''}${fn}#${k}`;
  }

  /**
   * Inlines one call: a `param` node per parameter (the argument under the parameter's name; one per
   * element for a vector or matrix), then the body, read in `scope` with the parameters bound. The names
   * the body reads from the program were resolved before (`globals`), so the group's nodes are one
   * contiguous range of ids.
   */
  private inline(
    scope: Scope,
    def: FunctionDef,
    args: Value[],
    key: string,
    start: number,
    end: number,
    builtin?: Composite,
  ): number {
    const globals = def.globals.map(
      (u) => this.globalTensor.get(u.sym) ?? this.resolve(u.sym, start, end, def.name),
    );
    const g = this.groups.length;
    const group: Group = {
      key,
      fn: builtin ?? def.name,
      parent: this.group,
      first: this.n,
      last: -1,
      output: -1,
      params: [],
      paramNames: def.paramNames,
      start,
      end,
      builtin: builtin !== undefined,
    };
    if (!this.likes.has(def)) this.likes.set(def, likeOf(scope.program, def));
    const like = builtin ?? this.likes.get(def);
    if (like) group.like = like;
    this.groups.push(group);
    // Bind the body's names (lexical scope: a caller's parameters are not seen in the callee).
    const names = [...def.params, ...def.globals.map((u) => u.sym)];
    const saved = names.map((sym) => scope.defined[sym] as number);
    const savedTensors = names.map((sym) => scope.bound.get(sym));
    const bind = (sym: number, v: Value) => {
      if (isTensor(v)) {
        scope.bound.set(sym, v);
        scope.tensors = true;
      } else {
        scope.bound.delete(sym);
        scope.defined[sym] = v;
      }
    };
    def.globals.forEach((u, k) => {
      bind(u.sym, globals[k] as Value);
    });
    def.params.forEach((sym, k) => {
      const a = args[k] as Value;
      const name = def.paramNames[k] as string;
      const param = (node: number, label: string) => {
        const id = this.add(
          PARAM_CODE,
          start,
          end,
          mix(mix(hashString(label), PARAM_SEED), this.hashes[node] as number),
        );
        this.label[id] = label;
        this.fn[id] = group.fn;
        this.edge(node, id);
        group.params.push(id);
        return id;
      };
      bind(
        sym,
        isTensor(a)
          ? { shape: a.shape, nodes: a.nodes.map((n, j) => param(n, elementName(name, a, j))) }
          : param(a, name),
      );
    });
    const outer = this.group;
    this.group = g;
    this.counts.push(new Map());
    this.compositeCounts.push(new Int32Array(COMPOSITES.length));
    const out = this.expression(scope, def.first, def.root);
    this.counts.pop();
    this.compositeCounts.pop();
    this.group = outer;
    names.forEach((sym, k) => {
      scope.defined[sym] = saved[k] as number;
      const t = savedTensors[k];
      if (t) scope.bound.set(sym, t);
      else scope.bound.delete(sym);
    });
    if (isTensor(out))
      this.fail(
        `${def.name} returns ${shapeText(out.shape)} values; for now a function's value must be one number`,
        start,
        end,
        'Functions may take vectors and matrices; to return one, write its expression in the program.',
      );
    if (out < group.first)
      this.fail(
        `The body of ${def.name} is only "${scope.program.names[scope.program.exprs.sym[def.root] as number]}", a name of the program`,
        def.start,
        def.end,
        'A function computes something from its parameters; use the name directly instead.',
      );
    group.last = this.n - 1;
    group.output = out;
    return out;
  }

  /** Adds the nodes of AST rows first..root (one subtree, in post-order); returns the root's value. */
  private expression(scope: Scope, first: number, root: number): Value {
    const { program, nodeOf } = scope;
    const x = program.exprs;
    const { names, nameHashes } = program;
    for (let r = first; r <= root; r++) {
      const kind = x.kind[r];
      const start = x.start[r] as number;
      const end = x.end[r] as number;
      const sym = x.sym[r] as number;
      if (scope.tensors) scope.tensorOf[r] = undefined;
      if (kind === E_NUMBER || kind === E_CONSTANT) {
        // An index's positions are read by the index, and make no node.
        if (kind === E_NUMBER && x.implicit[r] === INDEX_POSITION) continue;
        const text = kind === E_NUMBER ? program.numberText(r) : (names[sym] as string);
        // The literal's hash, and the minus signs folded into it (−2 is not 2).
        const h = mix(mix(nameHashes[sym] as number, CONST_SEED), x.neg[r] as number);
        const id = this.add(CONST_CODE, start, end, h);
        this.constant[id] = program.value(r);
        this.text[id] = text;
        nodeOf[r] = id;
        continue;
      }
      if (kind === E_NAME) {
        // In the program's statements a name is the program's; in a body, what the call bound it to.
        // (Looked up only where there are tensors: this runs once per name in a 100,000-node program.)
        const t =
          this.group < 0
            ? this.globalTensor.size > 0
              ? this.globalTensor.get(sym)
              : undefined
            : scope.tensors
              ? scope.bound.get(sym)
              : undefined;
        if (t) this.setTensor(scope, r, t);
        else nodeOf[r] = this.group < 0 ? this.resolve(sym, start, end) : (scope.defined[sym] as number);
        continue;
      }
      const a = x.firstArg[r] as number;
      const count = (x.firstArg[r + 1] as number) - a;
      if (kind === E_CALL) {
        const def = program.definitionOf(r);
        this.called.add(def);
        const args = Array.from(x.args.subarray(a, a + count), (row) => this.valueAt(scope, row));
        nodeOf[r] = this.inline(scope, def, args, this.nextKey(def.name), start, end);
        continue;
      }
      if (kind === E_TENSOR || (scope.tensors && this.anyTensor(scope, x.args, a, count))) {
        this.setTensor(
          scope,
          r,
          this.lowerTensor(scope, r, kind as number, Array.from(x.args.subarray(a, a + count))),
        );
        continue;
      }
      const code = x.op[r] as number;
      const composite = COMPOSITE_OF[code];
      if (composite !== undefined) {
        // Counted per context in a typed array: a program may call sigmoid 100,000 times.
        const counter = this.compositeCounts[this.compositeCounts.length - 1] as Int32Array;
        const c = COMPOSITE_INDEX[code] as number;
        const k = counter[c] as number;
        counter[c] = k + 1;
        // Its key (`sigmoid#3`) is a string only where it may be expanded; else it is written lazily.
        const key = this.expand.size > 0 ? this.keyOf(composite, k) : '';
        if (this.expand.has(key)) {
          const e = expansionOf(composite);
          const arg = nodeOf[x.args[a] as number] as number;
          nodeOf[r] = this.inline(newScope(e.program), e.def, [arg], key, start, end, composite);
          continue;
        }
        this.composites.push(this.n, c, k, this.group);
      }
      // A call hashes by the function name as typed (ln vs log), an operator by its op.
      let h = sym < 0 ? (OP_HASH[code] as number) : (nameHashes[sym] as number);
      for (let k = 0; k < count; k++)
        h = mix(h, this.hashes[nodeOf[x.args[a + k] as number] as number] as number);
      const id = this.add(code, start, end, h);
      if (sym >= 0) this.fn[id] = names[sym];
      for (let k = 0; k < count; k++) this.edge(nodeOf[x.args[a + k] as number] as number, id);
      nodeOf[r] = id;
    }
    return this.valueAt(scope, root);
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

    // By statement: the node holding its value (the program's names are read only for a warning).
    const statements = new Int32Array(p.length);
    let output = -1;
    let declaresOnly = false; // the last statement only declares an input (`x = 3`)
    for (let s = 0; s < p.length; s++) {
      const sym = st.name[s] as number;
      this.current = sym;
      const root = st.root[s] as number;
      const kind = x.kind[root];
      declaresOnly = sym >= 0 && (kind === E_NUMBER || kind === E_CONSTANT || this.numbersOnly(root));
      if (declaresOnly && kind === E_TENSOR) {
        // `W = [[4], [-2]]` declares a tensor input: one input per element, each with its value.
        output = this.newTensorInput(sym, st.first[s] as number, root);
      } else if (declaresOnly) {
        // `x = -2` declares an input with a starting value.
        output = this.newInput(sym, st.start[s] as number, st.end[s] as number, root);
      } else {
        const firstNode = this.n;
        const value = this.expression(this.main, st.first[s] as number, root);
        if (isTensor(value)) {
          output = this.tensorStatement(
            sym,
            value,
            s === p.length - 1,
            st.start[s] as number,
            st.end[s] as number,
          );
          statements[s] = output;
          continue;
        }
        output = value;
        if (sym >= 0) {
          const name = p.names[sym] as string;
          // `q = sig(x)`: the calls whose value q is are called q when collapsed.
          for (let k = this.groups.length - 1; k >= 0 && (this.groups[k] as Group).first >= firstNode; k--) {
            const g = this.groups[k] as Group;
            if (g.output === output && g.label === undefined) g.label = name;
          }
          if (this.op[output] !== INPUT_CODE && this.label[output] === undefined) {
            this.label[output] = name;
            // Consumers of q keep their keys when q's formula changes.
            this.hashes[output] = mix(p.nameHashes[sym] as number, LABEL_SEED);
          }
          this.globalOf[sym] = output;
        }
      }
      statements[s] = output;
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
    return this.finish(output, statements);
  }

  /** Trims the columns to what was built; a function never called is worth a remark. */
  private finish(output: number, statements: Int32Array): Graph {
    const uncalled: GradflowError[] = this.program.definitions
      .filter((d) => !this.called.has(d))
      .map((d) => ({
        message: `${d.name} is defined but never called`,
        start: d.start,
        end: d.end,
        phase: 'syntax',
      }));
    const p = this.program;
    const describe = (s: number): StatementUse => ({
      node: statements[s] as number,
      name: p.nameOf(s),
      start: p.stmts.start[s] as number,
      end: p.stmts.end[s] as number,
    });
    const columns = this.columns(output);
    // A vector output: the graph knows its elements, for its Jacobian (and their uses are the output's).
    return finishGraph(
      this.vectorOutputs ? { ...columns, outputs: this.vectorOutputs } : columns,
      statements,
      describe,
      uncalled,
    );
  }
}
