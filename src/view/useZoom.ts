import { select } from 'd3-selection';
import 'd3-transition';
import { type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from 'd3-zoom';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Pan and zoom with d3-zoom, attached once to the SVG; React applies the transform it reports.
 * `fitView` eases the view so that `bounds` fills the SVG (magnifying at most `maxScale` times).
 */
export function useZoom(svgRef: RefObject<SVGSVGElement | null>) {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 6])
      // Keep double-click for selecting nodes; keyboard zoom lives on buttons.
      .filter((e: Event) => !(e.type === 'dblclick') && !(e as MouseEvent).button)
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform));
    select(svg).call(z);
    behavior.current = z;
    return () => {
      select(svg).on('.zoom', null);
      behavior.current = null;
    };
  }, [svgRef]);

  const fitView = useCallback(
    (b: Bounds, animate = true, maxScale = 1.6) => {
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
    },
    [svgRef],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      const z = behavior.current;
      if (svg && z) select(svg).transition().duration(200).call(z.scaleBy, factor);
    },
    [svgRef],
  );

  return { transform, fitView, zoomBy };
}
