import type { ZoomBehavior, ZoomTransform } from 'd3-zoom';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type Bounds, MAX_SCALE } from './bounds';

type D3 = typeof import('./zoomD3');
interface View {
  k: number;
  x: number;
  y: number;
}

// d3 is fetched once the graph is on screen (when a GraphView first mounts), not before: see zoomD3.ts.
let d3: D3 | null = null;
let loading: Promise<D3> | null = null;
function loadD3(): Promise<D3> {
  loading ??= import('./zoomD3').then(
    (m) => {
      d3 = m;
      return m;
    },
    (e: unknown) => {
      loading = null; // tried again (see useZoom)
      throw e;
    },
  );
  return loading;
}

/** The scale at which `b` fits a `width` × `height` view, magnified at most `maxScale` times. */
const fitK = (b: Bounds, width: number, height: number, maxScale: number) =>
  Math.min(maxScale, width / Math.max(1, b.width), height / Math.max(1, b.height));

/** Where the view was placed before d3 came (d3 keeps it on the element itself, as __zoom). */
const placed = new WeakMap<SVGSVGElement, View>();

/** The view's transform: d3-zoom's, or the one placed before it came. */
export function viewOf(svg: SVGSVGElement): View {
  return placed.get(svg) ?? d3?.zoomTransform(svg) ?? { k: 1, x: 0, y: 0 };
}

/**
 * Pan and zoom with d3-zoom, attached once to the SVG. The transform is written straight onto the
 * `layers` (the drawing, the pulse's own layer) on every frame of a pan or a move, without React: a big
 * graph is not re-rendered sixty times a second. React hears the transform only when a move ends (`view`),
 * which is all it needs (whether numbers are legible).
 * `fitView` eases the view so that `bounds` fills the SVG (magnifying at most `maxScale` times);
 * `moveTo` eases it to a given transform (the camera following the step). `onGesture` is told when the
 * student pans or zooms by hand (a wheel, a drag, a pinch), not when the app moves the view.
 * Until d3 has come (a moment after the app starts), the view is placed without easing, and cannot be
 * panned by hand; d3 then takes it over where it is.
 */
export function useZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  layers: readonly RefObject<SVGGElement | null>[],
  onGesture?: () => void,
  /** Told every transform written to the layers (a canvas under them repaints with it). */
  onMove?: (t: View) => void,
) {
  // The transform as of the last move's end: the scale (are numbers legible?) and what is on screen.
  const [view, setView] = useState<{ k: number; x: number; y: number }>({ k: 1, x: 0, y: 0 });
  const layerRefs = useRef(layers);
  layerRefs.current = layers;
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const gesture = useRef(onGesture);
  gesture.current = onGesture;
  const moved = useRef(onMove);
  moved.current = onMove;
  /** The view is the fitted overview (nobody has moved it since), and the SVG's size it was made for. */
  const atFit = useRef(false);
  const size = useRef({ width: 0, height: 0 });
  const [lib, setLib] = useState<D3 | null>(d3);

  useEffect(() => {
    if (lib) return;
    let on = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const get = (wait: number) =>
      loadD3().then(
        (m) => on && setLib(m),
        () => {
          retry = setTimeout(() => get(Math.min(wait * 2, 30_000)), wait);
        },
      );
    get(1000);
    return () => {
      on = false;
      clearTimeout(retry);
    };
  }, [lib]);

  /** Puts the view at `t` at once, without d3 (before it has come). */
  const place = useCallback(
    (t: View) => {
      const svg = svgRef.current;
      if (!svg) return;
      placed.set(svg, t);
      const s = `translate(${t.x},${t.y}) scale(${t.k})`;
      for (const l of layerRefs.current) l.current?.setAttribute('transform', s);
      moved.current?.(t);
      setView((v) => (v.k === t.k && v.x === t.x && v.y === t.y ? v : { ...t }));
    },
    [svgRef],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !lib) return;
    const { select, zoom, zoomIdentity } = lib;
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
        moved.current?.(e.transform);
      })
      .on('end', (e: { transform: ZoomTransform }) => {
        const { k, x, y } = e.transform;
        setView((v) => (v.k === k && v.x === x && v.y === y ? v : { k, x, y }));
      });
    select(svg).call(z);
    // The view placed before d3 came is d3's from now on (this writes the same transform again).
    const before = placed.get(svg);
    if (before) {
      placed.delete(svg);
      select(svg).call(z.transform, zoomIdentity.translate(before.x, before.y).scale(before.k));
    }
    behavior.current = z;
    return () => {
      select(svg).on('.zoom', null);
      behavior.current = null;
    };
  }, [svgRef, lib]);

  const fitView = useCallback(
    (b: Bounds, animate = true, maxScale: number = MAX_SCALE.screen) => {
      const svg = svgRef.current;
      if (!svg) return;
      const { width, height } = svg.getBoundingClientRect();
      if (width === 0 || height === 0) return;
      const k = fitK(b, width, height, maxScale);
      const to = { k, x: width / 2 - k * (b.x + b.width / 2), y: height / 2 - k * (b.y + b.height / 2) };
      const z = behavior.current;
      if (z && d3) {
        const t = d3.zoomIdentity.translate(to.x, to.y).scale(k);
        const sel = d3.select(svg);
        if (animate) sel.transition().duration(350).call(z.transform, t);
        else sel.call(z.transform, t);
      } else place(to);
      atFit.current = true;
      size.current = { width, height };
    },
    [svgRef, place],
  );

  /**
   * The SVG changed size (the window, or a panel below it grew): the overview is fitted again, but a view
   * the student or the camera moved keeps its scale and its centre, so that what they were looking at stays.
   */
  const resized = useCallback(
    (b: Bounds, maxScale: number) => {
      const svg = svgRef.current;
      if (!svg) return;
      const { width, height } = svg.getBoundingClientRect();
      const old = size.current;
      if (old.width === 0 || old.height === 0) return fitView(b, false, maxScale);
      if (width === old.width && height === old.height) return;
      const t = viewOf(svg);
      if (atFit.current) {
        // A caption a line longer should not make the picture breathe: the overview keeps its scale while
        // the graph's margin absorbs the change (at most 30 px a side) and the fit would not grow by 10%.
        const fitted = fitK(b, width, height, maxScale);
        const spill = Math.max(b.width * t.k - width, b.height * t.k - height) / 2;
        if (spill > 30 || fitted > t.k * 1.1) return fitView(b, false, maxScale);
      }
      size.current = { width, height };
      const kept = { k: t.k, x: t.x + (width - old.width) / 2, y: t.y + (height - old.height) / 2 };
      const z = behavior.current;
      if (z && d3)
        d3.select(svg).interrupt().call(z.transform, d3.zoomIdentity.translate(kept.x, kept.y).scale(kept.k));
      else place(kept);
    },
    [svgRef, fitView, place],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      if (!svg) return;
      atFit.current = false;
      const z = behavior.current;
      if (z && d3) return void d3.select(svg).transition().duration(200).call(z.scaleBy, factor);
      // As d3 would: about the middle of the view, within the same scale extent.
      const t = viewOf(svg);
      const { width, height } = svg.getBoundingClientRect();
      const k = Math.min(6, Math.max(0.05, t.k * factor));
      place({
        k,
        x: width / 2 - ((width / 2 - t.x) * k) / t.k,
        y: height / 2 - ((height / 2 - t.y) * k) / t.k,
      });
    },
    [svgRef, place],
  );

  const moveTo = useCallback(
    (to: { k: number; x: number; y: number }, ms: number) => {
      const svg = svgRef.current;
      if (!svg) return;
      atFit.current = false;
      const z = behavior.current;
      if (z && d3)
        d3.select(svg)
          .transition()
          .duration(ms)
          .call(z.transform, d3.zoomIdentity.translate(to.x, to.y).scale(to.k));
      else place(to);
    },
    [svgRef, place],
  );

  /**
   * Puts the current transform on layers React has just (re)created. Before the view was ever placed it
   * leaves them as they are: the prerendered first screen's drawing stays where the page's script put it.
   */
  const applyTo = useCallback(
    (g: SVGGElement | null) => {
      const svg = svgRef.current;
      if (!svg || !g) return;
      const t = placed.get(svg) ?? (behavior.current ? d3?.zoomTransform(svg) : undefined);
      if (t) g.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
    },
    [svgRef],
  );

  /** The scale `fitView` would give `b` in the SVG as last measured (null before it was ever fitted). */
  const fitScale = useCallback((b: Bounds, maxScale: number): number | null => {
    const { width, height } = size.current;
    if (width === 0 || height === 0) return null;
    return fitK(b, width, height, maxScale);
  }, []);

  return { view, scale: view.k, fitView, fitScale, zoomBy, moveTo, resized, applyTo };
}
