import { memo } from 'react';
import { type Group, OP } from '../core';
import type { Scene } from '../store/derive';
import { FrameClose } from './FrameClose';
import { nodeSize } from './geometry';

/** Room between a frame and the nodes inside it, and the title's band above them. */
const PAD = 14;
const TITLE = 22;

/** What an opened call's frame says: `sig(z)`, or a built-in with its definition, `tanh(x) = (exp(2*x) − 1)/…`. */
export function groupTitle(g: Group): string {
  const head = `${g.fn}(${g.paramNames.join(', ')})`;
  const expansion = g.builtin ? OP[g.fn as 'sigmoid' | 'tanh']?.expansion : undefined;
  return expansion ? `${head} = ${expansion}` : head;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The box around a group's nodes, with room for its title. */
function frameOf(scene: Scene, g: Group): Box {
  const { graph } = scene.analysis;
  const { x, y } = scene.layout;
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let id = g.first; id <= g.last; id++) {
    const { hw, hh } = nodeSize(graph.nodes[id] as never, scene.names[id] as string);
    box.x0 = Math.min(box.x0, (x[id] as number) - hw);
    box.x1 = Math.max(box.x1, (x[id] as number) + hw);
    // Above a gate sits its name label.
    box.y0 = Math.min(box.y0, (y[id] as number) - hh - 18);
    box.y1 = Math.max(box.y1, (y[id] as number) + hh);
  }
  return { x0: box.x0 - PAD, y0: box.y0 - PAD - TITLE, x1: box.x1 + PAD, y1: box.y1 + PAD };
}

/**
 * The frames of the opened calls, drawn under the graph: each says which function it is and has a
 * button that closes it again (Enter or a click; the same as clicking a collapsed call opens it).
 */
export const GroupFrames = memo(function GroupFrames({
  scene,
  onToggle,
}: {
  scene: Scene;
  onToggle(key: string): void;
}) {
  const groups = scene.analysis.graph.groups;
  if (groups.length === 0) return null;
  return (
    <g className="group-frames">
      {groups.map((g) => {
        const b = frameOf(scene, g);
        const title = groupTitle(g);
        return (
          <g key={g.key} className="group-frame" data-group={g.key}>
            <rect x={b.x0} y={b.y0} width={b.x1 - b.x0} height={b.y1 - b.y0} rx={12} className="frame" />
            <text className="frame-title" x={b.x0 + 12} y={b.y0 + 17}>
              {title}
            </text>
            <FrameClose
              x={b.x1 - 34}
              y={b.y0 + 12}
              label={`Collapse ${g.fn} into one gate`}
              title={`Collapse ${g.fn}`}
              onClose={() => onToggle(g.key)}
            />
          </g>
        );
      })}
    </g>
  );
});
