import { E_CALL, E_CONSTANT, E_NAME, E_NUMBER, E_OP, type FunctionDef, type Program } from '../ast';
import { ALL_OPS } from '../ops/table';
import type { OpName } from '../ops/types';
import { pyNames } from './names';
import { INFIX, type Torch } from './torch';

/*
 * The program's functions as Python functions: `sig(z) = 1/(1+exp(-z))` becomes
 *     def sig(z):
 *         return torch.tensor(1.0, dtype=torch.float64) / (torch.tensor(1.0, ...) + torch.exp(-z))
 * written from the body's rows (post-order, so no recursion), with the same torch mapping as the
 * program's lines. A name of the program that the body reads is that name's variable in the script: Gradflow
 * requires it to be defined before the call, and names are never redefined, so it holds the same node at
 * every call.
 */

/** Python's precedence, as far as Gradflow's operators go: a + b, a * b, -a, a ** b, and atoms. */
const ADD = 1;
const MUL = 2;
const NEG = 3;
const POW = 4;
const ATOM = 5;
const LEVEL: Partial<Record<OpName, number>> = { add: ADD, sub: ADD, mul: MUL, div: MUL, pow: POW };

/**
 * A body nested deeper than this is cut into local variables t1, t2, …: CPython refuses an expression
 * nested ~200 levels deep (and a 100,000-term sum), and Gradflow accepts both.
 */
export const MAX_INLINE_DEPTH = 24;

/** What a body's Python refers to outside itself. */
export interface Scope {
  torch: Torch;
  /** The Python name of a function of the program. */
  fn(name: string): string;
  /** The Python variable that holds a name of the program. */
  global(name: string): string;
  /** `lambda as lambda_ (in f)` for each parameter Python needs renamed. */
  renamed: Set<string>;
}

/** Each call row of the body, in order. */
function callRows(program: Program, def: FunctionDef): number[] {
  const rows: number[] = [];
  for (let r = def.first; r <= def.root; r++) if (program.exprs.kind[r] === E_CALL) rows.push(r);
  return rows;
}

/** The definitions of the functions named, and of every function they call, each callee before its callers. */
export function definitionsCalled(program: Program, called: Iterable<string>): FunctionDef[] {
  const byName = new Map(program.definitions.map((d) => [d.name, d]));
  const order: FunctionDef[] = [];
  const seen = new Set<FunctionDef>();
  // Depth-first, with a stack of its own: a chain of thousands of functions must not overflow JavaScript's.
  for (const name of called) {
    const root = byName.get(name);
    if (!root || seen.has(root)) continue;
    seen.add(root);
    const stack: { def: FunctionDef; callees: FunctionDef[]; next: number }[] = [];
    const push = (def: FunctionDef) =>
      stack.push({ def, callees: callRows(program, def).map((r) => program.definitionOf(r)), next: 0 });
    push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const callee = top.callees[top.next++];
      if (callee === undefined) {
        order.push(top.def);
        stack.pop();
      } else if (!seen.has(callee)) {
        seen.add(callee);
        push(callee);
      }
    }
  }
  return order;
}

/** What a body's value depends on: which of its parameters, and which names of the program. */
export interface Usage {
  params: boolean[];
  globals: Set<string>;
}

/**
 * What the body's value depends on. A parameter it never reads, or a name it passes only to a parameter
 * its callee does not use, carries no gradient (and in torch, no requires_grad). `used` holds the
 * callees' answers (definitionsCalled lists callees first).
 */
export function usage(program: Program, def: FunctionDef, used: ReadonlyMap<FunctionDef, Usage>): Usage {
  const x = program.exprs;
  const live = new Uint8Array(def.root - def.first + 1);
  live[def.root - def.first] = 1;
  const result: Usage = { params: def.params.map(() => false), globals: new Set() };
  for (let r = def.root; r >= def.first; r--) {
    if (!live[r - def.first]) continue;
    if (x.kind[r] === E_NAME) {
      const k = def.params.indexOf(x.sym[r] as number);
      if (k >= 0) result.params[k] = true;
      else result.globals.add(program.names[x.sym[r] as number] as string);
      continue;
    }
    const a = x.firstArg[r] as number;
    const callee = x.kind[r] === E_CALL ? used.get(program.definitionOf(r)) : undefined;
    if (callee) for (const g of callee.globals) result.globals.add(g);
    for (let k = a; k < (x.firstArg[r + 1] as number); k++)
      if (!callee || callee.params[k - a]) live[(x.args[k] as number) - def.first] = 1;
  }
  return result;
}

/** The definition as a Python function: its lines, with no blank line after. */
export function pyFunction(program: Program, def: FunctionDef, scope: Scope): string[] {
  const x = program.exprs;
  const { names } = program;
  const { first, root } = def;
  const param = (r: number) => def.params.indexOf(x.sym[r] as number);
  // The names the body sees besides its parameters: the program's names it reads, the functions it calls.
  const taken = new Set<string>();
  for (let r = first; r <= root; r++) {
    const kind = x.kind[r];
    if (kind === E_NAME && param(r) < 0) taken.add(scope.global(names[x.sym[r] as number] as string));
    else if (kind === E_CALL) taken.add(scope.fn(names[x.sym[r] as number] as string));
  }
  const params = pyNames(def.paramNames, taken);
  params.forEach((p, k) => {
    const name = def.paramNames[k] as string;
    taken.add(p);
    if (p !== name) scope.renamed.add(`${name} as ${p} (in ${def.name})`);
  });
  let t = 0;
  const temp = () => {
    do t++;
    while (taken.has(`t${t}`));
    return `t${t}`;
  };

  const lines = [`def ${scope.fn(def.name)}(${params.join(', ')}):`];
  const n = root - first + 1;
  const text: string[] = new Array(n);
  const level = new Uint8Array(n);
  const depth = new Int32Array(n);
  const wrap = (j: number, paren: boolean) => (paren ? `(${text[j]})` : (text[j] as string));
  for (let r = first; r <= root; r++) {
    const i = r - first;
    const kind = x.kind[r];
    const sym = x.sym[r] as number;
    const args: number[] = [];
    let d = 0;
    for (let k = x.firstArg[r] as number; k < (x.firstArg[r + 1] as number); k++) {
      const j = (x.args[k] as number) - first;
      args.push(j);
      d = Math.max(d, depth[j] as number);
    }
    depth[i] = d + 1;
    level[i] = ATOM;
    if (kind === E_NUMBER) text[i] = scope.torch.tensor(program.value(r), undefined);
    else if (kind === E_CONSTANT) text[i] = scope.torch.tensor(program.value(r), names[sym]);
    else if (kind === E_NAME) {
      const k = param(r);
      text[i] = k >= 0 ? (params[k] as string) : scope.global(names[sym] as string);
    } else if (kind === E_CALL)
      text[i] = `${scope.fn(names[sym] as string)}(${args.map((j) => text[j]).join(', ')})`;
    else if (kind !== E_OP) throw new Error(`toPyTorch: no Python for a body row of kind ${kind}`);
    else {
      const op = (ALL_OPS[x.op[r] as number] as { name: OpName }).name;
      const lv = LEVEL[op];
      const [l = 0, rr = 0] = args;
      if (lv !== undefined) {
        // Parentheses where Python would read another tree: a - (b - c), (a * b) ** c, (-a) ** b, a ** (-b).
        const left = wrap(l, lv === POW ? (level[l] as number) <= POW : (level[l] as number) < lv);
        text[i] = `${left} ${INFIX[op]} ${wrap(rr, (level[rr] as number) <= lv)}`;
        level[i] = lv;
      } else if (op === 'neg') {
        text[i] = `-${wrap(l, (level[l] as number) < ATOM)}`;
        level[i] = NEG;
      } else
        text[i] = scope.torch.apply(
          op,
          args.map((j) => text[j] as string),
        );
    }
    if ((depth[i] as number) >= MAX_INLINE_DEPTH && r !== root) {
      const v = temp();
      lines.push(`    ${v} = ${text[i]}`);
      text[i] = v;
      level[i] = ATOM;
      depth[i] = 1;
    }
  }
  lines.push(`    return ${text[n - 1]}`);
  return lines;
}
