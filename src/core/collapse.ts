import type { AnalysisOk } from './analyze';
import { backward, propagate } from './backward';
import { outEdges } from './finish';
import { type CallInfo, Graph, type Group } from './graph';
import { hashString, mix } from './hash';
import { CALL_CODE, PARAM_CODE } from './ops/table';
import { dependsOnInput } from './reach';

/*
 * Staged computation (CS231n): any piece of a graph can be one gate, as long as its local derivative is
 * known. `collapse` draws each call the student has not expanded as one `call` gate. Its value is the
 * body's output, and its local derivative on each edge, ∂out/∂argument, is the chain rule through the
 * body: the same reverse pass as the backward pass (`propagate`), run over the call's nodes alone, seeded
 * with ∂out/∂out = 1. The backward pass then runs on the collapsed graph, one step per edge of it.
 */

const CALL_SEED = hashString('call');
/** All ones: the inner pass visits every node of a call (each one is on the body's way to its output). */
let ones = new Uint8Array(0);

/** Whether each group is drawn opened up: its key is expanded and so is every group around it. */
function openGroups(groups: readonly Group[], expanded: ReadonlySet<string>): Uint8Array {
  const open = new Uint8Array(groups.length);
  groups.forEach((g, i) => {
    open[i] = expanded.has(g.key) && (g.parent < 0 || open[g.parent] === 1) ? 1 : 0;
  });
  return open;
}

/**
 * The analysis as drawn: every call not expanded (by key, see Group) becomes one gate. Values come from
 * the inlined analysis; gradients and steps from a backward pass over the collapsed graph, which equal
 * the inlined ones up to rounding. Without groups, the analysis itself.
 */
export function collapse(a: AnalysisOk, expanded: ReadonlySet<string>): AnalysisOk {
  const g = a.graph;
  if (g.groups.length === 0) return a;
  const open = openGroups(g.groups, expanded);
  // The outermost closed groups: each becomes one call gate at the place of its first node.
  const closedAt = new Int32Array(g.size).fill(-1);
  g.groups.forEach((grp, i) => {
    if (!open[i] && (grp.parent < 0 || open[grp.parent])) closedAt[grp.first] = i;
  });

  const map = new Int32Array(g.size).fill(-1);
  const op: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const constant: number[] = [];
  const hashes: number[] = [];
  const firstEdge: number[] = [];
  const edgeSource: number[] = [];
  const callLocal: number[] = [];
  const label: (string | undefined)[] = [];
  const fn: (string | undefined)[] = [];
  const text: (string | undefined)[] = [];
  const callKey: (string | undefined)[] = [];
  const values: number[] = [];
  const calls: (CallInfo | undefined)[] = [];
  const grads = new Float64Array(g.size);
  if (ones.length < g.size) {
    ones = new Uint8Array(g.size).fill(1);
    needs = new Uint8Array(g.size);
  }
  const depends = dependsOnInput(g);

  for (let id = 0; id < g.size; id++) {
    const v = op.length;
    firstEdge.push(edgeSource.length);
    const closed = closedAt[id] as number;
    if (closed < 0) {
      map[id] = v;
      op.push(g.op[id] as number);
      start.push(g.start[id] as number);
      end.push(g.end[id] as number);
      constant.push(g.constant[id] as number);
      hashes.push(g.hashes[id] as number);
      label.push(g.label[id]);
      fn.push(g.fn[id]);
      text.push(g.text[id]);
      callKey.push(g.callKey[id]);
      values.push(a.values[id] as number);
      calls.push(undefined);
      for (let e = g.firstEdge[id] as number; e < (g.firstEdge[id + 1] as number); e++) {
        edgeSource.push(map[g.edgeSource[e] as number] as number);
        callLocal.push(Number.NaN);
      }
      continue;
    }
    const grp = g.groups[closed] as Group;
    const { sources, locals } = callLocals(a, grp, grads, depends);
    for (let m = grp.first; m <= grp.last; m++) map[m] = v;
    let h = mix(CALL_SEED, hashString(grp.fn));
    sources.forEach((s, k) => {
      edgeSource.push(map[s] as number);
      callLocal.push(locals[k] as number);
      h = mix(h, g.hashes[s] as number);
    });
    const outLabel = grp.label ?? (g.op[grp.output] === PARAM_CODE ? undefined : g.label[grp.output]);
    op.push(CALL_CODE);
    start.push(grp.start);
    end.push(grp.end);
    constant.push(0);
    hashes.push(outLabel === undefined ? h : (g.hashes[grp.output] as number));
    label.push(outLabel);
    fn.push(grp.fn);
    text.push(undefined);
    callKey.push(grp.key);
    values.push(a.values[grp.output] as number);
    const info: CallInfo = {
      params: grp.paramNames.slice(),
    };
    if (grp.like) info.like = grp.like;
    calls.push(info);
    id = grp.last;
  }

  const size = op.length;
  firstEdge.push(edgeSource.length);
  const src = Int32Array.from(edgeSource);
  const target = new Int32Array(src.length);
  for (let n = 0; n < size; n++) target.fill(n, firstEdge[n], firstEdge[n + 1]);
  // The groups still drawn open, renumbered; their ranges stay contiguous (a closed call is one id).
  const kept: number[] = [];
  const index = new Int32Array(g.groups.length).fill(-1);
  g.groups.forEach((_grp, i) => {
    if (open[i]) {
      index[i] = kept.length;
      kept.push(i);
    }
  });
  const groups = kept.map((i): Group => {
    const grp = g.groups[i] as Group;
    return {
      ...grp,
      parent: grp.parent < 0 ? -1 : (index[grp.parent] as number),
      first: map[grp.first] as number,
      last: map[grp.last] as number,
      output: map[grp.output] as number,
      params: grp.params.map((p) => map[p] as number),
    };
  });
  const graph = new Graph({
    size,
    op: Uint8Array.from(op),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    constant: Float64Array.from(constant),
    firstEdge: Int32Array.from(firstEdge),
    edgeSource: src,
    edgeTarget: target,
    ...outEdges(size, src),
    label,
    fn,
    text,
    inputs: g.inputs.map((d) => ({ ...d, node: map[d.node] as number })),
    output: map[g.output] as number,
    ...(g.outputs ? { outputs: g.outputs.map((o) => map[o] as number) } : {}),
    warnings: g.warnings,
    hashes: Uint32Array.from(hashes),
    groups,
    callKey,
    callLocal: Float64Array.from(callLocal),
    calls,
  });
  const vs = Float64Array.from(values);
  const bwd = backward(graph, vs, a.source);
  // The inlined pass succeeded, and the collapsed one is the same sums regrouped: it cannot fail where
  // that did not, short of rounding past ±1.8e308. Then the inlined analysis is shown as it is.
  if (!bwd.ok) return a;
  const gradients: Record<string, number> = {};
  const inputs = a.inputs.map((i) => ({ ...i, node: map[i.node] as number }));
  for (const i of inputs) gradients[i.name] = bwd.grads[i.node] as number;
  return { ...a, graph, inputs, values: vs, grads: bwd.grads, steps: bwd.steps, gradients };
}

/** Scratch for the inner passes, as long as the largest graph seen: which nodes take a gradient. */
let needs = new Uint8Array(0);

/**
 * The call's inputs, each argument in parameter order then each name of the program its body reads, and
 * ∂out/∂input for each: the reverse pass over the call's nodes from its output down to just above its
 * own parameters. The gradient a parameter node collects is ∂out/∂argument; what reaches a node outside
 * the call from inside the body is ∂out/∂(that name). `grads` is scratch, left zeroed.
 *
 * As in the backward pass, only what depends on the call's inputs takes a gradient: ∂/∂2 of x^2 is
 * ln(x)·x^2, not a number for x < 0, and nobody needs it. First the inputs the program's gradient flows
 * through (`depends`: those that depend on an input), which cannot fail where the inlined pass did not;
 * then, for the others (a constant argument), a second pass whose numbers are kept only if it succeeds.
 */
function callLocals(
  a: AnalysisOk,
  grp: Group,
  grads: Float64Array,
  depends: Uint8Array,
): { sources: number[]; locals: number[] } {
  const g = a.graph;
  const args: number[] = grp.params.map((p) => g.edgeSource[g.firstEdge[p] as number] as number);
  const seen = new Set<number>();
  const bodyFirst = grp.first + grp.params.length;
  for (let m = bodyFirst; m <= grp.last; m++)
    for (let e = g.firstEdge[m] as number; e < (g.firstEdge[m + 1] as number); e++) {
      const s = g.edgeSource[e] as number;
      if (s < grp.first) seen.add(s);
    }
  const outside = [...seen].sort((x, y) => x - y);
  // What each input's gradient is read from: its param node, or itself (a name the body reads).
  const at = [...grp.params, ...outside];
  const from = [...args, ...outside];
  const locals = at.map(() => Number.NaN);
  const pass = (take: (k: number) => boolean): boolean => {
    needs.fill(0, grp.first, grp.last + 1);
    for (const s of outside) needs[s] = 0;
    let any = false;
    at.forEach((n, k) => {
      if (take(k)) {
        needs[n] = 1;
        any = true;
      }
    });
    if (!any) return true;
    for (let m = bodyFirst; m <= grp.last; m++)
      for (let e = g.firstEdge[m] as number; e < (g.firstEdge[m + 1] as number); e++)
        if (needs[g.edgeSource[e] as number]) needs[m] = 1;
    grads[grp.output] = 1;
    const ok = propagate(g, a.values, ones, needs, grads, null, grp.output, bodyFirst) < 0;
    if (ok)
      at.forEach((n, k) => {
        if (take(k)) locals[k] = grads[n] as number;
      });
    grads.fill(0, grp.first, grp.last + 1);
    for (const s of outside) grads[s] = 0;
    return ok;
  };
  pass((k) => depends[from[k] as number] === 1);
  pass((k) => depends[from[k] as number] !== 1);
  for (const s of outside) needs[s] = 0;
  return { sources: from, locals };
}
