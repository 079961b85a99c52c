import type { AnalysisOk } from '../analyze';
import type { TensorOpName } from '../ops/tensor';
import type { TensorLevel, TensorNode } from './level';

/* Which tensor-level nodes can be opened into their scalar gates, and the keys that name them. */

/** An opened operation can have at most this many elements: beyond it, its scalar graph is unreadable. */
export const MAX_OPEN_ELEMENTS = 16;

/** Keys for the tensor-level nodes: a statement's name, else the operation and its occurrence. */
export function tensorKeys(level: TensorLevel): string[] {
  const seen = new Map<string, number>();
  return level.nodes.map((n) => {
    const base = n.label ?? `${n.op === 'elementwise' ? n.scalar : (n.op ?? n.scalar ?? n.kind)}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return k === 0 && n.label !== undefined ? base : `${base}#${k}`;
  });
}

/** Operations that compute (a literal, a transpose or an index only rearranges existing values). */
const COMPUTES = new Set<TensorOpName>([
  'matmul',
  'elementwise',
  'sum',
  'mean',
  'max',
  'min',
  'softmax',
  'logsumexp',
]);

/** The operation's scalar nodes, when it can be opened: it computes all its outputs itself, and few. */
export function ownNodes(a: AnalysisOk, level: TensorLevel, n: TensorNode): [number, number] | null {
  if (n.kind !== 'op' || !n.op || !COMPUTES.has(n.op) || n.outputs.length > MAX_OPEN_ELEMENTS) return null;
  // None of its outputs is an operand's own value (max(v) of one element, say, passes it on).
  if (n.inputs.some((s) => (level.nodes[s] as TensorNode).outputs.some((v) => n.outputs.includes(v))))
    return null;
  const t = a.graph.tensors.find((t) => t.outputs === n.outputs);
  if (!t || t.last < t.first || !n.outputs.every((v) => v >= t.first && v <= t.last)) return null;
  return [t.first, t.last];
}
