import { type RefObject, useEffect, useRef } from 'react';
import type { Frame } from '../core';
import type { Scene } from '../store/derive';
import type { aim as Aim } from './aim';
import type { Box } from './box';
import type { Camera } from './camera';
import type { LabelSizes } from './labels/plan';
import { viewOf } from './useZoom';

/** Numbers near the step are drawn at least this many pixels high: 16 on a projector (read from the back). */
export const FOLLOW_PX = { projector: 16, screen: 11 };
/** Room kept clear at the SVG's edges when the camera moves: the toolbar and notices sit along the top. */
export const MARGIN = { top: 56, right: 16, bottom: 16, left: 16 };
/** Room that must be clear for the camera to stay still: none but the toolbar itself. */
export const LOOSE = { top: 0, right: 0, bottom: 0, left: 0 };

/** The toolbar over the graph, in the SVG's screen coordinates. */
export function toolbarBox(svg: SVGSVGElement): Box | undefined {
  const bar = svg.parentElement?.querySelector('.graph-toolbar')?.getBoundingClientRect();
  if (!bar) return undefined;
  const at = svg.getBoundingClientRect();
  return { x0: bar.left - at.left, y0: bar.top - at.top, x1: bar.right - at.left, y1: bar.bottom - at.top };
}

/** The camera's maths (aim.ts, camera.ts), fetched with the first step it follows (or when the page is idle). */
let aim: typeof Aim | null = null;
let fetching: Promise<unknown> | null = null;
export const preloadCamera = (): Promise<unknown> =>
  (fetching ??= import('./aim').then(
    (m) => {
      aim = m.aim;
    },
    () => {
      fetching = null; // offline and not cached: the next step tries again
    },
  ));

/**
 * The camera that follows the step: after each move through the timeline, the view eases just enough to
 * keep what the frame is about on screen with its numbers legible (see camera.ts). It does nothing while
 * `active` is false (following switched off, or paused by the student's own pan or zoom).
 */
export function useFollow(
  svgRef: RefObject<SVGSVGElement | null>,
  scene: Scene | null,
  frame: Frame | null,
  sizes: LabelSizes,
  opts: {
    active: boolean;
    projector: boolean;
    /** The current step's label and the running sum, where they were placed (once known), with their text. */
    labels: { at: [number, number]; lines: readonly string[]; size: number }[];
    /** How long a move eases; 0 (a big graph, moved without transitions) also centres the step. */
    ms: number;
    moveTo: (to: Camera, ms: number) => void;
  },
): void {
  const { active, projector, labels, ms, moveTo } = opts;
  // Where the camera is going: a move asked for mid-flight starts from the last one's end, not its middle.
  const heading = useRef<{ to: Camera; until: number } | null>(null);
  const run = () => {
    const svg = svgRef.current;
    if (!active || !svg || !scene?.drawable || !frame) return;
    if (!aim) {
      void preloadCamera().then(() => aim && latest.current());
      return;
    }
    const { width, height } = svg.getBoundingClientRect();
    const t = viewOf(svg);
    const now = performance.now();
    const from = heading.current && now < heading.current.until ? heading.current.to : t;
    const to = aim({
      scene,
      frame,
      sizes,
      projector,
      labels,
      width,
      height,
      avoid: toolbarBox(svg),
      from,
      centre: ms === 0,
    });
    if (!to) return;
    heading.current = { to, until: now + ms };
    moveTo(to, ms);
  };
  const latest = useRef(run);
  latest.current = run;
  const where = labels.map((l) => `${l.at[0]},${l.at[1]}`).join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the frame's position, not its arrays
  useEffect(
    () => latest.current(),
    [active, scene?.layout, frame?.phase, frame?.index, sizes, projector, where],
  );
  useLookAgain(svgRef, latest, heading);
}

/**
 * The SVG changing size (a caption a line longer below it) cuts a camera move short and can push the
 * step off screen: the camera looks again, from where the view now is.
 */
export function useLookAgain(
  svgRef: RefObject<SVGSVGElement | null>,
  look: RefObject<() => void>,
  heading: RefObject<unknown>,
): void {
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let raf = 0;
    const ro = new ResizeObserver(() => {
      // The view was just set again for the new size (any move under way was cut short): start from it.
      heading.current = null;
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => look.current());
    });
    ro.observe(svg);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(raf);
    };
  }, [svgRef, look, heading]);
}
