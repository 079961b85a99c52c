import type { AnalysisOk } from './analyze';
import { backward } from './backward';
import { formatNumber as f } from './format';
import { forward } from './forward';

/*
 * Gradient descent on the program's own graph: θ ← θ − α ∂L/∂θ for the chosen inputs, the others held
 * fixed, each step one forward and one backward pass (the graph is built once). What gradients are for.
 */

export interface DescentStep {
  /** The loss at the start of the step, and each parameter's value and gradient there. */
  loss: number;
  params: Record<string, number>;
  grads: Record<string, number>;
}

export interface Descent {
  /** One entry per point visited: the start, then after each step (the last has no step taken from it). */
  path: DescentStep[];
  /** Why it stopped early, in words: the loss or a parameter left the numbers (diverging). */
  stopped?: string;
}

/** Beyond this, a parameter or the loss has run away: the descent is said to diverge. */
const RUNAWAY = 1e12;

/**
 * Runs `steps` steps of gradient descent with learning rate `lr` on the inputs named `params`, from the
 * analysis's own input values. Stops early, and says why, when the loss or a parameter runs away (a
 * learning rate too large), honestly: the path up to there is kept.
 */
export function gradientDescent(
  a: AnalysisOk,
  params: readonly string[],
  lr: number,
  steps: number,
): Descent {
  const g = a.graph;
  const byName = new Map(a.inputs.map((i) => [i.name, i]));
  const slots = params.map((p) => g.inputs.findIndex((d) => d.node === byName.get(p)?.node));
  if (slots.some((k) => k < 0)) throw new Error(`gradientDescent: ${params} are not all inputs`);
  // Input values in the graph's order.
  const xs = g.inputs.map((d) => a.inputs.find((i) => i.node === d.node)?.value ?? 0);
  const path: DescentStep[] = [];
  for (let k = 0; k <= steps; k++) {
    const fw = forward(g, xs);
    if (!fw.ok) return { path, stopped: `stopped at step ${k}: ${fw.error.message}` };
    const loss = fw.values[g.output] as number;
    const bw = backward(g, fw.values);
    if (!bw.ok) return { path, stopped: `stopped at step ${k}: ${bw.error.message}` };
    const point: DescentStep = { loss, params: {}, grads: {} };
    params.forEach((p, j) => {
      const slot = slots[j] as number;
      point.params[p] = xs[slot] as number;
      point.grads[p] = bw.grads[(g.inputs[slot] as { node: number }).node] as number;
    });
    path.push(point);
    if (Math.abs(loss) > RUNAWAY)
      return {
        path,
        stopped: `diverged: the loss reached ${f(loss)} after ${k} steps; try a smaller learning rate`,
      };
    if (k === steps) break;
    params.forEach((p, j) => {
      const slot = slots[j] as number;
      xs[slot] = (xs[slot] as number) - lr * (point.grads[p] as number);
    });
    const away = params.find((_, j) => !(Math.abs(xs[slots[j] as number] as number) <= RUNAWAY));
    if (away !== undefined)
      return {
        path,
        stopped: `diverged: ${away} ran away to ${f(xs[slots[params.indexOf(away)] as number] as number)} after ${k + 1} steps; try a smaller learning rate`,
      };
  }
  return { path };
}
