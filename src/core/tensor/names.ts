import type { AnalysisOk } from '../analyze';
import { tensorNames } from './captions';
import type { Drawn, DrawnNode } from './drawn';

/** An element's index as NumPy writes it: [1] in a vector, [0, 2] in a matrix (row-major position p). */
export function elementIndex(shape: readonly number[], p: number): string {
  if (shape.length === 2) return `[${Math.floor(p / (shape[1] as number))},${p % (shape[1] as number)}]`;
  return shape.length === 1 ? `[${p}]` : '';
}

/**
 * Names of the drawn nodes: a closed node has its tensor-level name (W1, h, t1, the output L); a gate
 * of an opened operation is the element it computes (t1[0]), or u1, u2, … inside it.
 */
export function drawnNames(d: Drawn): string[] {
  const level = tensorNames(d.level);
  let u = 0;
  const taken = new Set(level);
  return d.nodes.map((n) => {
    if (!n.opened) return level[n.tensor] as string;
    const t = d.level.nodes[n.tensor];
    const v = n.outputs[0] as number;
    const p = t?.outputs.indexOf(v) ?? -1;
    if (t && p >= 0) return `${level[n.tensor]}${elementIndex(t.shape, p)}`;
    if (n.constant !== undefined) return n.constant;
    do u++;
    while (taken.has(`u${u}`));
    return `u${u}`;
  });
}

/**
 * Names by scalar node, for the scalar captions of an opened operation's steps: each element of a
 * tensor is named by its tensor and index (W1[1,0]), each opened gate by its drawn name.
 */
export function scalarNames(d: Drawn, names: readonly string[], a: AnalysisOk): string[] {
  const out = new Array<string>(a.graph.size).fill('');
  const level = tensorNames(d.level);
  for (const n of d.level.nodes)
    n.outputs.forEach((v, p) => {
      if (out[v] === '')
        out[v] =
          n.outputs.length === 1 ? (level[n.id] as string) : `${level[n.id]}${elementIndex(n.shape, p)}`;
    });
  d.nodes.forEach((n: DrawnNode) => {
    if (n.opened) out[n.outputs[0] as number] = names[n.id] as string;
  });
  return out;
}
