import type { Drawn, DrawnStep } from './drawn';

/*
 * The tensor level's animation, as the scalar one (core/timeline.ts): position 0 shows the inputs;
 * 1..F compute the gates forward; F+1..F+B replay the backward steps; F+B+1 is "done".
 */

export interface TensorFrame {
  phase: 'start' | 'forward' | 'backward' | 'done';
  index: number;
  node?: number;
  step?: DrawnStep;
  /** 1 where the node's value is shown. */
  known: Uint8Array;
  /** Each node's gradient so far, of its shape (null = none arrived yet). */
  grad: (number[] | null)[];
  /** Each edge's contribution, once its step has played (null = not yet). */
  edgeGrad: (number[] | null)[];
}

export const replayLength = (d: Drawn) => d.forward.length + d.steps.length + 1;

export function tensorFrameAt(d: Drawn, position: number): TensorFrame {
  const F = d.forward.length;
  const B = d.steps.length;
  const p = Math.max(0, Math.min(F + B + 1, Math.round(position)));
  const known = new Uint8Array(d.nodes.length);
  for (const n of d.nodes) if (n.kind === 'input') known[n.id] = 1;
  for (let k = 0; k < Math.min(p, F); k++) known[d.forward[k] as number] = 1;
  const grad: (number[] | null)[] = d.nodes.map(() => null);
  const edgeGrad: (number[] | null)[] = d.edges.map(() => null);
  if (p >= F) grad[d.output] = d.nodes[d.output]?.outputs.map(() => 1) ?? [1]; // the seed
  for (let k = 0; k < Math.min(p - F, B); k++) {
    const s = d.steps[k] as DrawnStep;
    // Gradients add where branches meet: the running sum at the source.
    const sum = grad[s.source] ?? s.contribution.map(() => 0);
    grad[s.source] = sum.map((v, i) => v + (s.contribution[i] as number));
    edgeGrad[s.edge] = s.contribution;
  }
  if (p === 0) return { phase: 'start', index: 0, known, grad, edgeGrad };
  if (p <= F) return { phase: 'forward', index: p, node: d.forward[p - 1] as number, known, grad, edgeGrad };
  if (p > F + B) return { phase: 'done', index: 0, known, grad, edgeGrad };
  const step = d.steps[p - F - 1] as DrawnStep;
  return { phase: 'backward', index: p - F, step, node: step.source, known, grad, edgeGrad };
}
