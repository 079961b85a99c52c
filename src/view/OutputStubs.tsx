import type { Frame } from '../core';
import type { Scene } from '../store/derive';
import { outputStubs } from './edges';
import { GraphEdge } from './GraphEdge';
import { edgePath } from './geometry';

type Place = [number, number] | undefined;

/**
 * Each output's own edge, leaving it to the right: its value, and the seed 1 coming back into the output
 * (or, in forward mode, each output's tangent once the pass is done: a vector output's whole column).
 * `place(id)` says where the edge's value and gradient labels go.
 */
export function OutputStubs({
  scene,
  frame,
  live,
  place,
}: {
  scene: Scene;
  frame: Frame;
  /** 1 for the nodes an output drawn as live uses (see reachesOutput). */
  live: Uint8Array;
  place: (id: number) => { valueAt: Place; gradAt: Place };
}) {
  const { values, graph } = scene.analysis;
  const out = graph.output;
  const tangent = scene.timeline.tangent;
  return outputStubs(scene).map((s) => (
    <GraphEdge
      key={`stub:${scene.keys[s.node]}`}
      id={s.id}
      d={edgePath(s.points)}
      {...place(s.id)}
      value={frame.known[s.node] ? (values[s.node] as number) : undefined}
      grad={
        tangent
          ? frame.phase === 'done'
            ? (tangent.dots[s.node] as number)
            : undefined
          : s.node === out && !Number.isNaN(frame.grad[out] as number)
            ? 1
            : undefined
      }
      fromConstant={false}
      dim={!live[s.node]}
    />
  ));
}
