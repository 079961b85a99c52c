import { formatNumber as f } from '../format';
import type { TensorLevel, TensorNode, TensorStep } from './level';

/*
 * What each backward step at tensor level says: the vector-Jacobian product with its shapes, in the
 * lecture's words (a matmul swaps, a sum distributes, broadcasting sums back, relu gates elementwise):
 *   matmul swaps: ∂L/∂W = ∂L/∂s · xᵀ  (3×1)·(1×4) = (3×4)
 */

const dims = (shape: readonly number[]) => (shape.length === 0 ? '1' : shape.join('×'));
const paren = (shape: readonly number[]) => `(${dims(shape)})`;

/** Names for the tensor nodes: their own where a statement names them, else t1, t2, …; the output L or f. */
export function tensorNames(level: TensorLevel): string[] {
  const taken = new Set(level.nodes.map((n) => n.label).filter((l): l is string => l !== undefined));
  const out = ['L', 'f', 'loss', 'output'].find((c) => !taken.has(c)) ?? 'output';
  let k = 0;
  return level.nodes.map((n) => {
    if (n.label !== undefined) return n.label;
    if (n.id === level.output) return out;
    if (n.constant !== undefined) return n.constant;
    if (n.kind === 'input') return n.outputs.length === 1 ? 'c' : 'const';
    k++;
    while (taken.has(`t${k}`)) k++;
    return `t${k}`;
  });
}

/**
 * Numbers as NumPy prints them, in their shape and short: 4, [48, 0] (… past six), [[12], [0]] (a
 * matrix by rows, … past three rows or four columns).
 */
export function numbers(xs: readonly number[], shape?: readonly number[]): string {
  if (shape && shape.length === 2) {
    const [r, c] = [shape[0] as number, shape[1] as number];
    const rows: string[] = [];
    for (let i = 0; i < Math.min(r, 3); i++) {
      const row = xs.slice(i * c, i * c + Math.min(c, 4)).map((v) => f(v));
      rows.push(`[${row.join(', ')}${c > 4 ? ', …' : ''}]`);
    }
    return `[${rows.join(', ')}${r > 3 ? ', …' : ''}]`;
  }
  const shown = xs.slice(0, 6).map((v) => f(v));
  return xs.length === 1 && (shape?.length ?? 0) === 0
    ? (shown[0] as string)
    : `[${shown.join(', ')}${xs.length > 6 ? ', …' : ''}]`;
}

/** The words for an elementwise op in a caption (subtract, not sub). */
const WORD: Partial<Record<string, string>> = {
  sub: 'subtract',
  mul: 'multiply',
  div: 'divide',
  pow: 'power',
  neg: 'negate',
};

/** An op's name in words: subtract, multiply, relu, matmul. */
export const opWord = (op: string): string => WORD[op] ?? op;

/** The caption of one tensor-level backward step. */
/**
 * The caption of one tensor-level backward step; `alone` when it is the source's only term (then what
 * it gives is the source's gradient, and is said so).
 */
export function tensorStepCaption(
  level: TensorLevel,
  names: readonly string[],
  step: TensorStep,
  alone = false,
): string {
  const t = level.nodes[step.target] as TensorNode;
  const s = level.nodes[step.source] as TensorNode;
  const out = names[level.output] as string;
  const T = names[t.id] as string;
  const S = names[s.id] as string;
  const dT = `∂${out}/∂${T}`;
  const dS = `∂${out}/∂${S}`;
  const other = t.inputs[1 - step.slot];
  const o = other === undefined ? undefined : (level.nodes[other] as TensorNode);
  const O = other === undefined ? '' : (names[other] as string);
  const result = alone
    ? `${dS} = ${numbers(step.contribution, s.shape)}`
    : `This edge gives ${S} ${numbers(step.contribution, s.shape)}`;
  const what = ((): string => {
    switch (t.op) {
      case 'matmul': {
        const [a, b] = t.inputs.map((i) => (level.nodes[i] as TensorNode).shape) as [number[], number[]];
        if (a.length === 1 && b.length === 1) return `the dot product swaps: ${dS} = ${dT} · ${O}`;
        if (step.slot === 0) {
          // ∂L/∂A = ∂L/∂out · Bᵀ (a vector B as a row: the outer product).
          const bT = b.length === 1 ? [1, b[0] as number] : [b[1] as number, b[0] as number];
          const g = t.shape.length === 1 && a.length === 2 ? [t.shape[0] as number, 1] : t.shape;
          return a.length === 1
            ? `matmul swaps: ${dS} = ${O} · ${dT}  ${paren(b)}·${paren(t.shape)} = ${paren(s.shape)}`
            : `matmul swaps: ${dS} = ${dT} · ${O}ᵀ  ${paren(g)}·${paren(bT)} = ${paren(s.shape)}`;
        }
        const aT = a.length === 1 ? a : [a[1] as number, a[0] as number];
        return b.length === 1
          ? `matmul swaps: ${dS} = ${O}ᵀ · ${dT}  ${paren(aT)}·${paren(t.shape)} = ${paren(s.shape)}`
          : `matmul swaps: ${dS} = ${O}ᵀ · ${dT}  ${paren(aT)}·${paren(t.shape)} = ${paren(s.shape)}`;
      }
      case 'elementwise': {
        const back =
          s.outputs.length < t.outputs.length
            ? `, summed back over the broadcast axes ${paren(t.shape)} → ${paren(s.shape)}`
            : '';
        const op = t.scalar;
        if (op === 'add') return `add distributes, elementwise: ${dS} = ${dT}${back}`;
        if (op === 'sub')
          return `subtract distributes, elementwise: ${dS} = ${step.slot === 0 ? '' : '−'}${dT}${back}`;
        if (op === 'mul') return `mul swaps, elementwise: ${dS} = ${dT} ⊙ ${o ? O : '…'}${back}`;
        if (op === 'relu') return `relu gates elementwise: ${dS} = ${dT} ⊙ 1[${S} > 0]`;
        return `${opWord(op ?? '')} acts elementwise: ${dS} = ${dT} ⊙ ∂${T}/∂${S}${back}`;
      }
      case 'sum':
        return `sum distributes: every element of ${S} gets ${dT} = ${numbers(step.upstream, t.shape)} ${paren(s.shape)}`;
      case 'mean':
        return `mean distributes: every element of ${S} gets 1/${s.outputs.length} of ${dT}`;
      case 'max':
      case 'min':
        return `${t.op} routes: all of ${dT} goes to the ${t.op === 'max' ? 'largest' : 'smallest'} element of ${S}`;
      case 'softmax':
        return `softmax: ${dS} = p ⊙ (${dT} − Σ p·${dT}), with p = softmax(${S})`;
      case 'logsumexp':
        return `logsumexp: ${dS} = ${dT} · softmax(${S})`;
      case 'transpose':
        return `transpose: the gradient is transposed back, ${paren(t.shape)} → ${paren(s.shape)}`;
      case 'index':
        return `index: the gradient goes to the element${t.outputs.length > 1 ? 's' : ''} picked from ${S}; the others get 0`;
      case 'list':
        return `${T} lists its elements: element ${step.slot} of ${dT} goes back to ${S}`;
      default:
        return `${t.scalar ?? 'gate'}: ${dS} = ${dT} · ∂${T}/∂${S}`;
    }
  })();
  return `${what}. ${result}.`;
}
