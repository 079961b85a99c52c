import type { GraphData } from './graph';
import { INPUT_CODE } from './ops/table';

/* Which nodes matter: the ones the output depends on, and the ones that depend on an input. */

type Wiring = Pick<GraphData, 'size' | 'op' | 'firstEdge' | 'edgeSource'>;

/**
 * live[n] is 1 when the output depends on node n (walking back from the output); for several outputs (the
 * elements of a vector output), when any of them does.
 */
export function reachesOutput(g: Wiring, output: number | readonly number[]): Uint8Array {
  const live = new Uint8Array(g.size);
  const outs = typeof output === 'number' ? [output] : output;
  let top = -1;
  for (const o of outs)
    if (o >= 0) {
      live[o] = 1;
      top = Math.max(top, o);
    }
  for (let id = top; id >= 0; id--) {
    if (!live[id]) continue;
    for (let e = g.firstEdge[id] as number; e < (g.firstEdge[id + 1] as number); e++)
      live[g.edgeSource[e] as number] = 1;
  }
  return live;
}

/** needsGrad[n] is 1 when node n depends on some input (the others are constants: no gradient flows). */
export function dependsOnInput(g: Wiring): Uint8Array {
  const needs = new Uint8Array(g.size);
  for (let id = 0; id < g.size; id++) {
    if (g.op[id] === INPUT_CODE) needs[id] = 1;
    else {
      for (let e = g.firstEdge[id] as number; e < (g.firstEdge[id + 1] as number); e++) {
        if (needs[g.edgeSource[e] as number]) needs[id] = 1;
      }
    }
  }
  return needs;
}
