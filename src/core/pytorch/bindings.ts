import { E_NAME, type Program } from '../ast';
import type { Graph, Group } from '../graph';
import { CALL_CODE, INPUT_CODE, PARAM_CODE } from '../ops/table';

/**
 * The node each name of the program holds, in the graph with every call collapsed: an input, a named
 * intermediate (its node carries the name), a call whose value a statement names (`u = id(x)`, where the
 * value is a parameter's and only the call's group knows the name), or another name (`q = x`).
 * `groups` are the inlined graph's, where each call still has its group.
 */
export function bindings(graph: Graph, groups: readonly Group[], program: Program): Map<string, number> {
  const at = new Map<string, number>();
  for (const i of graph.inputs) at.set(i.name, i.node);
  const named = new Map<string, string>();
  for (const g of groups) if (g.parent < 0 && g.label !== undefined) named.set(g.key, g.label);
  for (let id = 0; id < graph.size; id++) {
    const op = graph.op[id];
    if (op === INPUT_CODE || op === PARAM_CODE) continue;
    const key = graph.callKey[id];
    const name = graph.label[id] ?? (op === CALL_CODE && key !== undefined ? named.get(key) : undefined);
    if (name !== undefined && !at.has(name)) at.set(name, id);
  }
  // `q = x` makes no node: q is x's. In the order of the text, so that `r = q` finds q.
  const { stmts, exprs, names } = program;
  for (let s = 0; s < stmts.count; s++) {
    const sym = stmts.name[s] as number;
    const root = stmts.root[s] as number;
    if (sym < 0 || exprs.kind[root] !== E_NAME) continue;
    const node = at.get(names[exprs.sym[root] as number] as string);
    if (node !== undefined) at.set(names[sym] as string, node);
  }
  return at;
}
