import type { InputValue } from './analyze';
import type { Graph, GraphNode } from './graph';
import { reachesOutput } from './reach';

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case torch math print'.split(
    ' ',
  ),
);

/** A Python-safe name: Gradflow names are already identifiers; keywords (and `torch`) get a trailing _. */
export function pyName(name: string): string {
  return PY_KEYWORDS.has(name) ? `${name}_` : name;
}

function literal(n: GraphNode): string {
  if (n.text === 'pi') return 'math.pi';
  if (n.text === 'e') return 'math.e';
  const v = n.constant as number;
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

const CALL: Partial<Record<string, string>> = {
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
const INFIX: Partial<Record<string, string>> = { add: '+', sub: '-', mul: '*', div: '/', pow: '**' };

/**
 * A PyTorch program that computes the same output and gradients, line for line with the graph (same
 * names), in float64 so that the numbers match Gradflow's to the last digits.
 */
export function toPyTorch(graph: Graph, names: readonly string[], inputs: readonly InputValue[]): string {
  const live = reachesOutput(graph, graph.output);
  const ref = (id: number) => {
    const n = graph.nodes[id] as GraphNode;
    return n.op === 'const' ? literal(n) : pyName(names[id] as string);
  };
  const lines = ['import math', 'import torch', ''];
  for (const i of inputs) {
    const v = Number.isInteger(i.value) ? `${i.value}.0` : String(i.value);
    lines.push(`${pyName(i.name)} = torch.tensor(${v}, dtype=torch.float64, requires_grad=True)`);
  }
  let tie = false;
  for (const n of graph.nodes) {
    if (!live[n.id] || n.inputs.length === 0) continue;
    const a = n.inputs.map(ref);
    let expr: string;
    const infix = INFIX[n.op];
    if (infix) expr = `${a[0]} ${infix} ${a[1]}`;
    else if (n.op === 'neg') expr = `-${a[0]}`;
    else if (n.op === 'max' || n.op === 'min') {
      tie = true;
      expr = `torch.stack([${a.map((x) => (x.startsWith('math.') || /^[\d-]/.test(x) ? `torch.tensor(${x}, dtype=torch.float64)` : x)).join(', ')}]).${n.op}()`;
    } else expr = `${CALL[n.op]}(${a[0]})`;
    lines.push(`${pyName(names[n.id] as string)} = ${expr}`);
  }
  const out = ref(graph.output);
  lines.push('', `${out}.backward()`, `print("${names[graph.output]} =", ${out}.item())`);
  // An input the output does not use has no .grad at all: its gradient is 0.
  for (const i of inputs) {
    const g = `${pyName(i.name)}.grad`;
    lines.push(`print("d${names[graph.output]}/d${i.name} =", ${g}.item() if ${g} is not None else 0.0)`);
  }
  if (tie)
    lines.push(
      '',
      '# At an exact tie, torch max/min share the gradient; Gradflow gives it all to the first argument.',
    );
  return `${lines.join('\n')}\n`;
}
