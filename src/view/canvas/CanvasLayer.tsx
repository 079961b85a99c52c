import { type RefObject, useEffect, useRef } from 'react';
import { type Palette, type Picture, paint, type View } from './paint';

/** What the view tells the canvas: the transform changed (a pan, a zoom, the camera). */
export interface CanvasHandle {
  draw(view: View): void;
}

const MONO = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** The stylesheet's colours where the canvas is (themes and palettes set them as custom properties). */
function readPalette(el: Element): Palette {
  const cs = getComputedStyle(el);
  const v = (name: string) => cs.getPropertyValue(name).trim();
  return {
    bg: v('--bg'),
    panel: v('--panel'),
    ink: v('--ink'),
    muted: v('--muted'),
    value: v('--value'),
    grad: v('--grad'),
    accent: v('--accent'),
    node: v('--node'),
    nodeStroke: v('--node-stroke'),
    active: v('--active'),
    edge: v('--edge'),
    edgeConst: v('--edge-const'),
    inputFill: v('--input-fill'),
    constStroke: v('--const-stroke'),
    font: cs.fontFamily,
    mono: MONO,
  };
}

/**
 * The canvas a big graph is painted on (a picture only: the SVG above it carries the graph's name, and
 * the numbers are in the tables and the node details), under the SVG that takes the pointer and carries the view's
 * transform. It repaints at most once a frame: when the picture changes (a step) or the view moves.
 */
export function CanvasLayer({
  picture,
  handle,
  initial,
  palette,
}: {
  picture: Picture;
  handle: RefObject<CanvasHandle | null>;
  /** The view's transform now (for the first paint and after a resize). */
  initial: () => View;
  /** The colour scheme's name: a change repaints with the new colours. */
  palette: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const state = useRef({
    picture,
    view: initial(),
    width: 0,
    height: 0,
    raf: 0,
    colors: null as Palette | null,
  });
  const initialRef = useRef(initial);
  initialRef.current = initial;

  const schedule = useRef(() => {
    const s = state.current;
    if (s.raf) return;
    s.raf = requestAnimationFrame(() => {
      s.raf = 0;
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || s.width === 0) return;
      s.colors ??= readPalette(canvas);
      const drawn = paint(ctx, s.picture, s.colors, s.view, s.width, s.height, window.devicePixelRatio || 1);
      canvas.dataset.drawnNodes = String(drawn.nodes);
      canvas.dataset.drawnTexts = String(drawn.texts);
    });
  });

  useEffect(() => {
    handle.current = {
      draw(view) {
        state.current.view = view;
        schedule.current();
      },
    };
    return () => {
      handle.current = null;
      cancelAnimationFrame(state.current.raf);
      state.current.raf = 0;
    };
  }, [handle]);

  useEffect(() => {
    state.current.picture = picture;
    schedule.current();
  }, [picture]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new palette or theme: read the colours again
  useEffect(() => {
    state.current.colors = null;
    schedule.current();
  }, [palette]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ro = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (!box) return;
      const dpr = window.devicePixelRatio || 1;
      const s = state.current;
      s.width = box.width;
      s.height = box.height;
      canvas.width = Math.round(box.width * dpr);
      canvas.height = Math.round(box.height * dpr);
      s.view = initialRef.current();
      schedule.current();
    });
    ro.observe(canvas);
    return () => ro.disconnect();
  }, []);

  return <canvas ref={canvasRef} className="graph-canvas" />;
}
