import type { Graph } from './graph';
import { CALL_CODE, CONST_CODE, INPUT_CODE } from './ops/table';

/**
 * Stable keys for the view (React keys, layout hints): `in:x` for inputs, `def:q` for named
 * intermediates, `c:2` for constants, and the structural hash for other gates, with `#k` on the k-th
 * repeat (sin(x) + sin(x)). The same sub-expression keeps its key across edits, so the view keeps its
 * position. Computed on demand: the engine itself never needs them.
 */
export function nodeKeys(graph: Graph): string[] {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  for (let id = 0; id < graph.size; id++) {
    const op = graph.op[id];
    const label = graph.label[id];
    const call = op === CALL_CODE ? graph.callKey[id] : undefined;
    // A collapsed call is named by its call (`group:sig#0`), as the compound layout names an opened one.
    const base =
      call !== undefined
        ? `group:${call}`
        : op === INPUT_CODE
          ? `in:${label}`
          : op === CONST_CODE
            ? `c:${graph.text[id]}`
            : label !== undefined
              ? `def:${label}`
              : `${graph.opName(id)}:${(graph.hashes[id] as number).toString(36)}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    keys.push(k === 0 ? base : `${base}#${k}`);
  }
  return keys;
}
