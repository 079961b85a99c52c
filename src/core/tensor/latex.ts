import { num } from '../latex';
import { nameLatex } from '../symbols';
import type { TensorLevel, TensorNode, TensorStep } from './level';

/*
 * A tensor-level backward step as the lecture writes it: the vector-Jacobian product with its shapes,
 * then its numbers,
 *   ∂C/∂W₁ = ∂C/∂t₁ · xᵀ   (2×1)·(1×1) = (2×1)   = [12; 0]
 */

const dims = (shape: readonly number[]) => (shape.length === 0 ? '1' : shape.join('{\\times}'));

/** Numbers as a bmatrix of their shape (a vector as a column, as the lectures draw it), truncated. */
export function matrixLatex(values: readonly number[], shape: readonly number[], max = 4): string {
  if (shape.length === 0) return num(values[0] as number, 4, true);
  // A long vector as a transposed row, so that the equation stays one line high.
  if (shape.length === 1 && values.length > 3)
    return `${matrixLatex(values, [1, values.length], max)}^{\\top}`;
  const [r, c] = shape.length === 2 ? [shape[0] as number, shape[1] as number] : [shape[0] as number, 1];
  const rows: string[] = [];
  for (let i = 0; i < Math.min(r, max); i++) {
    const row: string[] = [];
    for (let j = 0; j < Math.min(c, max); j++) row.push(num(values[i * c + j] as number, 4, true));
    if (c > max) row.push('\\cdots');
    rows.push(row.join(' & '));
  }
  if (r > max)
    rows.push(Array.from({ length: Math.min(c, max) + (c > max ? 1 : 0) }, () => '\\vdots').join(' & '));
  return `\\begin{bmatrix}${rows.join(' \\\\ ')}\\end{bmatrix}`;
}

export function tensorStepLatex(level: TensorLevel, names: readonly string[], step: TensorStep): string {
  const t = level.nodes[step.target] as TensorNode;
  const s = level.nodes[step.source] as TensorNode;
  const out = nameLatex(names[level.output] as string);
  const d = (id: number) => `\\frac{\\partial ${out}}{\\partial ${nameLatex(names[id] as string)}}`;
  const other = t.inputs[1 - step.slot];
  const O = other === undefined ? '' : nameLatex(names[other] as string);
  const oShape = other === undefined ? [] : (level.nodes[other] as TensorNode).shape;
  const S = nameLatex(names[s.id] as string);
  const rule = ((): string => {
    switch (t.op) {
      case 'matmul': {
        if (s.shape.length === 1 && oShape.length === 1) return `${d(t.id)}\\, ${O}`;
        const shapes = (a: string, b: string) => `\\quad (${a})\\cdot(${b}) = (${dims(s.shape)})`;
        const g =
          t.shape.length === 0
            ? '1'
            : dims(t.shape.length === 1 && step.slot === 0 ? [t.shape[0] as number, 1] : t.shape);
        if (step.slot === 0) {
          const bT =
            oShape.length === 1 ? `1{\\times}${oShape[0]}` : dims([oShape[1] as number, oShape[0] as number]);
          return s.shape.length === 1
            ? `${O}\\, ${d(t.id)}${shapes(dims(oShape), g)}`
            : `${d(t.id)}\\, ${O}^{\\top}${shapes(g, bT)}`;
        }
        const aT = oShape.length === 1 ? dims(oShape) : dims([oShape[1] as number, oShape[0] as number]);
        return `${O}^{\\top} ${d(t.id)}${shapes(aT, g)}`;
      }
      case 'elementwise': {
        const back = s.outputs.length < t.outputs.length ? '\\text{, summed over the broadcast axes}' : '';
        if (t.scalar === 'add') return `${d(t.id)}${back}`;
        if (t.scalar === 'sub') return `${step.slot === 0 ? '' : '-'}${d(t.id)}${back}`;
        if (t.scalar === 'mul') return `${d(t.id)} \\odot ${O}${back}`;
        if (t.scalar === 'relu') return `${d(t.id)} \\odot \\mathbb{1}[${S} > 0]`;
        return `${d(t.id)} \\odot \\operatorname{${t.scalar}}'(${S})${back}`;
      }
      case 'sum':
        return `${d(t.id)}\\, \\mathbf{1}`;
      case 'mean':
        return `\\tfrac{1}{${s.outputs.length}}\\, ${d(t.id)}\\, \\mathbf{1}`;
      case 'softmax':
        return `p \\odot \\big(${d(t.id)} - p^{\\top} ${d(t.id)}\\big),\\ p = \\operatorname{softmax}(${S})`;
      case 'logsumexp':
        return `${d(t.id)}\\, \\operatorname{softmax}(${S})`;
      case 'transpose':
        return `\\big(${d(t.id)}\\big)^{\\top}`;
      default:
        return `${d(t.id)}\\, \\frac{\\partial ${nameLatex(names[t.id] as string)}}{\\partial ${S}}`;
    }
  })();
  return `${d(s.id)} = ${rule} = ${matrixLatex(step.contribution, s.shape)}`;
}
