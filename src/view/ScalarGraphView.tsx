import { useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber as f, reachesOutput, stepEdge } from '../core';
import { MAX_DRAWN_NODES, SCALARS } from '../store/derive';
import { useFrame, useGradflow, useQuizHidden } from '../store/hooks';
import { selectActions, selectScene, selectStale } from '../store/selectors';
import { LazyBox, lazyPart } from '../ui/lazyPart';
import { boundsOf, MAX_SCALE, nearScreen } from './bounds';
import { edgeGeometry, orderEdges } from './edges';
import { GraphEdge } from './GraphEdge';
import { GraphNodeView } from './GraphNodeView';
import { GraphNotices } from './GraphNotices';
import { GraphToolbar } from './GraphToolbar';
import { runningSum, tangentSum } from './graphText';
import { OutputStubs } from './OutputStubs';
import { Pulse } from './Pulse';
import { ArrowMarker } from './SvgParts';
import { useFollow } from './useFollow';
import { LEGIBLE_PX, useLabelSizes, useLabels } from './useLabels';
import { useZoom } from './useZoom';

// The frames of opened calls come with the first program that calls a function.
const GROUP_FRAMES = lazyPart(() => import('./GroupFrames').then((m) => m.GroupFrames));

/** The scalar graph: React draws the SVG, D3 supplies the curves and the pan/zoom behaviour. */
export function ScalarGraphView() {
  const scene = useGradflow(selectScene);
  const frame = useFrame();
  const selected = useGradflow((s) => s.selected);
  const speed = useGradflow((s) => s.speed);
  const palette = useGradflow((s) => s.palette);
  // On a projector, small graphs should fill the wall.
  const maxScale = useGradflow((s) => (s.projector ? MAX_SCALE.projector : MAX_SCALE.screen));
  const highlight = useGradflow((s) => s.highlight);
  const quizHidden = useQuizHidden();
  const stale = useGradflow(selectStale);
  const fitted = useRef(false);
  const highlighted = useMemo(() => new Set(highlight ?? []), [highlight]);
  const { select, setFollow, toggleCall } = useGradflow(selectActions);
  const svgRef = useRef<SVGSVGElement>(null);
  // Following pauses while the student looks around by hand, until they ask for it again or the graph changes.
  // (It is kept as the graph's shape it was paused on, so that a new graph resumes it with no effect.)
  const [pausedOn, setPausedOn] = useState<unknown>(null);
  const shape = scene?.shape;
  const paused = pausedOn !== null && pausedOn === shape;
  const setPaused = (on: boolean) => setPausedOn(on ? shape : null);
  const following = useGradflow((s) => s.follow) && !paused;
  // The drawing and the pulse's layer, which d3-zoom moves directly (see useZoom).
  const drawing = useRef<SVGGElement | null>(null);
  const pulseLayer = useRef<SVGGElement | null>(null);
  const { view, scale, fitView, zoomBy, moveTo, resized, applyTo } = useZoom(
    svgRef,
    [drawing, pulseLayer],
    () => setPaused(true),
  );
  const viewRef = useRef<HTMLDivElement>(null);
  const projector = useGradflow((s) => s.projector);
  const sizes = useLabelSizes(viewRef, projector);

  // Curves depend on the layout only: a slider move (same layout) reuses them.
  const layout = scene?.layout;
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the layout changes, not the values
  const geometry = useMemo(() => (scene?.drawable ? edgeGeometry(scene) : []), [layout]);
  const bounds = useMemo(() => (layout ? boundsOf(layout) : null), [layout]);
  // Fit when the graph's shape changes (not when only values change: the student may have zoomed). The
  // first picture is placed at once; later ones ease into place, so that an edit never makes the view jump.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit on shape only
  useEffect(() => {
    if (!bounds) return;
    fitView(bounds, fitted.current, maxScale);
    fitted.current = true;
  }, [shape, fitView, maxScale]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !bounds) return;
    const ro = new ResizeObserver(() => resized(bounds, maxScale));
    ro.observe(svg);
    return () => ro.disconnect();
  }, [bounds, resized, maxScale]);

  // The current edge's product: upstream × local going back, local × the tangent going forward.
  const tangent = scene?.timeline.tangent;
  const step = frame?.step
    ? { factors: [frame.step.upstream, frame.step.local] as const, contribution: frame.step.contribution }
    : frame?.tangent
      ? {
          factors: [frame.tangent.local, frame.tangent.incoming] as const,
          contribution: frame.tangent.contribution,
        }
      : undefined;
  const stepIndex = frame?.phase === 'backward' || frame?.phase === 'tangent' ? frame.index - 1 : -1;
  const sum =
    scene && stepIndex >= 0
      ? tangent
        ? tangentSum(tangent.steps, stepIndex)
        : runningSum(scene.timeline.steps, stepIndex)
      : undefined;
  const currentLines: [string, string] | undefined = step
    ? quizHidden
      ? ['?', '']
      : [`${f(step.factors[0])} × ${f(step.factors[1])}`, `= ${f(step.contribution)}`]
    : undefined;
  // Numbers too small to read on screen are hidden rather than drawn illegibly (and not even planned).
  const numbersLegible = scale * sizes.value >= LEGIBLE_PX;
  const { plan, spot } = useLabels(scene, geometry, sizes, frame, currentLines, sum, numbersLegible, bounds);
  useFollow(svgRef, scene, frame, sizes, {
    active: following,
    projector,
    labels: [
      ...(spot?.current && currentLines
        ? [{ at: spot.current, lines: currentLines, size: sizes.current }]
        : []),
      ...(spot?.sum && sum ? [{ at: spot.sum, lines: [sum], size: sizes.sum }] : []),
    ],
    // Big graphs move without transitions (as their nodes do): one repaint per step, not one per frame.
    ms: (scene?.analysis.graph.nodes.length ?? 0) > 300 ? 0 : Math.min(450, 600 / speed),
    moveTo,
  });

  if (!scene || !frame) {
    return (
      <div ref={viewRef} className="graph-view empty">
        Type an expression to see its graph.
      </div>
    );
  }
  if (!scene.drawable) {
    return (
      <div ref={viewRef} className="graph-view empty" role="status">
        <p>
          This graph has {scene.analysis.graph.size.toLocaleString('en-US')} nodes: too many to draw legibly
          (the limit is {MAX_DRAWN_NODES.toLocaleString('en-US')}). Its values and gradients are computed and
          listed beside it; split the program to see its parts.
        </p>
      </div>
    );
  }
  const { graph } = scene.analysis;
  const { values } = scene.analysis;
  const { x, y } = scene.layout;
  // What the output uses; in forward mode, what any output uses (a tangent pass reaches every element of
  // a vector output: a column of its Jacobian).
  const outputs = tangent ? graph.allOutputs : [graph.output];
  const live = reachesOutput(graph, outputs);
  const out = graph.output;
  // A big graph draws only the numbers near the screen (half a screen around it): zoomed in to read them,
  // thousands of labels off screen would cost every frame and show nothing.
  const near = graph.nodes.length > 300 ? nearScreen(view, svgRef.current) : null;
  const labelAt = (
    map: Map<number, [number, number]> | undefined,
    hidden: Set<number> | undefined,
    id: number,
  ) => {
    const p = hidden?.has(id) ? undefined : map?.get(id);
    return p && near && (p[0] < near.x0 || p[0] > near.x1 || p[1] < near.y0 || p[1] > near.y1)
      ? undefined
      : p;
  };
  const focus = stepEdge(frame);
  const sumNode = focus?.receiver;
  const seedName = tangent ? scene.names[tangent.seed] : undefined;
  // Forward mode: what does not depend on the seed carries a tangent of 0, and is drawn faint.
  const still = (id: number) => tangent !== undefined && !tangent.cone[id] && graph.nodes[id]?.op !== 'input';
  const stepDuration = Math.min(1.2, 0.8 / speed);

  return (
    // Transitions on thousands of elements cost more than they show: large graphs move without them.
    <div
      ref={viewRef}
      className={`graph-view${graph.nodes.length > 300 ? ' no-motion' : ''}${stale ? ' stale' : ''}`}
      data-palette={palette}
    >
      <GraphNotices source={scene.analysis.source} numbersLegible={numbersLegible} />
      <GraphToolbar
        onFit={() => {
          if (bounds) fitView(bounds, true, maxScale);
          setPaused(true);
        }}
        onZoom={(factor) => {
          zoomBy(factor);
          setPaused(true);
        }}
        following={following}
        onFollow={() => {
          setFollow(!following);
          setPaused(false);
        }}
        svg={() => svgRef.current}
        level={
          // (A vector output, seen one element at a time, is drawn in scalars only.)
          scene.full.graph.tensors.length > 0 && !scene.full.graph.outputs
            ? { tensor: false, toggle: () => toggleCall(SCALARS) }
            : undefined
        }
      />
      <svg
        ref={svgRef}
        className="graph"
        aria-label="Computation graph"
        data-nodes={graph.nodes.length}
        data-layout-ms={scene.layoutMs.toFixed(1)}
        data-edges={graph.edges.length}
        data-numbers={numbersLegible ? 'on' : 'off'}
        data-names={scale * sizes.name >= LEGIBLE_PX ? 'on' : 'off'}
      >
        <ArrowMarker />
        <g
          ref={(g) => {
            drawing.current = g;
            applyTo(g);
          }}
        >
          {graph.groups.length > 0 && (
            <LazyBox name="The call frames" part={GROUP_FRAMES} props={{ scene, onToggle: toggleCall }} />
          )}
          {/* The current step's edge is drawn last, so that its label sits above every other label. */}
          {orderEdges(graph.edges, focus?.edge).map((e) => {
            const g = geometry[e.id];
            if (!g) return null;
            const current = step && focus?.edge === e.id ? step : undefined;
            const grad = frame.edgeGrad[e.id] as number;
            return (
              <GraphEdge
                key={`${scene.keys[e.source]}>${scene.keys[e.target]}:${e.slot}`}
                id={e.id}
                d={g.d}
                valueAt={labelAt(plan?.value, spot?.hiddenValue, e.id)}
                gradAt={labelAt(plan?.grad, spot?.hiddenGrad, e.id)}
                value={frame.known[e.source] ? (values[e.source] as number) : undefined}
                grad={Number.isNaN(grad) ? undefined : grad}
                current={current && { ...current, hidden: quizHidden, at: spot?.current }}
                fromConstant={graph.nodes[e.source]?.op === 'const'}
                dim={!live[e.target] || (tangent !== undefined && !tangent.cone[e.source])}
                highlighted={highlighted.has(e.id)}
              />
            );
          })}
          <OutputStubs
            scene={scene}
            frame={frame}
            live={live}
            place={(id) => ({
              valueAt: labelAt(plan?.value, spot?.hiddenValue, id),
              gradAt: labelAt(plan?.grad, spot?.hiddenGrad, id),
            })}
          />
          {graph.nodes.map((n) => {
            const g = frame.grad[n.id] as number;
            return (
              <GraphNodeView
                key={scene.keys[n.id]}
                nodeKey={scene.keys[n.id] as string}
                node={n}
                name={scene.names[n.id] as string}
                x={x[n.id] as number}
                y={y[n.id] as number}
                value={frame.known[n.id] ? (values[n.id] as number) : undefined}
                grad={Number.isNaN(g) ? undefined : g}
                seed={seedName}
                labelSize={sizes.value}
                labelsHidden={plan?.hiddenNames.has(n.id) || spot?.hiddenNode.has(n.id)}
                active={frame.node === n.id || frame.step?.target === n.id || frame.tangent?.source === n.id}
                selected={selected === n.id}
                dim={!live[n.id] || still(n.id)}
                isOutput={n.id === out}
                expandKey={graph.callKey[n.id]}
                onSelect={select}
                onToggle={toggleCall}
              />
            );
          })}
          {sum && spot?.sum && sumNode !== undefined && (
            // Where branches meet, the gradients arriving so far add up: drawn above everything else.
            <text
              className="grad-label sum"
              style={{ transform: `translate(${spot.sum[0]}px, ${spot.sum[1]}px)` }}
              textAnchor="middle"
            >
              {sum}
            </text>
          )}
        </g>
      </svg>
      {/* The dot running back along the current edge has a layer of its own: moving it repaints only
          this small layer, not the whole graph. */}
      <svg className="pulse-layer" aria-hidden="true">
        <g
          ref={(g) => {
            pulseLayer.current = g;
            applyTo(g);
          }}
        >
          {focus && geometry[focus.edge] && (
            <Pulse
              d={(geometry[focus.edge] as { d: string }).d}
              duration={stepDuration}
              forward={tangent !== undefined}
              // A new edge (or the same step on a redrawn graph: a call opened) starts a new run.
              key={`${stepIndex}:${(geometry[focus.edge] as { d: string }).d}`}
            />
          )}
        </g>
      </svg>
    </div>
  );
}
