import { branchSentence } from './captions';
import { formatNumber as f } from './format';
import type { Graph } from './graph';
import { CALL_CODE, CONST_CODE, OP, PARAM_CODE } from './ops/table';
import type { GatePattern } from './ops/types';
import type { TangentPass, TangentStep } from './tangent';

/* What the Step panel says at a forward-mode step: how the gate passes a tangent on, then the chain rule
 * read from the input side, dt/dx = ∂t/∂s · ds/dx, in numbers. A tangent is written with d (dt/dx, the
 * derivative of t along the seed x, all paths counted), a gate's local derivative with ∂ (∂t/∂s, the gate
 * alone), so that the two never read alike. */

/** A number after × or +, parenthesized when negative: 3 × (−4). */
const factor = (v: number) => (v < 0 ? `(${f(v)})` : f(v));

/** What the gate does to the tangent of argument `s` (local derivative `local`), by its pattern. */
function gateSays(
  pattern: GatePattern,
  gate: string,
  s: string,
  local: number,
  slot: number,
  other: { name: string; value: number; constant: boolean } | undefined,
): string {
  switch (pattern) {
    case 'distributes':
      return `add passes the tangent of ${s} through unchanged (local derivative 1): the tangents of its inputs add.`;
    case 'distributes-signed':
      return slot === 0
        ? `subtract passes the tangent of the left input ${s} through unchanged (local derivative 1).`
        : `subtract flips the sign of the right input's tangent (${s}; local derivative −1).`;
    case 'swaps':
      return other?.constant
        ? `a scalar multiply scales the tangent of ${s} by the constant ${f(other.value)}.`
        : `mul scales the tangent of ${s} by the other input's value (${other?.name} = ${f(other?.value ?? Number.NaN)}): the product rule, one term per input.`;
    case 'flips':
      return `negation flips the sign of the tangent of ${s}.`;
    case 'gates':
      return local === 0
        ? `relu blocks the tangent: its input ${s} is not positive, so the local derivative is 0.`
        : `relu passes the tangent through: its input ${s} is positive (local derivative 1).`;
    case 'routes':
      return local === 0
        ? `${gate} routes: ${s} is not the winner, so its tangent is dropped (local derivative 0).`
        : `${gate} routes: ${s} is the winner, so its tangent passes through (local derivative 1).`;
    case 'passes':
      return `the parameter ${gate} passes the tangent of ${s} in unchanged (×1).`;
    case 'staged':
      return `the call ${gate} multiplies the tangent of ${s} by its local derivative, the chain rule through its inside.`;
    default:
      return `${gate} multiplies the tangent of ${s} by its local derivative ∂${gate}/∂${s} = ${f(local)}.`;
  }
}

/** Plain-text description of one tangent step (what the Step panel says in forward mode). */
export function tangentCaption(
  graph: Graph,
  names: readonly string[],
  values: Float64Array,
  pass: TangentPass,
  step: TangentStep,
): string {
  const gate = graph.node(step.target);
  if (!gate) return '';
  const code = graph.op[gate.id] as number;
  const t = names[step.target] as string;
  const s = names[step.source] as string;
  const x = names[pass.seed] as string;
  const word = code === CALL_CODE || code === PARAM_CODE ? (gate.fn ?? t) : (gate.fn ?? OP[gate.op].name);
  const o = gate.inputs.length === 2 ? (gate.inputs[1 - step.slot] as number) : undefined;
  const other =
    o === undefined
      ? undefined
      : { name: names[o] as string, value: values[o] as number, constant: graph.op[o] === CONST_CODE };
  const what = gateSays(OP[gate.op].pattern, code === PARAM_CODE ? t : word, s, step.local, step.slot, other);
  // Along the seed's own edge, dx/dx is the seed itself: 1.
  const chain = `d${t}/d${x} = ∂${t}/∂${s} · d${s}/d${x} = ${f(step.local)} × ${factor(step.incoming)} = ${f(step.contribution)}`;
  // Arguments that do not depend on the seed bring a tangent of 0: said once, at the gate's last term.
  const still = gate.inputs.filter((i) => !pass.cone[i] && graph.op[i] !== CONST_CODE);
  const zero =
    step.term === step.terms && still.length > 0
      ? ` ${[...new Set(still.map((i) => names[i]))].join(', ')} ${still.length === 1 ? 'does' : 'do'} not depend on ${x}: ${still.length === 1 ? 'its' : 'their'} tangent is 0 and brings nothing.`
      : '';
  return `${what} ${chain}.${branchSentence(step, t, 'tangents')}${zero}`;
}
