import type { BackwardStep } from './backward';
import { formatAscii } from './format';
import type { Graph } from './graph';
import { OP } from './ops/table';
import { nameLatex } from './symbols';
import type { TangentStep } from './tangent';

/* LaTeX strings built from the graph (never from the student's raw text). KaTeX renders them in the UI. */

/** LaTeX symbol of node `id`: a constant's value, otherwise its name. */
export function symbolLatex(graph: Graph, names: readonly string[], id: number): string {
  const node = graph.node(id);
  if (node?.op === 'const')
    return node.text === 'pi' ? '\\pi' : node.text === 'e' ? 'e' : num(node.constant as number);
  return nameLatex(names[id] as string);
}

/** A number for LaTeX, parenthesized when negative (−4) unless it stands alone (a result). */
export function num(v: number, digits = 4, alone = false): string {
  const s = formatAscii(v, digits).replace(/e(-?\d+)$/, '\\times 10^{$1}');
  return v < 0 && !alone ? `(${s})` : s;
}

const partialOf = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
/** A tangent, the derivative along the seed with every path counted: d top / d bottom. */
export const totalOf = (top: string, bottom: string) => `\\frac{d ${top}}{d ${bottom}}`;

/** The formula of a gate applied to its operands; a call is written with its function's name. */
function gateLatex(graph: Graph, id: number, args: readonly string[]): string {
  const node = graph.node(id);
  if (!node) return '';
  if (node.op === 'call') return `${nameLatex(node.fn ?? 'f')}\\left(${args.join(', ')}\\right)`;
  return OP[node.op].latex(args).replace(/^\\ln/, node.fn === 'ln' ? '\\ln' : '\\log');
}

/**
 * ∂gate/∂operand `slot` as a formula. A collapsed call has no formula of its operands (its local
 * derivative is the chain rule through its inside): ∂sig/∂z, or σ(1−σ) when its body is a sigmoid.
 */
function partialLatex(graph: Graph, id: number, args: readonly string[], out: string, slot: number): string {
  const node = graph.node(id);
  if (!node) return '';
  if (node.op !== 'call') return OP[node.op].partialLatex(args, out, slot);
  const info = graph.calls[id];
  if (info?.like) return OP[info.like].partialLatex(args, out, slot);
  const param = info?.params[slot];
  return partialOf(
    nameLatex(node.fn ?? 'f'),
    param === undefined ? (args[slot] as string) : nameLatex(param),
  );
}

/** `q = x + y`: the node's definition in terms of its inputs' symbols. */
export function definitionLatex(graph: Graph, names: readonly string[], id: number): string {
  const node = graph.node(id);
  if (!node || node.inputs.length === 0) return symbolLatex(graph, names, id);
  const args = node.inputs.map((i) => symbolLatex(graph, names, i));
  return `${symbolLatex(graph, names, id)} = ${gateLatex(graph, id, args)}`;
}

/** ∂node/∂input_slot as a formula of the node's symbols: ∂q/∂x = 1, ∂f/∂q = z. */
export function localLatex(graph: Graph, names: readonly string[], id: number, slot: number): string {
  const node = graph.node(id);
  if (!node) return '';
  const args = node.inputs.map((i) => symbolLatex(graph, names, i));
  const out = symbolLatex(graph, names, id);
  return `${partialOf(out, args[slot] as string)} = ${partialLatex(graph, id, args, out, slot)}`;
}

/** A step's edge s → t: the two symbols, and ∂t/∂s as a formula of the gate's own symbols. */
function edgeLatex(
  graph: Graph,
  names: readonly string[],
  step: { source: number; target: number; slot: number },
): { t: string; s: string; local: string } {
  const t = symbolLatex(graph, names, step.target);
  const s = symbolLatex(graph, names, step.source);
  const gate = graph.node(step.target);
  const args = gate ? gate.inputs.map((i) => symbolLatex(graph, names, i)) : [];
  return { t, s, local: gate ? partialLatex(graph, step.target, args, t, step.slot) : '' };
}

/** A number as num() writes it: 3, (-2.5), 1.2\times 10^{-5}. */
const isNumber = (s: string) => /^\(?-?[\d.]+(\\times 10\^\{-?\d+\})?\)?$/.test(s);

/** What is left of a LaTeX formula outside its groups ({…}, \left(…\right)): its top level. */
function topLevel(s: string): string {
  let t = s;
  for (let u = ''; u !== t; ) {
    u = t;
    t = t.replace(/\{[^{}]*\}|\\left[([|](?:(?!\\left)[\s\S])*?\\right[)\]|]/g, '');
  }
  return t;
}

/** A factor after `\cdot`: parenthesized when it is a sum, a product or starts with a minus sign. */
const factor = (s: string) => (isNumber(s) || !/[-+]|\\cdot/.test(topLevel(s)) ? s : `\\left(${s}\\right)`);

/**
 * The chain rule at one backward step, with symbols, then the local derivative's formula, then numbers:
 *   ∂f/∂q = ∂f/∂f · ∂f/∂q = 1 · z = 1 · (−4) = −4     (the edge into the output: the seed ∂f/∂f = 1)
 *   ∂f/∂c = ∂f/∂d · ∂d/∂c = 3 · (2 · c^{2−1}) = 3 · 4 = 12
 *   ∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4              (a local derivative that is a plain number)
 * and, when several branches meet at the input, the running sum: ∂f/∂x = 0.2 + 0.4 = 0.6.
 */
export function stepLatex(
  graph: Graph,
  names: readonly string[],
  step: BackwardStep,
  previous: readonly number[],
): string {
  const f = symbolLatex(graph, names, graph.output);
  const { t, s, local } = edgeLatex(graph, names, step);
  const upstream = num(step.upstream);
  // The formula of ∂t/∂s in the gate's own symbols (z for q·z), unless it is just its number (1 for +).
  const formula = isNumber(local) ? '' : ` = ${upstream} \\cdot ${factor(local)}`;
  const chain = `${partialOf(f, t)} \\cdot ${partialOf(t, s)}${formula} = ${upstream} \\cdot ${num(step.local)} = ${num(step.contribution, 4, true)}`;
  return branches(partialOf(f, s), t, chain, step, previous);
}

/**
 * `lhs = chain`, and when several branches meet at the node receiving it, which branch this is, and at
 * the last one the running sum of them all: ∂f/∂x = 0.2 + 0.4 = 0.6.
 */
function branches(
  lhs: string,
  via: string,
  chain: string,
  step: { term: number; terms: number; contribution: number; after: number },
  previous: readonly number[],
): string {
  if (step.terms === 1) return `${lhs} = ${chain}`;
  const part = `\\left.${lhs}\\right|_{\\text{via } ${via}} = ${chain}`;
  if (step.term < step.terms) return `${part} \\quad (\\text{branch ${step.term} of ${step.terms}})`;
  const terms = [...previous, step.contribution].map((c, k) =>
    k === 0 ? num(c) : c < 0 ? `- ${num(-c)}` : `+ ${num(c)}`,
  );
  return `${part} \\\\ ${lhs} = ${terms.join(' ')} = ${num(step.after, 4, true)}`;
}

/**
 * Forward mode: the chain rule read from the input side at one tangent step, with symbols, the local
 * derivative's formula, then numbers:
 *   dq/dx = ∂q/∂x · dx/dx = 1 · 1 = 1           (the seed's own edge: dx/dx = 1)
 *   df/dx = ∂f/∂q · dq/dx = z · 1 = (−4) · 1 = −4
 * (d for the tangents, ∂ for the gate's local derivative)
 * and the running sum where the tangents of several branches meet.
 */
export function tangentLatex(
  graph: Graph,
  names: readonly string[],
  seed: number,
  step: TangentStep,
  previous: readonly number[],
): string {
  const x = symbolLatex(graph, names, seed);
  const { t, s, local } = edgeLatex(graph, names, step);
  const incoming = num(step.incoming);
  const formula = isNumber(local) ? '' : ` = ${factor(local)} \\cdot ${incoming}`;
  const chain = `${partialOf(t, s)} \\cdot ${totalOf(s, x)}${formula} = ${num(step.local)} \\cdot ${incoming} = ${num(step.contribution, 4, true)}`;
  return branches(totalOf(t, x), s, chain, step, previous);
}
