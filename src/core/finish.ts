import type { GradflowError } from './errors';
import { Graph, type GraphData } from './graph';
import { reachesOutput } from './reach';

/** A graph's columns before its out-edges are indexed. */
export type Columns = Omit<GraphData, 'outStart' | 'outList' | 'warnings'>;

/**
 * Out-edges by a counting sort on the source: edges are numbered by consumer, so each node's list comes
 * out in order of the consumers' ids.
 */
export function outEdges(
  size: number,
  edgeSource: Int32Array,
): { outStart: Int32Array; outList: Int32Array } {
  const edges = edgeSource.length;
  const outStart = new Int32Array(size + 1);
  for (let e = 0; e < edges; e++) {
    const k = (edgeSource[e] as number) + 1;
    outStart[k] = (outStart[k] as number) + 1;
  }
  for (let n = 0; n < size; n++) outStart[n + 1] = (outStart[n + 1] as number) + (outStart[n] as number);
  const fill = outStart.slice(0, size);
  const outList = new Int32Array(edges);
  for (let e = 0; e < edges; e++) {
    const from = edgeSource[e] as number;
    const at = fill[from] as number;
    outList[at] = e;
    fill[from] = at + 1;
  }
  return { outStart, outList };
}

/** A statement of the program, for the warning about values the output does not use. */
export interface StatementUse {
  node: number;
  name: string | undefined;
  start: number;
  end: number;
}

/**
 * The graph, with its out-edges indexed and a warning for each statement the output does not use
 * (`statements[s]` is the node holding statement s's value; `statement` says what it was, for a warning).
 */
export function finishGraph(
  c: Columns,
  statements: Int32Array,
  statement: (s: number) => StatementUse,
  extra: GradflowError[],
): Graph {
  const { outStart, outList } = outEdges(c.size, c.edgeSource);
  const warnings: GradflowError[] = [];
  const live = reachesOutput(c, c.outputs ?? c.output);
  for (let s = 0; s < statements.length - 1; s++) {
    if (live[statements[s] as number]) continue;
    const st = statement(s);
    warnings.push({
      message: st.name
        ? `"${st.name}" is not used by the output`
        : 'The value of this line is not used (only the last line is the output)',
      start: st.start,
      end: st.end,
      phase: 'syntax',
    });
  }
  warnings.push(...extra);
  warnings.sort((a, b) => a.start - b.start);
  return new Graph({ ...c, outStart, outList, warnings });
}
