import type { InputValue } from '../analyze';
import type { Graph } from '../graph';
import { CONST_CODE } from '../ops/table';
import type { OpName } from '../ops/types';
import { dependsOnInput, reachesOutput } from '../reach';
import { pyNames } from './names';
import { pyFloat } from './numbers';

export { pyName } from './names';
export { pyFloat } from './numbers';

/*
 * "Copy as PyTorch": the same computation as a script that a student runs to check Gradflow's numbers.
 * It must run and print the same value and gradients for every program Gradflow accepts, so: every
 * number is a float64 tensor (torch functions refuse Python floats, and float32 would change the digits),
 * numbers are written so that Python reads the same double, names never collide with Python's, max/min
 * follow Gradflow's tie rule, and a constant output prints zero gradients instead of calling .backward().
 */

const CALL: Partial<Record<OpName, string>> = {
  exp: 'torch.exp',
  log: 'torch.log',
  log10: 'torch.log10',
  log2: 'torch.log2',
  sqrt: 'torch.sqrt',
  abs: 'torch.abs',
  sin: 'torch.sin',
  cos: 'torch.cos',
  tan: 'torch.tan',
  tanh: 'torch.tanh',
  sigmoid: 'torch.sigmoid',
  relu: 'torch.relu',
};
const INFIX: Partial<Record<OpName, string>> = { add: '+', sub: '-', mul: '*', div: '/', pow: '**' };

/** Gradflow's max/min in torch: all of the gradient to the first argument that attains the extreme. */
function helper(op: 'max' | 'min'): string[] {
  return [
    `def first_${op}(*args):`,
    `    # ${op}(...) by Gradflow's rule: at a tie, the FIRST argument that attains the ${op} gets the whole`,
    `    # gradient (torch.${op} would share it among the tied arguments). torch.arg${op} returns the first`,
    '    # index of the extreme, and indexing routes the gradient to that element only.',
    '    s = torch.stack(args)',
    `    return s[torch.arg${op}(s)]`,
    '',
    '',
  ];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A PyTorch program that computes the same output and gradients, line for line with the graph (same
 * names, renamed only where Python needs it), in float64 so that the numbers match Gradflow's to the
 * last digits. It prints `f = <value>` and `df/dx = <gradient>` for each input, with Python's repr.
 */
export function toPyTorch(graph: Graph, names: readonly string[], inputs: readonly InputValue[]): string {
  const out = graph.output;
  const live = reachesOutput(graph, out);
  const needsGrad = dependsOnInput(graph);
  const constOut = graph.op[out] === CONST_CODE;
  // The nodes that get a Python variable: the inputs, each gate the output uses, a constant output.
  const named = inputs.map((i) => i.node);
  for (let id = 0; id < graph.size; id++) {
    if (live[id] && (graph.arity(id) > 0 || (id === out && constOut))) named.push(id);
  }
  const label = (id: number) => names[id] ?? `v${id}`;
  // The output's name in what the script prints; a bare number as the output is called f (or L, ...).
  const outLabel = IDENTIFIER.test(label(out))
    ? label(out)
    : (['f', 'L', 'out', 'output'].find((c) => !names.includes(c)) ?? `v${out}`);
  const gradflowNames = named.map((id) => (id === out ? outLabel : label(id)));
  const py = new Map<number, string>();
  const renamed = new Set<string>();
  pyNames(gradflowNames).forEach((p, k) => {
    py.set(named[k] as number, p);
    if (p !== gradflowNames[k]) renamed.add(`${gradflowNames[k]} as ${p}`);
  });

  let usesMath = false;
  const constant = (id: number) => {
    const v = graph.constant[id] as number;
    const text = graph.text[id];
    let literal = pyFloat(v);
    if ((text === 'pi' && v === Math.PI) || (text === 'e' && v === Math.E)) {
      literal = `math.${text}`;
      usesMath = true;
    }
    return `torch.tensor(${literal}, dtype=torch.float64)`;
  };
  const ref = (id: number) => (graph.op[id] === CONST_CODE ? constant(id) : (py.get(id) as string));

  const body: string[] = [];
  for (const i of inputs) {
    body.push(
      `${py.get(i.node)} = torch.tensor(${pyFloat(i.value)}, dtype=torch.float64, requires_grad=True)`,
    );
  }
  const helpers = new Set<'max' | 'min'>();
  for (let id = 0; id < graph.size; id++) {
    if (!live[id]) continue;
    const arity = graph.arity(id);
    if (arity === 0) {
      if (id === out && constOut) body.push(`${py.get(id)} = ${constant(id)}`);
      continue;
    }
    const op = graph.opName(id);
    const a: string[] = [];
    for (let s = 0; s < arity; s++) a.push(ref(graph.arg(id, s)));
    let expr: string;
    const infix = INFIX[op];
    if (infix) expr = `${a[0]} ${infix} ${a[1]}`;
    else if (op === 'neg') expr = `-${a[0]}`;
    else if (op === 'max' || op === 'min') {
      helpers.add(op);
      expr = `first_${op}(${a.join(', ')})`;
    } else expr = `${CALL[op]}(${a[0]})`;
    body.push(`${py.get(id)} = ${expr}`);
  }

  const o = py.get(out) as string;
  const lines = [...(usesMath ? ['import math', ''] : []), 'import torch', ''];
  lines.push("# Gradflow's computation in PyTorch, one line per operation, in float64 as in Gradflow.");
  if (renamed.size > 0) lines.push(`# Renamed for Python: ${[...renamed].join(', ')}.`);
  lines.push('');
  if (helpers.size > 0) lines.push('');
  for (const op of ['max', 'min'] as const) if (helpers.has(op)) lines.push(...helper(op));
  lines.push(...body, '');
  if (needsGrad[out]) lines.push(`${o}.backward()`);
  else
    lines.push(
      `# ${outLabel} does not depend on any input: there is no gradient to follow, every gradient is 0.`,
    );
  lines.push(`print("${outLabel} =", ${o}.item())`);
  // An input the output does not use has no .grad at all: its gradient is 0.
  for (const i of inputs) {
    const g = `${py.get(i.node)}.grad`;
    lines.push(`print("d${outLabel}/d${i.name} =", ${g}.item() if ${g} is not None else 0.0)`);
  }
  return `${lines.join('\n')}\n`;
}
