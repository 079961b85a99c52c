import { propagate } from './backward';
import type { Graph } from './graph';
import { dependsOnInput, reachesOutput } from './reach';

/* The rows of a Jacobian by reverse mode, for analyze and core/jacobian.ts. */

/**
 * Reverse mode: a backward pass seeded 1 on each output element gives its row, ∂y_i/∂x_j for every input
 * j. Only edges from nodes that depend on an input carry gradient (x^2's exponent has none: its local,
 * 2·log x, may not even exist).
 */
export function jacobianRows(
  graph: Graph,
  values: Float64Array,
  inputs: readonly { node: number }[],
): number[][] {
  const needsGrad = dependsOnInput(graph);
  return graph.allOutputs.map((e) => {
    const grads = new Float64Array(graph.size);
    grads[e] = 1;
    propagate(graph, values, reachesOutput(graph, e), needsGrad, grads, null, e, 0);
    return inputs.map((i) => grads[i.node] as number);
  });
}

/** Rows keyed by input name, like analyze's gradients. */
export const keyedRows = (rows: number[][], inputs: readonly { name: string }[]): Record<string, number>[] =>
  rows.map((r) => Object.fromEntries(inputs.map((i, j) => [i.name, r[j] as number])));
