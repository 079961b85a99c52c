import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { stepEdge } from '../core';
import { CANVAS_NODES, MAX_DRAWN_NODES, SCALARS } from '../store/derive';
import { useFrame, useGradflow, useQuizHidden } from '../store/hooks';
import { selectActions, selectScene, selectStale } from '../store/selectors';
import { LazyBox, lazyPart } from '../ui/lazyPart';
import { boundsOf, MAX_SCALE } from './bounds';
import type { CanvasHandle } from './canvas/CanvasLayer';
import { drawProps } from './drawProps';
import { edgeGeometry } from './edges';
import { GraphEdge } from './GraphEdge';
import { GraphNodeView } from './GraphNodeView';
import { GraphNotices } from './GraphNotices';
import { GraphToolbar } from './GraphToolbar';
import { stepText } from './graphText';
import { Pulse } from './Pulse';
import { ArrowMarker } from './SvgParts';
import { FOLLOW_PX, useFollow } from './useFollow';
import { LEGIBLE_PX, useLabelSizes, useLabels } from './useLabels';
import { useZoom, viewOf } from './useZoom';

// A big graph's canvas comes with the first big graph.
const BIG_GRAPH = lazyPart(() => import('./canvas/BigGraph').then((m) => m.BigGraph));
// The frames of opened calls come with the first program that calls a function.
const GROUP_FRAMES = lazyPart(() => import('./GroupFrames').then((m) => m.GroupFrames));

/** The scalar graph: React draws the SVG, D3 supplies the curves and the pan/zoom behaviour. */
export function ScalarGraphView() {
  const scene = useGradflow(selectScene);
  const frame = useFrame();
  const selected = useGradflow((s) => s.selected);
  const speed = useGradflow((s) => s.speed);
  const palette = useGradflow((s) => s.palette);
  const theme = useGradflow((s) => s.theme);
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
  // A big graph is painted on a canvas under the SVG, which keeps the pointer, the zoom and the pulse.
  const big = (scene?.analysis.graph.nodes.length ?? 0) > CANVAS_NODES;
  const canvas = useRef<CanvasHandle | null>(null);
  const [exporting, setExporting] = useState(false);
  const {
    view,
    scale: zoomed,
    fitView,
    fitScale,
    zoomBy,
    moveTo,
    resized,
    applyTo,
  } = useZoom(
    svgRef,
    [drawing, pulseLayer],
    () => setPaused(true),
    (t) => canvas.current?.draw(t),
  );
  // Stable ref callbacks: a new one each render would set the layers' transform again on every step, and
  // Chromium then lays out the whole drawing again (26 ms a step at 1,000 nodes).
  const drawingRef = useCallback(
    (g: SVGGElement | null) => {
      drawing.current = g;
      applyTo(g);
    },
    [applyTo],
  );
  const pulseRef = useCallback(
    (g: SVGGElement | null) => {
      pulseLayer.current = g;
      applyTo(g);
    },
    [applyTo],
  );
  const viewRef = useRef<HTMLDivElement>(null);
  const projector = useGradflow((s) => s.projector);
  const sizes = useLabelSizes(viewRef, projector);

  // Curves depend on the layout only: a slider move (same layout) reuses them.
  const layout = scene?.layout;
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the layout changes, not the values
  const geometry = useMemo(() => (scene?.drawable ? edgeGeometry(scene) : []), [layout]);
  const bounds = useMemo(() => (layout ? boundsOf(layout) : null), [layout]);
  // A new graph is drawn first at the scale it is about to be fitted to, not the last graph's: a big
  // graph's numbers, unreadable in its overview, are then not planned for nothing (30 ms at 2,000 nodes).
  const fittedShape = useRef<unknown>(null);
  const scale = (fittedShape.current !== shape && bounds && fitScale(bounds, maxScale)) || zoomed;
  // Fit when the graph's shape changes (not when only values change: the student may have zoomed). The
  // first picture is placed at once; later ones ease into place, so that an edit never makes the view jump.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit on shape only
  useEffect(() => {
    if (!bounds) return;
    // (A big graph, on its canvas, is placed at once: each frame of an easing would repaint it whole.)
    fittedShape.current = shape;
    fitView(bounds, fitted.current && !big, maxScale);
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
  const { step, index: stepIndex, sum, lines: currentLines } = stepText(scene?.timeline, frame, quizHidden);
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
    ms: big ? 0 : Math.min(450, 600 / speed),
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
  const focus = stepEdge(frame);
  const { edges, nodes } = drawProps({
    scene,
    frame,
    geometry,
    plan,
    spot,
    step,
    quizHidden,
    selected,
    highlighted,
    labelSize: sizes.value,
  });
  const namesLegible = scale * sizes.name >= LEGIBLE_PX;
  // The SVG draws the graph itself, except a big one (painted on the canvas) but for an export.
  const svgDrawn = !big || exporting;
  const stepDuration = Math.min(1.2, 0.8 / speed);
  const sumAt = sum && spot?.sum && focus?.receiver !== undefined ? spot.sum : undefined;

  return (
    // Transitions on thousands of elements cost more than they show: large graphs move without them.
    <div
      ref={viewRef}
      className={`graph-view${big ? ' no-motion' : ''}${stale ? ' stale' : ''}`}
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
        svg={() => {
          // A big graph draws its SVG elements for the export (once, on the click), then goes back to the canvas.
          if (big) flushSync(() => setExporting(true));
          return svgRef.current;
        }}
        release={big ? () => setExporting(false) : undefined}
        level={
          // (A vector output, seen one element at a time, is drawn in scalars only.)
          scene.full.graph.tensors.length > 0 && !scene.full.graph.outputs
            ? { tensor: false, toggle: () => toggleCall(SCALARS) }
            : undefined
        }
      />
      {big && (
        <LazyBox
          name="The canvas"
          part={BIG_GRAPH}
          props={{
            edges,
            nodes,
            extra: {
              current:
                spot?.current && currentLines && !quizHidden
                  ? { at: spot.current, lines: currentLines }
                  : undefined,
              sum: sum && sumAt ? { at: sumAt, text: sum } : undefined,
              sizes,
              numbers: numbersLegible,
              names: namesLegible,
            },
            layout,
            handle: canvas,
            initial: () => (svgRef.current ? viewOf(svgRef.current) : view),
            palette: `${palette}:${theme}`,
            svg: svgRef,
            graph,
            selected,
            select,
            toggleCall,
            moveTo,
            minK: (projector ? FOLLOW_PX.projector : FOLLOW_PX.screen) / sizes.value,
            looked: () => setPaused(true),
          }}
        />
      )}
      <svg
        ref={svgRef}
        tabIndex={big ? 0 : undefined}
        aria-keyshortcuts={big ? 'ArrowDown ArrowUp Enter' : undefined}
        className="graph"
        aria-label="Computation graph"
        data-nodes={graph.nodes.length}
        data-layout-ms={scene.layoutMs.toFixed(1)}
        data-aspect={(scene.layout.width / Math.max(1, scene.layout.height)).toFixed(2)}
        data-edges={graph.edges.length}
        data-numbers={numbersLegible ? 'on' : 'off'}
        data-names={namesLegible ? 'on' : 'off'}
        data-canvas={big ? 'on' : undefined}
      >
        <ArrowMarker />
        <g ref={drawingRef}>
          {graph.groups.length > 0 && (
            <LazyBox name="The call frames" part={GROUP_FRAMES} props={{ scene, onToggle: toggleCall }} />
          )}
          {svgDrawn && edges.map((e) => <GraphEdge key={e.key} {...e.props} />)}
          {svgDrawn &&
            nodes.map((n) => (
              <GraphNodeView key={n.nodeKey} {...n} onSelect={select} onToggle={toggleCall} />
            ))}
          {svgDrawn && sum && sumAt && (
            // Where branches meet, the gradients arriving so far add up: drawn above everything else.
            <text
              className="grad-label sum"
              style={{ transform: `translate(${sumAt[0]}px, ${sumAt[1]}px)` }}
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
        <g ref={pulseRef}>
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
