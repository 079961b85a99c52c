import type { Graph } from './graph';

/**
 * Stable keys for the view (React keys, layout hints): `in:x` for inputs, `def:q` for named
 * intermediates, `c:2` for constants, and the structural hash for other gates, with `#k` on the k-th
 * repeat (sin(x) + sin(x)). The same sub-expression keeps its key across edits, so the view keeps its
 * position. Computed on demand: the engine itself never needs them.
 */
export function nodeKeys(graph: Graph): string[] {
  const seen = new Map<string, number>();
  return graph.nodes.map((n) => {
    const base =
      n.op === 'input'
        ? `in:${n.label}`
        : n.op === 'const'
          ? `c:${n.text}`
          : n.label !== undefined
            ? `def:${n.label}`
            : `${n.op}:${(graph.hashes[n.id] as number).toString(36)}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return k === 0 ? base : `${base}#${k}`;
  });
}
