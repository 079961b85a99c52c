import type { BackwardStep, Steps } from './backward';
import type { Graph } from './graph';
import { reachesOutput } from './reach';

/**
 * The animation as positions 0..length: position 0 shows only the inputs; positions 1..F compute the
 * gates forward, one per position in topological order; positions F+1..F+B replay the backward steps;
 * the last position (F+B+1) is "done": everything shown, nothing highlighted.
 */
export interface Timeline {
  /** Gates computed in the forward pass, in order (only those the output uses). */
  forward: number[];
  steps: Steps;
  length: number;
}

export function timeline(graph: Graph, steps: Steps): Timeline {
  const live = reachesOutput(graph, graph.output);
  const forward: number[] = [];
  for (let id = 0; id < graph.size; id++) if (live[id] && graph.arity(id) > 0) forward.push(id);
  return { forward, steps, length: forward.length + steps.length + 1 };
}

/** What is visible at a position: which values are known, and each node's and edge's gradient so far. */
export interface Frame {
  phase: 'start' | 'forward' | 'backward' | 'done';
  /** 1-based index within the phase (0 at the start). */
  index: number;
  /** Node computed at this forward position, or the step replayed at this backward position. */
  node?: number;
  step?: BackwardStep;
  /** 1 where the node's value is shown. */
  known: Uint8Array;
  /** Gradient shown at each node (NaN = not reached yet). */
  grad: Float64Array;
  /** Gradient shown on each edge: its contribution, once its step has played (NaN = not yet). */
  edgeGrad: Float64Array;
}

export function frameAt(graph: Graph, tl: Timeline, position: number): Frame {
  const p = Math.max(0, Math.min(tl.length, Math.round(position)));
  const known = new Uint8Array(graph.size);
  for (let id = 0; id < graph.size; id++) if (graph.arity(id) === 0) known[id] = 1;
  const F = tl.forward.length;
  for (let k = 0; k < Math.min(p, F); k++) known[tl.forward[k] as number] = 1;
  const grad = new Float64Array(graph.size).fill(Number.NaN);
  const edgeGrad = new Float64Array(graph.edgeCount).fill(Number.NaN);
  if (p >= F) grad[graph.output] = 1; // the seed: ∂out/∂out = 1
  const { steps } = tl;
  const B = steps.length;
  for (let k = 0; k < Math.min(p - F, B); k++) {
    grad[steps.source(k)] = steps.after(k);
    edgeGrad[steps.edge(k)] = steps.contribution(k);
  }
  if (p === 0) return { phase: 'start', index: 0, known, grad, edgeGrad };
  if (p <= F) return { phase: 'forward', index: p, node: tl.forward[p - 1] as number, known, grad, edgeGrad };
  if (p > F + B) return { phase: 'done', index: 0, known, grad, edgeGrad };
  const step = steps.at(p - F - 1) as BackwardStep;
  return { phase: 'backward', index: p - F, step, node: step.source, known, grad, edgeGrad };
}
