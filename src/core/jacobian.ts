import { inputValues } from './analyze';
import { buildGraph } from './build';
import type { GradflowError } from './errors';
import { forward } from './forward';
import { parse } from './parser';
import { jacobianRows, keyedRows } from './rows';
import { tangent } from './tangent';

/*
 * The Jacobian of a program whose last line is a vector, y = [−5·x1 + x2, x1²]: ∂y_i/∂x_j, one row per
 * output element. Computed both ways, as the lecture contrasts them: by reverse mode, one backward pass
 * per output (a row each), and by forward mode, one tangent pass per input (a column each).
 */

export interface JacobianOk {
  ok: true;
  /** The output elements' names (y[0], y[1]) and values. */
  outputs: string[];
  values: number[];
  /** The inputs' names, the columns, and their values. */
  inputs: string[];
  at: number[];
  /** rows[i][j] = ∂y_i/∂x_j by reverse mode (row i is backward pass i). */
  rows: number[][];
  /** The same matrix by forward mode (column j is tangent pass j). */
  byColumns: number[][];
  /** rows[i] keyed by input name, like analyze's gradients. */
  jacobian: Record<string, number>[];
}

export type Jacobian = JacobianOk | { ok: false; error: GradflowError };

/** The Jacobian of the program's output (a vector, or one number: one row), both ways. Never throws. */
export function jacobian(source: string, values: Readonly<Record<string, number>> = {}): Jacobian {
  const parsed = parse(source);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const built = buildGraph(parsed.program, source);
  if (!built.ok) return { ok: false, error: built.error };
  const { graph } = built;
  const outs = graph.allOutputs;
  const inputs = inputValues(graph, values);
  const fw = forward(
    graph,
    inputs.map((i) => i.value),
    source,
  );
  if (!fw.ok) return { ok: false, error: fw.error };
  const rows = jacobianRows(graph, fw.values, inputs);
  // Forward mode: a tangent pass seeded 1 on each input gives its column.
  const cols = inputs.map((i) => tangent(graph, fw.values, i.node));
  const byColumns = outs.map((e) => cols.map((dot) => dot[e] as number));
  return {
    ok: true,
    outputs: outs.map((e, k) => graph.label[e] ?? `y[${k}]`),
    values: outs.map((e) => fw.values[e] as number),
    inputs: inputs.map((i) => i.name),
    at: inputs.map((i) => i.value),
    rows,
    byColumns,
    jacobian: keyedRows(rows, inputs),
  };
}
