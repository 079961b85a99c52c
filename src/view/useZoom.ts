import { select } from 'd3-selection';
import 'd3-transition';
import { type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type Bounds, MAX_SCALE } from './bounds';

/**
 * Pan and zoom with d3-zoom, attached once to the SVG. The transform is written straight onto the
 * `layers` (the drawing, the pulse's own layer) on every frame of a pan or a move, without React: a big
 * graph is not re-rendered sixty times a second. React hears the transform only when a move ends (`view`),
 * which is all it needs (whether numbers are legible).
 * `fitView` eases the view so that `bounds` fills the SVG (magnifying at most `maxScale` times);
 * `moveTo` eases it to a given transform (the camera following the step). `onGesture` is told when the
 * student pans or zooms by hand (a wheel, a drag, a pinch), not when the app moves the view.
 */
export function useZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  layers: readonly RefObject<SVGGElement | null>[],
  onGesture?: () => void,
) {
  // The transform as of the last move's end: the scale (are numbers legible?) and what is on screen.
  const [view, setView] = useState<{ k: number; x: number; y: number }>({ k: 1, x: 0, y: 0 });
  const layerRefs = useRef(layers);
  layerRefs.current = layers;
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const gesture = useRef(onGesture);
  gesture.current = onGesture;
  /** The view is the fitted overview (nobody has moved it since), and the SVG's size it was made for. */
  const atFit = useRef(false);
  const size = useRef({ width: 0, height: 0 });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 6])
      // Keep double-click for selecting nodes; keyboard zoom lives on buttons.
      .filter((e: Event) => !(e.type === 'dblclick') && !(e as MouseEvent).button)
      .on('zoom', (e: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        if (e.sourceEvent) {
          atFit.current = false;
          gesture.current?.();
        }
        const t = e.transform.toString();
        for (const l of layerRefs.current) l.current?.setAttribute('transform', t);
      })
      .on('end', (e: { transform: ZoomTransform }) => {
        const { k, x, y } = e.transform;
        setView((v) => (v.k === k && v.x === x && v.y === y ? v : { k, x, y }));
      });
    select(svg).call(z);
    behavior.current = z;
    return () => {
      select(svg).on('.zoom', null);
      behavior.current = null;
    };
  }, [svgRef]);

  const fitView = useCallback(
    (b: Bounds, animate = true, maxScale: number = MAX_SCALE.screen) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (!svg || !z) return;
      const { width, height } = svg.getBoundingClientRect();
      if (width === 0 || height === 0) return;
      const k = Math.min(maxScale, width / Math.max(1, b.width), height / Math.max(1, b.height));
      const t = zoomIdentity
        .translate(width / 2, height / 2)
        .scale(k)
        .translate(-(b.x + b.width / 2), -(b.y + b.height / 2));
      const sel = select(svg);
      if (animate) sel.transition().duration(350).call(z.transform, t);
      else sel.call(z.transform, t);
      atFit.current = true;
      size.current = { width, height };
    },
    [svgRef],
  );

  /**
   * The SVG changed size (the window, or a panel below it grew): the overview is fitted again, but a view
   * the student or the camera moved keeps its scale and its centre, so that what they were looking at stays.
   */
  const resized = useCallback(
    (b: Bounds, maxScale: number) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (!svg || !z) return;
      const { width, height } = svg.getBoundingClientRect();
      const old = size.current;
      if (old.width === 0 || old.height === 0) return fitView(b, false, maxScale);
      if (width === old.width && height === old.height) return;
      const t = zoomTransform(svg);
      if (atFit.current) {
        // A caption a line longer should not make the picture breathe: the overview keeps its scale while
        // the graph's margin absorbs the change (at most 30 px a side) and the fit would not grow by 10%.
        const fitK = Math.min(maxScale, width / Math.max(1, b.width), height / Math.max(1, b.height));
        const spill = Math.max(b.width * t.k - width, b.height * t.k - height) / 2;
        if (spill > 30 || fitK > t.k * 1.1) return fitView(b, false, maxScale);
      }
      size.current = { width, height };
      const kept = zoomIdentity
        .translate(t.x + (width - old.width) / 2, t.y + (height - old.height) / 2)
        .scale(t.k);
      select(svg).interrupt().call(z.transform, kept);
    },
    [svgRef, fitView],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (!svg || !z) return;
      atFit.current = false;
      select(svg).transition().duration(200).call(z.scaleBy, factor);
    },
    [svgRef],
  );

  const moveTo = useCallback(
    (to: { k: number; x: number; y: number }, ms: number) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (!svg || !z) return;
      const t = zoomIdentity.translate(to.x, to.y).scale(to.k);
      atFit.current = false;
      select(svg).transition().duration(ms).call(z.transform, t);
    },
    [svgRef],
  );

  /** Puts the current transform on layers React has just (re)created. */
  const applyTo = useCallback(
    (g: SVGGElement | null) => {
      const svg = svgRef.current;
      if (svg && g) g.setAttribute('transform', zoomTransform(svg).toString());
    },
    [svgRef],
  );

  return { view, scale: view.k, fitView, zoomBy, moveTo, resized, applyTo };
}
