import type { Graph } from './graph';
import { CONST_CODE } from './ops/table';

const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
]);

/**
 * LaTeX for an identifier: `x1` and `x_1` → x_{1}, `alpha` → \alpha, `y_hat` → \hat{y}, `loss` →
 * \mathrm{loss}. Identifiers are [A-Za-z_][A-Za-z0-9_]*, so nothing here can inject LaTeX commands.
 */
export function nameLatex(name: string): string {
  const hat = /^(.+)_hat$/.exec(name);
  if (hat) return `\\hat{${nameLatex(hat[1] as string)}}`;
  const m = /^([A-Za-z]+)_?(\d+)$/.exec(name) ?? /^([A-Za-z]+)_([A-Za-z0-9]+)$/.exec(name);
  if (m) return `${baseLatex(m[1] as string)}_{${baseLatex(m[2] as string)}}`;
  return baseLatex(name);
}

function baseLatex(s: string): string {
  if (GREEK.has(s)) return `\\${s}`;
  if (/^\d+$/.test(s) || s.length === 1) return s;
  return `\\mathrm{${s.replace(/_/g, '\\_')}}`;
}

/**
 * A name for every node, for the graph and the equations: inputs and named intermediates keep their
 * names; the output is `f` (or `L`, `out` if taken); other gates are numbered u1, u2, ... in order.
 */
export function nodeNames(graph: Graph): string[] {
  const taken = new Set<string>();
  for (let id = 0; id < graph.size; id++) {
    const label = graph.label[id];
    if (label) taken.add(label);
  }
  const outputName = ['f', 'L', 'out', 'output'].find((c) => !taken.has(c)) ?? 'output';
  let k = 0;
  const names: string[] = [];
  for (let id = 0; id < graph.size; id++) {
    const label = graph.label[id];
    if (label) names.push(label);
    else if (graph.op[id] === CONST_CODE) names.push(graph.text[id] ?? String(graph.constant[id]));
    else if (id === graph.output) names.push(outputName);
    else {
      k++;
      while (taken.has(`u${k}`)) k++;
      names.push(`u${k}`);
    }
  }
  return names;
}
