import { backward, type Steps } from './backward';
import { type BuildOptions, buildGraph } from './build';
import type { GradflowError } from './errors';
import { forward } from './forward';
import type { Graph } from './graph';
import { parse } from './parser';
import { jacobianRows, keyedRows } from './rows';

/** An input's value as used, and where it came from. */
export interface InputValue {
  name: string;
  node: number;
  value: number;
  /** Value written in the text (`x = -2`), if any, and the span of that literal. */
  declared?: number;
  valueStart?: number;
  valueEnd?: number;
  start: number;
  end: number;
}

export interface AnalysisOk {
  ok: true;
  source: string;
  graph: Graph;
  inputs: InputValue[];
  /**
   * Value of every node, by id: finite for every node the output uses. NaN only for a node the output
   * does not use whose value could not be computed (and the nodes built on it); `warnings` says why.
   */
  values: Float64Array;
  /** ∂output/∂node for every node, by id. */
  grads: Float64Array;
  /** The backward pass, one step per gradient-carrying edge, in replay order. */
  steps: Steps;
  /** The output's value. */
  value: number;
  /** ∂output/∂input, by input name. */
  gradients: Record<string, number>;
  /**
   * A program whose last line is a vector y (its elements are `graph.outputs`): ∂y_i/∂x, one row per
   * element, each keyed by input name like `gradients`. The rest of the analysis is about one element,
   * y[row] (`graph.output`): its value, gradients and backward steps.
   */
  jacobian?: Record<string, number>[];
  row?: number;
  /**
   * Non-fatal remarks, in the order of the text: lines the output does not use (phase 'syntax'), and
   * those among them whose value could not be computed (phase 'domain', on the failing node's span).
   */
  warnings: GradflowError[];
}

export interface AnalysisError {
  ok: false;
  source: string;
  error: GradflowError;
  /**
   * Present when the text parsed but a value or gradient could not be computed, and for a vector output
   * (its graph and inputs, for its Jacobian).
   */
  graph?: Graph;
  inputs?: InputValue[];
  values?: Float64Array;
  /** The node where computing failed. */
  node?: number;
}

export type Analysis = AnalysisOk | AnalysisError;

/** Each input's value: given in `values`, else written in the text, else DEFAULT_INPUT_VALUE. */
export function inputValues(graph: Graph, values: Readonly<Record<string, number>>): InputValue[] {
  return graph.inputs.map((d) => {
    const given = Object.hasOwn(values, d.name) ? values[d.name] : undefined;
    // A given ∞ or NaN is kept, so that forward refuses it on this input rather than hiding it.
    const value = given !== undefined ? given : (d.declared ?? DEFAULT_INPUT_VALUE);
    const iv: InputValue = { name: d.name, node: d.node, value, start: d.start, end: d.end };
    if (d.declared !== undefined) {
      iv.declared = d.declared;
      iv.valueStart = d.valueStart as number;
      iv.valueEnd = d.valueEnd as number;
    }
    return iv;
  });
}

/** Inputs that are neither declared in the text nor given a value start here. */
export const DEFAULT_INPUT_VALUE = 1;

/**
 * Everything Gradflow knows about a program: parse, build the graph, forward values, reverse-mode
 * gradients and the backward steps. `values` overrides values written in the text; `opts.expand` names the
 * built-in composites (sigmoid, tanh) to build from their definitions. Every call of a function is
 * inlined, and `graph.groups` says which nodes each call made. Never throws.
 */
export interface AnalyzeOptions extends BuildOptions {
  /** For a vector output: which element the gradients and backward steps are about (default 0). */
  row?: number;
}

export function analyze(
  source: string,
  values: Readonly<Record<string, number>> = {},
  opts: AnalyzeOptions = {},
): Analysis {
  const parsed = parse(source);
  if (!parsed.ok) return { ok: false, source, error: parsed.error };
  const { row: wanted, ...build } = opts;
  const built = buildGraph(parsed.program, source, build);
  if (!built.ok) return { ok: false, source, error: built.error };
  // A vector output y: the analysis is about y[row]; the Jacobian holds every row.
  const outs = built.graph.outputs;
  const row = outs ? Math.max(0, Math.min(outs.length - 1, Math.trunc(wanted ?? 0) || 0)) : undefined;
  const graph = outs ? built.graph.retarget(outs[row as number] as number) : built.graph;

  const inputs = inputValues(graph, values);

  const fwd = forward(
    graph,
    inputs.map((i) => i.value),
    source,
  );
  if (!fwd.ok)
    return { ok: false, source, error: fwd.error, graph, inputs, values: fwd.values, node: fwd.node };
  const bwd = backward(graph, fwd.values, source);
  if (!bwd.ok)
    return { ok: false, source, error: bwd.error, graph, inputs, values: fwd.values, node: bwd.node };

  const gradients: Record<string, number> = {};
  for (const i of inputs) gradients[i.name] = bwd.grads[i.node] as number;
  return {
    ok: true,
    source,
    graph,
    inputs,
    values: fwd.values,
    grads: bwd.grads,
    steps: bwd.steps,
    value: fwd.values[graph.output] as number,
    gradients,
    // The graph's (lines the output does not use) and forward's (their values that could not be
    // computed), in the order of the text.
    warnings: [...graph.warnings, ...fwd.warnings].sort((a, b) => a.start - b.start),
    ...(outs ? { jacobian: keyedRows(jacobianRows(graph, fwd.values, inputs), inputs), row } : {}),
  };
}
