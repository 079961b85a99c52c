import type { OpName } from '../ops/types';
import { pyFloat } from './numbers';

/* Gradflow's ops in torch, shared by the program's lines and the bodies of its functions. */

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
export const INFIX: Partial<Record<OpName, string>> = { add: '+', sub: '-', mul: '*', div: '/', pow: '**' };

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

/** Writes torch expressions, and remembers what the script then needs: `import math`, the helpers. */
export class Torch {
  usesMath = false;
  private readonly helpers = new Set<'max' | 'min'>();

  /** A number as a float64 tensor (torch functions refuse Python floats); pi and e as math.pi, math.e. */
  tensor(v: number, text: string | undefined): string {
    let literal = pyFloat(v);
    if ((text === 'pi' && v === Math.PI) || (text === 'e' && v === Math.E)) {
      literal = `math.${text}`;
      this.usesMath = true;
    }
    return `torch.tensor(${literal}, dtype=torch.float64)`;
  }

  /** `op` applied to operands that are names or calls (an infix op comes out unparenthesized). */
  apply(op: OpName, a: readonly string[]): string {
    const infix = INFIX[op];
    if (infix) return `${a[0]} ${infix} ${a[1]}`;
    if (op === 'neg') return `-${a[0]}`;
    if (op === 'param') return a[0] as string;
    if (op === 'max' || op === 'min') {
      this.helpers.add(op);
      return `first_${op}(${a.join(', ')})`;
    }
    const fn = CALL[op];
    if (!fn) throw new Error(`toPyTorch: no torch function for ${op}`);
    return `${fn}(${a[0]})`;
  }

  /** The helper functions used, each followed by two blank lines. */
  helperLines(): string[] {
    const lines: string[] = [];
    for (const op of ['max', 'min'] as const) if (this.helpers.has(op)) lines.push(...helper(op));
    return lines;
  }
}
