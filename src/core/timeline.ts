import type { BackwardStep, Steps } from './backward';
import type { Graph } from './graph';
import { INPUT_CODE } from './ops/table';
import { reachesOutput } from './reach';
import type { TangentPass, TangentStep } from './tangent';

/**
 * The animation as positions 0..length: position 0 shows only the inputs; positions 1..F compute the
 * gates forward, one per position in topological order; positions F+1..F+B replay the backward steps;
 * the last position (F+B+1) is "done": everything shown, nothing highlighted.
 *
 * In forward mode (`tangent`) the values are known from the start, and positions 1..T replay the tangent
 * pass's steps instead: F = 0 and no backward steps.
 */
export interface Timeline {
  /** Gates computed in the forward pass, in order (only those the output uses). */
  forward: number[];
  steps: Steps;
  length: number;
  /** Forward mode: the tangent pass replayed instead of the value and backward passes. */
  tangent?: TangentPass;
}

export function timeline(graph: Graph, steps: Steps): Timeline {
  // The forward pass computes every output (all of a vector output's elements); the backward pass is one's.
  const live = reachesOutput(graph, graph.allOutputs);
  const forward: number[] = [];
  for (let id = 0; id < graph.size; id++) if (live[id] && graph.arity(id) > 0) forward.push(id);
  return { forward, steps, length: forward.length + steps.length + 1 };
}

/** The forward-mode timeline of a pass: start (the seed set), one position per tangent step, done. */
export function tangentTimeline(steps: Steps, pass: TangentPass): Timeline {
  return { forward: [], steps, length: pass.steps.length + 1, tangent: pass };
}

/** What is visible at a position: which values are known, and each node's and edge's gradient so far. */
export interface Frame {
  phase: 'start' | 'forward' | 'backward' | 'tangent' | 'done';
  /** 1-based index within the phase (0 at the start). */
  index: number;
  /** Node computed at this forward position, or the step replayed at this backward position. */
  node?: number;
  step?: BackwardStep;
  /** The tangent step replayed at this forward-mode position. */
  tangent?: TangentStep;
  /** 1 where the node's value is shown. */
  known: Uint8Array;
  /**
   * Gradient shown at each node (NaN = not reached yet). In forward mode: the tangent dn/dx so far (x the seed)
   * (every input's seed is shown from the start: 1 on the seed, 0 elsewhere).
   */
  grad: Float64Array;
  /**
   * Gradient shown on each edge: its contribution, once its step has played (NaN = not yet). In forward
   * mode: the tangent its source sends along it.
   */
  edgeGrad: Float64Array;
}

/** The edge a frame is about and the node whose sum it adds to (the source backward, the target forward). */
export function stepEdge(frame: Frame): { edge: number; receiver: number } | undefined {
  if (frame.step) return { edge: frame.step.edge, receiver: frame.step.source };
  if (frame.tangent) return { edge: frame.tangent.edge, receiver: frame.tangent.target };
  return undefined;
}

/** Forward mode: every value known; the seeds, then each step's tangent, as the pass plays. */
function tangentFrameAt(graph: Graph, pass: TangentPass, p: number): Frame {
  const known = new Uint8Array(graph.size).fill(1);
  const grad = new Float64Array(graph.size).fill(Number.NaN);
  const edgeGrad = new Float64Array(graph.edgeCount).fill(Number.NaN);
  for (let id = 0; id < graph.size; id++)
    if (graph.op[id] === INPUT_CODE) grad[id] = id === pass.seed ? 1 : 0;
  const T = pass.steps.length;
  for (let k = 0; k < Math.min(p, T); k++) {
    const s = pass.steps[k] as TangentStep;
    grad[s.target] = s.after;
    edgeGrad[s.edge] = s.incoming;
  }
  if (p === 0) return { phase: 'start', index: 0, known, grad, edgeGrad };
  if (p > T) return { phase: 'done', index: 0, known, grad, edgeGrad };
  const tangent = pass.steps[p - 1] as TangentStep;
  return { phase: 'tangent', index: p, tangent, node: tangent.target, known, grad, edgeGrad };
}

export function frameAt(graph: Graph, tl: Timeline, position: number): Frame {
  const p = Math.max(0, Math.min(tl.length, Math.round(position)));
  if (tl.tangent) return tangentFrameAt(graph, tl.tangent, p);
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
