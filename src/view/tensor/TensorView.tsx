import { useEffect, useMemo, useRef, useState } from 'react';
import { type DrawnNode, elementIndex, numbers, tensorNames } from '../../core';
import type { Scene, TensorScene } from '../../store/derive';

const SCALARS = 'scalars';

import { useGradflow, useTensorFrame } from '../../store/hooks';
import { selectActions } from '../../store/selectors';
import { boundsOf, MAX_SCALE } from '../bounds';
import { FrameClose } from '../FrameClose';
import { GraphToolbar } from '../GraphToolbar';
import { edgeMid, edgePath } from '../geometry';
import type { Point } from '../labels/curve';
import { Pulse } from '../Pulse';
import { ArrowMarker } from '../SvgParts';
import { LEGIBLE_PX } from '../useLabels';
import { useZoom, viewOf } from '../useZoom';
import { dims, matrixLines } from './matrix';
import { TensorNodeView, tensorNodeSize } from './TensorNodeView';
import { showNodes, useTensorFollow } from './useTensorFollow';

interface EdgeShape {
  d: string;
  mid: Point;
  /** Where the edge's shape (or element) label goes, if it has one: fan-outs carry one shape, labelled once. */
  label?: { at: Point; anchor: 'start' | 'end' };
}

/**
 * Edge curves: out of the source's right side, into the target's left, spread by argument slot. The
 * shape label sits just after the source's port, above the line (clear of the matrices under the nodes);
 * an element's label (W1[0,0]) just before the gate it feeds.
 */
function edgeShapes(t: TensorScene): EdgeShape[] {
  const { drawn, layout, names } = t;
  const labelled = new Set<number>();
  return drawn.edges.map((e) => {
    const s = drawn.nodes[e.source] as DrawnNode;
    const g = drawn.nodes[e.target] as DrawnNode;
    const spread = (e.slot - (g.inputs.length > 1 ? 0.5 : 0)) * 14;
    const from: Point = [
      (layout.x[s.id] as number) + tensorNodeSize(s, names[s.id] as string).hw,
      layout.y[s.id] as number,
    ];
    const to: Point = [
      (layout.x[g.id] as number) - tensorNodeSize(g, names[g.id] as string).hw - 4,
      (layout.y[g.id] as number) + spread,
    ];
    const points: Point[] = [from, ...(layout.bends[e.id] ?? []), to];
    const shape: EdgeShape = { d: edgePath(points), mid: edgeMid(points) };
    // An element's label: the first argument's above its edge, the second's below, so the two never meet.
    if (e.element !== undefined)
      shape.label = { at: [to[0] - 10, to[1] + (e.slot === 0 ? -8 : 16)], anchor: 'end' };
    else if (s.shape.length > 0 && !labelled.has(s.id)) {
      labelled.add(s.id);
      shape.label = { at: [from[0] + 8, from[1] - 9], anchor: 'start' };
    }
    return shape;
  });
}

/** The frames of the opened operations: a box around each one's scalar gates, with a close button. */
function OpenedFrames({ t, onToggle }: { t: TensorScene; onToggle(key: string): void }) {
  const levelNames = tensorNames(t.drawn.level);
  const groups = new Map<number, DrawnNode[]>();
  for (const n of t.drawn.nodes) if (n.opened) groups.set(n.tensor, [...(groups.get(n.tensor) ?? []), n]);
  return (
    <g className="group-frames">
      {[...groups].map(([tensor, gates]) => {
        const { x, y } = t.layout;
        const key = (gates[0] as DrawnNode).key.split('/')[0] as string;
        const name = `${levelNames[tensor]} as scalars`;
        // Wide enough for its title and its close button.
        const left = Math.min(...gates.map((n) => (x[n.id] as number) - 40)) - 20;
        const right = Math.max(...gates.map((n) => (x[n.id] as number) + 40)) + 20;
        const room = Math.max(0, 90 + name.length * 8.5 - (right - left)) / 2;
        const [x0, x1] = [left - room, right + room];
        const y0 = Math.min(...gates.map((n) => (y[n.id] as number) - 40)) - 30;
        const y1 = Math.max(...gates.map((n) => (y[n.id] as number) + 60)) + 10;
        return (
          <g key={key} className="group-frame" data-group={`tensor:${key}`}>
            <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} rx={12} className="frame" />
            <text className="frame-title" x={x0 + 12} y={y0 + 17}>
              {name}
            </text>
            <FrameClose
              x={x1 - 34}
              y={y0 + 12}
              label={`Close ${levelNames[tensor]} back into one tensor node`}
              title={`Close ${levelNames[tensor]}`}
              onClose={() => onToggle(`tensor:${key}`)}
            />
          </g>
        );
      })}
    </g>
  );
}

/**
 * The program at tensor level: one node per vector or matrix operation, edges labelled with the shapes
 * they carry, values and gradients as small matrices, and the backward replay edge by edge.
 */
export function TensorView({ scene }: { scene: Scene & { tensor: TensorScene } }) {
  const t = scene.tensor;
  const frame = useTensorFrame();
  const selected = useGradflow((s) => s.selected);
  const speed = useGradflow((s) => s.speed);
  const palette = useGradflow((s) => s.palette);
  const maxScale = useGradflow((s) => (s.projector ? MAX_SCALE.projector : MAX_SCALE.screen));
  const { select, toggleCall, setFollow } = useGradflow(selectActions);
  const projector = useGradflow((s) => s.projector);
  // Following pauses while the student looks around by hand, until they ask again or the drawing changes.
  const [pausedOn, setPausedOn] = useState<string | null>(null);
  const paused = pausedOn === scene.shape;
  const following = useGradflow((s) => s.follow) && !paused;
  const svgRef = useRef<SVGSVGElement>(null);
  const drawing = useRef<SVGGElement | null>(null);
  const pulseLayer = useRef<SVGGElement | null>(null);
  const { scale, fitView, zoomBy, moveTo, resized, applyTo } = useZoom(svgRef, [drawing, pulseLayer], () =>
    setPausedOn(scene.shape),
  );
  // The preview lines under each node, for the camera to keep on screen (TensorNodeView draws the same).
  const previewOf = (n: DrawnNode) => matrixLines(t.drawn.value(n.id), n.shape, n.opened ? 1 : 3);
  useTensorFollow(svgRef, t, frame, previewOf, {
    active: following,
    projector,
    ms: Math.min(450, 600 / speed),
    moveTo,
  });
  const fitted = useRef(false);
  const shapes = useMemo(() => edgeShapes(t), [t]);
  const bounds = useMemo(() => boundsOf(t.layout), [t.layout]);
  // Which operations were open in the last drawing: one just opened is shown, not the whole new drawing.
  const wasOpen = useRef<Set<number>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit when the drawing's shape changes
  useEffect(() => {
    const open = new Set(t.drawn.nodes.filter((n) => n.opened).map((n) => n.tensor));
    const opened = t.drawn.nodes.filter((n) => n.opened && !wasOpen.current.has(n.tensor)).map((n) => n.id);
    wasOpen.current = open;
    const svg = svgRef.current;
    // Its gates (and what feeds them) at a legible size, the camera moving as little as it must.
    const to =
      fitted.current && svg && opened.length > 0
        ? showNodes(svg, t, opened, previewOf, projector, viewOf(svg), 60)
        : null;
    if (to) moveTo(to, 350);
    else fitView(bounds, fitted.current, maxScale);
    // The node that was opened from the keyboard is gone: the keyboard goes on from its frame's close button.
    const first = t.drawn.nodes[opened[0] ?? -1];
    if (first && (document.activeElement === null || document.activeElement === document.body))
      svg
        ?.querySelector<SVGGElement>(`[data-group="tensor:${first.key.split('/')[0]}"] .frame-close`)
        ?.focus();
    fitted.current = true;
  }, [scene.shape, fitView, maxScale]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const ro = new ResizeObserver(() => resized(bounds, maxScale));
    ro.observe(svg);
    return () => ro.disconnect();
  }, [bounds, resized, maxScale]);
  if (!frame) return null;
  const { drawn, names, layout } = t;
  const step = frame.step;
  const openKey = (n: DrawnNode) => (n.opened ? undefined : n.openable ? `tensor:${n.key}` : undefined);
  return (
    <div className="graph-view tensor-view" data-palette={palette}>
      <GraphToolbar
        onFit={() => {
          fitView(bounds, true, maxScale);
          setPausedOn(scene.shape);
        }}
        onZoom={(factor) => {
          zoomBy(factor);
          setPausedOn(scene.shape);
        }}
        following={following}
        onFollow={() => {
          setFollow(!following);
          setPausedOn(null);
        }}
        svg={() => svgRef.current}
        level={{ tensor: true, toggle: () => toggleCall(SCALARS) }}
      />
      <svg
        ref={svgRef}
        className="graph"
        aria-label="Computation graph at tensor level"
        data-level="tensor"
        data-nodes={drawn.nodes.length}
        data-edges={drawn.edges.length}
        data-numbers={scale * 15 >= LEGIBLE_PX ? 'on' : 'off'}
        data-names={scale * 13 >= LEGIBLE_PX ? 'on' : 'off'}
      >
        <ArrowMarker />
        <g
          ref={(g) => {
            drawing.current = g;
            applyTo(g);
          }}
        >
          <OpenedFrames t={t} onToggle={toggleCall} />
          {drawn.edges.map((e) => {
            const s = shapes[e.id] as EdgeShape;
            const src = drawn.nodes[e.source] as DrawnNode;
            const current = step?.edge === e.id;
            const carried =
              e.element === undefined
                ? dims(src.shape)
                : `${names[src.id]}${elementIndex(src.shape, e.element)}`;
            const sent = frame.edgeGrad[e.id];
            return (
              <g
                key={`${src.key}>${drawn.nodes[e.target]?.key}:${e.slot}:${e.element ?? ''}`}
                className={`edge${current ? ' current' : ''}`}
                data-edge={e.id}
                data-carries={carried}
              >
                <path className="edge-line" d={s.d} markerEnd="url(#arrow)" />
                <title>{`${names[src.id]} → ${names[e.target]}: ${carried}${sent ? `, gradient back ${numbers(sent, e.element === undefined ? src.shape : [])}` : ''}`}</title>
                {/* Shapes label the edges that carry vectors and matrices (or one element of them). */}
                {s.label && (
                  <text
                    className="shape-label"
                    x={s.label.at[0]}
                    y={s.label.at[1]}
                    textAnchor={s.label.anchor}
                  >
                    {carried}
                  </text>
                )}
                {current && step && (
                  <text className="grad-label current" x={s.mid[0]} y={s.mid[1] - 12} textAnchor="middle">
                    {/* A few numbers on the edge; a bigger gradient is drawn under its node, the edge says its shape. */}
                    {`∂ ${e.element !== undefined ? numbers([step.contribution[e.element] as number]) : step.contribution.length <= 4 ? numbers(step.contribution, src.shape) : dims(src.shape)}`}
                  </text>
                )}
              </g>
            );
          })}
          {drawn.nodes.map((n) => (
            <TensorNodeView
              key={n.key}
              node={n}
              name={names[n.id] as string}
              x={layout.x[n.id] as number}
              y={layout.y[n.id] as number}
              value={frame.known[n.id] ? drawn.value(n.id) : undefined}
              grad={frame.grad[n.id] ?? undefined}
              active={frame.node === n.id || step?.target === n.id}
              selected={selected === n.id}
              isOutput={n.id === drawn.output}
              onSelect={select}
              onToggle={toggleCall}
              openKey={openKey(n)}
            />
          ))}
        </g>
      </svg>
      <svg className="pulse-layer" aria-hidden="true">
        <g
          ref={(g) => {
            pulseLayer.current = g;
            applyTo(g);
          }}
        >
          {step && shapes[step.edge] && (
            <Pulse
              d={(shapes[step.edge] as EdgeShape).d}
              duration={Math.min(1.2, 0.8 / speed)}
              key={`${frame.index}:${(shapes[step.edge] as EdgeShape).d}`}
            />
          )}
        </g>
      </svg>
    </div>
  );
}
