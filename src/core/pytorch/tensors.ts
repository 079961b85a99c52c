import type { AnalysisOk } from '../analyze';
import { tensorNames } from '../tensor/captions';
import { type TensorLevel, type TensorNode, tensorLevel } from '../tensor/level';
import { pyNames } from './names';
import { pyFloat } from './numbers';
import { Torch } from './torch';

/*
 * "Copy as PyTorch" for a program with vectors and matrices: one line per tensor operation, as the
 * lecture writes it (W1 @ x, torch.relu(h), torch.sum(v)), the inputs as float64 tensors of their shapes
 * with requires_grad=True, and each input's gradient printed as a nested list of its shape.
 */

const F64 = 'dtype=torch.float64';

/** Nested Python lists of a tensor's numbers: [[4.0], [-2.0]]. */
function literal(values: readonly number[], shape: readonly number[]): string {
  if (shape.length === 0) return pyFloat(values[0] as number);
  if (shape.length === 1) return `[${values.map(pyFloat).join(', ')}]`;
  const c = shape[1] as number;
  const rows: string[] = [];
  for (let i = 0; i * c < values.length; i++) rows.push(literal(values.slice(i * c, i * c + c), [c]));
  return `[${rows.join(', ')}]`;
}

/** `a[…]` for an index operation: the element or row or column of `src` it picks. */
function indexing(n: TensorNode, src: TensorNode, a: string): string {
  const at = n.outputs.map((v) => src.outputs.indexOf(v));
  const cols = src.shape.length === 2 ? (src.shape[1] as number) : 0;
  if (n.shape.length === 0) {
    const p = at[0] as number;
    return cols === 0 ? `${a}[${p}]` : `${a}[${Math.floor(p / cols)}, ${p % cols}]`;
  }
  const first = at[0] as number;
  if (cols > 0 && first % cols === 0 && at.every((p, k) => p === first + k) && at.length === cols)
    return `${a}[${first / cols}]`;
  if (cols > 0 && at.every((p, k) => p === first + k * cols)) return `${a}[:, ${first}]`;
  throw new Error('toPyTorch: an index picks neither an element, a row nor a column');
}

/** The script for an analysis whose program uses tensors; null for a program of numbers only. */
export function tensorScript(a: AnalysisOk): string | null {
  const level = tensorLevel(a);
  if (!level) return null;
  return write(a, level);
}

function write(a: AnalysisOk, level: TensorLevel): string {
  const { nodes } = level;
  const live = new Uint8Array(nodes.length);
  live[level.output] = 1;
  for (let id = level.output; id >= 0; id--)
    if (live[id]) for (const s of (nodes[id] as TensorNode).inputs) live[s] = 1;
  const names = tensorNames(level);
  const isConst = (n: TensorNode) => n.constant !== undefined;
  // Every live node that is not a constant gets a Python variable.
  const named = nodes.filter((n) => live[n.id] && !isConst(n));
  const py = new Map<number, string>();
  const renamed: string[] = [];
  pyNames(named.map((n) => names[n.id] as string)).forEach((p, k) => {
    const n = named[k] as TensorNode;
    py.set(n.id, p);
    if (p !== names[n.id]) renamed.push(`${names[n.id]} as ${p}`);
  });
  const torch = new Torch();
  const value = (n: TensorNode) => n.outputs.map((v) => a.values[v] as number);
  const ref = (id: number) => {
    const n = nodes[id] as TensorNode;
    return isConst(n) ? torch.tensor(value(n)[0] as number, n.constant) : (py.get(id) as string);
  };
  // In the order the program declares them.
  const inputs = nodes
    .filter((n) => live[n.id] && n.kind === 'input' && !isConst(n))
    .sort((p, q) => p.start - q.start);
  const body: string[] = [];
  for (const n of inputs)
    body.push(`${py.get(n.id)} = torch.tensor(${literal(value(n), n.shape)}, ${F64}, requires_grad=True)`);
  for (const n of nodes) {
    if (!live[n.id] || n.kind === 'input') continue;
    body.push(`${py.get(n.id)} = ${expression(n, level, ref, torch)}`);
  }
  // Whether the output depends on an input (else torch has nothing to differentiate).
  const needs = new Uint8Array(nodes.length);
  for (const n of nodes)
    needs[n.id] = n.kind === 'input' ? (isConst(n) ? 0 : 1) : n.inputs.some((s) => needs[s]) ? 1 : 0;
  const out = py.get(level.output) as string;
  const outName = names[level.output] as string;
  const lines = [...(torch.usesMath ? ['import math', ''] : []), 'import torch', ''];
  lines.push("# Gradflow's computation in PyTorch, one line per vector or matrix operation, in float64.");
  if (renamed.length > 0) lines.push(`# Renamed for Python: ${renamed.join(', ')}.`);
  lines.push('');
  const helpers = torch.helperLines();
  if (helpers.length > 0) lines.push('', ...helpers);
  lines.push(...body, '');
  if (needs[level.output]) lines.push(`${out}.backward()`);
  else lines.push(`# ${outName} does not depend on any input: every gradient is 0.`);
  lines.push(`print("${outName} =", ${out}.item())`);
  for (const n of inputs) {
    const v = py.get(n.id) as string;
    const g = `${v}.grad`;
    lines.push(
      n.shape.length === 0
        ? `print("d${outName}/d${names[n.id]} =", ${g}.item() if ${g} is not None else 0.0)`
        : `print("d${outName}/d${names[n.id]} =", ${g}.tolist() if ${g} is not None else torch.zeros_like(${v}).tolist())`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One tensor operation in torch. */
function expression(n: TensorNode, level: TensorLevel, ref: (id: number) => string, torch: Torch): string {
  const args = n.inputs.map(ref);
  const src = level.nodes[n.inputs[0] as number] as TensorNode;
  const a = args[0] as string;
  switch (n.op) {
    case 'list':
      return `torch.stack([${args.join(', ')}])`;
    case 'matmul':
      return `${a} @ ${args[1]}`;
    case 'transpose':
      // NumPy's .T of a vector is the vector itself.
      return src.shape.length === 2 ? `${a}.T` : a;
    case 'index':
      return indexing(n, src, a);
    case 'sum':
      return `torch.sum(${a})`;
    case 'mean':
      return `torch.mean(${a})`;
    case 'max':
    case 'min': {
      // All of the gradient to the first element that attains the extreme (torch.argmax's tie rule).
      const flat = src.shape.length === 1 ? a : `${a}.flatten()`;
      return `${flat}[torch.arg${n.op}(${flat})]`;
    }
    case 'softmax':
      return src.shape.length === 1
        ? `torch.softmax(${a}, dim=0)`
        : `torch.softmax(${a}.flatten(), dim=0).reshape(${src.shape.join(', ')})`;
    case 'logsumexp':
      return `torch.logsumexp(${src.shape.length === 1 ? a : `${a}.flatten()`}, dim=0)`;
    default: {
      const op = n.scalar;
      if (!op) throw new Error(`toPyTorch: no torch form for ${n.op ?? n.kind}`);
      // max/min of tensors elementwise: torch.where(a >= b, a, b) gives a tie to the first argument.
      if ((op === 'max' || op === 'min') && n.kind === 'op') {
        const cmp = op === 'max' ? '>=' : '<=';
        return args.slice(1).reduce((m, b) => `torch.where(${m} ${cmp} ${b}, ${m}, ${b})`, a);
      }
      return torch.apply(op, args);
    }
  }
}
