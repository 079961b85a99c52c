import type { BackwardStep } from './backward';
import { formatNumber as f } from './format';
import type { Graph } from './graph';
import { CALL_CODE, CONST_CODE, OP, PARAM_CODE } from './ops/table';
import type { EdgeContext } from './ops/types';

/** A number after × or +, parenthesized when negative: 3 × (−4). */
const factor = (v: number) => (v < 0 ? `(${f(v)})` : f(v));

/**
 * Where several branches meet at `node` (gradients going back, tangents going forward): which branch this
 * step is, and at the last one the sum they add up to. Empty for a node with one branch.
 */
export function branchSentence(
  step: { term: number; terms: number; before: number; contribution: number; after: number },
  node: string,
  what: 'gradients' | 'tangents',
): string {
  if (step.terms < 2) return '';
  if (step.term < step.terms)
    return ` This is branch ${step.term} of ${step.terms} into ${node}; ${what} add where branches meet.`;
  const What = what === 'gradients' ? 'Gradients' : 'Tangents';
  return ` ${What} add where branches meet: ${node} now has ${f(step.before)} + ${factor(step.contribution)} = ${f(step.after)}.`;
}

/** Plain-text description of the gate's pattern at one backward step (what the Step panel says). */
export function stepCaption(
  graph: Graph,
  names: readonly string[],
  values: Float64Array,
  step: BackwardStep,
): string {
  const gate = graph.node(step.target);
  if (!gate) return '';
  const spec = OP[gate.op];
  const argNames = gate.inputs.map((i) => names[i] as string);
  const c: EdgeContext = {
    x: gate.inputs.map((i) => values[i] as number),
    out: values[gate.id] as number,
    i: step.slot,
    names: argNames,
    constant: gate.inputs.map((i) => graph.op[i] === CONST_CODE),
  };
  // A call gate (or a parameter inside an expanded one) speaks of its function.
  const code = graph.op[gate.id];
  if (code === CALL_CODE || code === PARAM_CODE) {
    c.fn = gate.fn ?? 'ƒ';
    c.local = step.local;
    const info = graph.calls[gate.id];
    c.param = code === PARAM_CODE ? names[gate.id] : info?.params[step.slot];
    if (info?.like) c.like = info.like;
  }
  const what = spec.explain(c);
  const out = names[graph.output] as string;
  const t = names[step.target] as string;
  const s = names[step.source] as string;
  // The chain rule in numbers. Into the output the upstream gradient is the seed ∂out/∂out = 1.
  const upstream = step.target === graph.output ? `∂${out}/∂${out}` : `∂${out}/∂${t}`;
  const chain = `∂${out}/∂${s} = ${upstream} · ∂${t}/∂${s} = ${f(step.upstream)} × ${factor(step.local)} = ${f(step.contribution)}`;
  return `${what} ${chain}.${branchSentence(step, s, 'gradients')}`;
}

/** Plain-text description of a forward step: `q = x + y = −2 + 5 = 3`. */
export function forwardCaption(
  graph: Graph,
  names: readonly string[],
  values: Float64Array,
  id: number,
): string {
  const node = graph.node(id);
  if (!node) return '';
  const spec = OP[node.op];
  const args = node.inputs.map((i) => names[i] as string);
  const nums = node.inputs.map((i) => f(values[i] as number));
  const show = (a: string[]) =>
    spec.name === 'param'
      ? (a[0] as string)
      : // An operator between its operands (x + y, x1 ^ 2); a function around them (max(a, b)).
        node.inputs.length === 2 && !/\w/.test(spec.symbol) && spec.name !== 'call'
        ? `${a[0]} ${spec.symbol} ${a[1]}`
        : `${node.fn ?? (spec.name === 'neg' ? '−' : spec.symbol)}(${a.join(', ')})`;
  return `${names[id]} = ${show(args)} = ${show(nums)} = ${f(values[id] as number)}`;
}
