import type { AnalysisOk } from './analyze';
import { backward } from './backward';
import { forward } from './forward';
import { OP_CODE } from './ops/table';

/*
 * The function along one input: the output as that input varies (the others held), with its slope at
 * each point, and the kinks where a relu, abs, max or min gate switches branch (where the derivative
 * jumps, so the tangent is one-sided).
 */

export interface Along {
  xs: number[];
  /** The output at each x (NaN where it cannot be computed: outside log's domain, say). */
  ys: number[];
  /** ∂output/∂input at each x. */
  slopes: number[];
  /** Inputs where a nonsmooth gate switches branch, between two samples (their midpoint). */
  kinks: number[];
}

const KINKED = new Set([OP_CODE.relu, OP_CODE.abs, OP_CODE.max, OP_CODE.min]);

/** Which branch each nonsmooth gate takes at these values: relu/abs by sign, max/min by winner. */
function branches(a: AnalysisOk, values: Float64Array, gates: number[]): string {
  const g = a.graph;
  return gates
    .map((id) => {
      const first = g.firstEdge[id] as number;
      const args = (g.firstEdge[id + 1] as number) - first;
      if (args === 1) return (values[g.edgeSource[first] as number] as number) > 0 ? '+' : '-';
      let best = 0;
      for (let s = 1; s < args; s++) {
        const v = values[g.edgeSource[first + s] as number] as number;
        const w = values[g.edgeSource[first + best] as number] as number;
        if (g.op[id] === OP_CODE.max ? v > w : v < w) best = s;
      }
      return String(best);
    })
    .join(',');
}

/** `n` samples of the output along input `name` over [from, to]. */
export function alongInput(a: AnalysisOk, name: string, from: number, to: number, n = 161): Along {
  const g = a.graph;
  const node = a.inputs.find((i) => i.name === name)?.node;
  const slot = g.inputs.findIndex((d) => d.node === node);
  if (slot < 0) throw new Error(`alongInput: ${name} is not an input`);
  const base = g.inputs.map((d) => a.inputs.find((i) => i.node === d.node)?.value ?? 0);
  const gates: number[] = [];
  for (let id = 0; id < g.size; id++) if (KINKED.has(g.op[id] as number)) gates.push(id);
  const out: Along = { xs: [], ys: [], slopes: [], kinks: [] };
  let last: string | null = null;
  for (let k = 0; k < n; k++) {
    const x = from + ((to - from) * k) / (n - 1);
    const xs = base.slice();
    xs[slot] = x;
    const fw = forward(g, xs);
    const y = fw.ok ? (fw.values[g.output] as number) : Number.NaN;
    const bw = fw.ok ? backward(g, fw.values) : null;
    out.xs.push(x);
    out.ys.push(y);
    out.slopes.push(bw?.ok ? (bw.grads[node as number] as number) : Number.NaN);
    const b = fw.ok ? branches(a, fw.values, gates) : null;
    if (b !== null && last !== null && b !== last) out.kinks.push((x + (out.xs[k - 1] as number)) / 2);
    if (b !== null) last = b;
  }
  return out;
}
