import type { Graph } from './graph';
import { CONST_CODE, PARAM_CODE } from './ops/table';

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
 * LaTeX for an identifier: `x1` and `x_1` → x_{1}, `alpha` → \alpha, `y_hat` → \hat{y}, `y_hat_hat` →
 * \hat{\hat{y}}, `loss` → \mathrm{loss}. Identifiers are [A-Za-z_][A-Za-z0-9_]*, so nothing here can
 * inject LaTeX commands. Each `_hat` suffix is peeled off in a loop, not by recursion: the parser limits
 * names to 64 characters, but this function does not rely on it.
 */
export function nameLatex(name: string): string {
  // An element of a tensor, W1[0,1]: the tensor's symbol with the position as a subscript, {W_{1}}_{0,1}.
  const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(\d+(?:,\d+)?)\]$/.exec(name);
  if (element) return `{${nameLatex(element[1] as string)}}_{${element[2]}}`;
  let end = name.length;
  while (end > 4 && name.startsWith('_hat', end - 4)) end -= 4;
  const hats = (name.length - end) / 4;
  const base = name.slice(0, end);
  const m = /^([A-Za-z]+)_?(\d+)$/.exec(base) ?? /^([A-Za-z]+)_([A-Za-z0-9]+)$/.exec(base);
  const inner = m ? `${baseLatex(m[1] as string)}_{${baseLatex(m[2] as string)}}` : baseLatex(base);
  return `${'\\hat{'.repeat(hats)}${inner}${'}'.repeat(hats)}`;
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
    if (label && graph.op[id] !== PARAM_CODE) taken.add(label);
  }
  const outputName = ['f', 'L', 'out', 'output'].find((c) => !taken.has(c)) ?? 'output';
  let k = 0;
  const suffix = new Map<string, number>();
  const names: string[] = [];
  for (let id = 0; id < graph.size; id++) {
    const label = graph.label[id];
    if (label && graph.op[id] === PARAM_CODE) {
      // A parameter keeps its name where it is the only one (z in sig); else z_1, z_2, … (x in two calls).
      let name = label;
      // Counting on from the last suffix given to this label: 5,000 calls of sig(z) are linear, not quadratic.
      let j = suffix.get(label) ?? 1;
      while (taken.has(name)) name = `${label}_${j++}`;
      suffix.set(label, j);
      taken.add(name);
      names.push(name);
    } else if (label) names.push(label);
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
