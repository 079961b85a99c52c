import { E_CALL, type Program } from './ast';
import { COMPOSITES } from './composites';
import { ALL_OPS, OP_CODE } from './ops/table';
import type { Composite } from './ops/types';
import type { Tensor } from './values';

/** Nodes and edges an expanded composite adds at most (its expansion's rows and arguments, and x). */
export const COMPOSITE_SIZE = 16;
/** By op code: the composite built-in it is, if any. */
export const COMPOSITE_OF: (Composite | undefined)[] = ALL_OPS.map(() => undefined);
/** By op code: the composite's index in COMPOSITES, or -1. */
export const COMPOSITE_INDEX = new Int8Array(ALL_OPS.length).fill(-1);
COMPOSITES.forEach((c, k) => {
  COMPOSITE_OF[OP_CODE[c]] = c;
  COMPOSITE_INDEX[OP_CODE[c]] = k;
});

/** Where rows are read from: the program, or a built-in's expansion, with its names' current nodes. */
export interface Scope {
  program: Program;
  /** By symbol, inside a call's body: the node a parameter or a name of the program is bound to, or -1. */
  defined: Int32Array;
  /** By row: the node made for it (post-order, so arguments are always filled first), or -1 for a tensor. */
  nodeOf: Int32Array;
  /** By row, where a row's value is a vector or matrix (sparse; `tensors` says whether there are any). */
  tensorOf: (Tensor | undefined)[];
  /** By symbol, inside a call's body: a parameter or a name of the program bound to a tensor. */
  bound: Map<number, Tensor>;
  tensors: boolean;
}

export const newScope = (program: Program): Scope => ({
  program,
  defined: new Int32Array(program.names.length).fill(-1),
  nodeOf: new Int32Array(program.exprs.count),
  tensorOf: [],
  bound: new Map(),
  tensors: false,
});

/** An upper bound on the nodes and edges the program's statements make, calls inlined. */
export function capacity(p: Program, expand: ReadonlySet<string>): { nodes: number; edges: number } {
  const x = p.exprs;
  let nodes = x.count;
  let edges = x.argsCount;
  for (let s = 0; s < p.length; s++)
    for (let r = p.stmts.first[s] as number; r <= (p.stmts.root[s] as number); r++)
      if (x.kind[r] === E_CALL) {
        const d = p.definitionOf(r);
        nodes += d.size;
        edges += d.edges;
      }
  // Each expanded key is one call.
  nodes += COMPOSITE_SIZE * expand.size;
  edges += COMPOSITE_SIZE * expand.size;
  return { nodes, edges };
}
