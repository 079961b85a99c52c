import type { GraphNode } from './graph';

/* Which nodes matter: the ones the output depends on, and the ones that depend on an input. */

/** live[n] is 1 when the output depends on node n (walking back from the output). */
export function reachesOutput(nodes: readonly GraphNode[], output: number): Uint8Array {
  const live = new Uint8Array(nodes.length);
  if (output >= 0) live[output] = 1;
  for (let id = output; id >= 0; id--) {
    if (!live[id]) continue;
    for (const i of (nodes[id] as GraphNode).inputs) live[i] = 1;
  }
  return live;
}

/** needsGrad[n] is 1 when node n depends on some input (the others are constants: no gradient flows). */
export function dependsOnInput(nodes: readonly GraphNode[]): Uint8Array {
  const needs = new Uint8Array(nodes.length);
  for (const node of nodes) {
    if (node.op === 'input') needs[node.id] = 1;
    else for (const i of node.inputs) if (needs[i]) needs[node.id] = 1;
  }
  return needs;
}
