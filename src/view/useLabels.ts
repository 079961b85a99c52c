import { type RefObject, useEffect, useMemo, useState } from 'react';
import { type Frame, stepEdge } from '../core';
import type { Scene } from '../store/derive';
import type { Bounds } from './bounds';
import { type EdgeShape, outputStubs } from './edges';
import { planInputs } from './labels/inputs';
import { type LabelSizes, type PlanNode, planLabels, type Spotlight, spotlight } from './labels/plan';

const DEFAULT_SIZES: LabelSizes = { value: 15, current: 16, sum: 14, name: 13 };

export { LEGIBLE_PX } from './labels/boxes';

function px(style: CSSStyleDeclaration, name: string, fallback: number): number {
  const v = Number.parseFloat(style.getPropertyValue(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** The label font sizes the stylesheet sets for this screen and mode (projector and phones set larger type). */
export function useLabelSizes(ref: RefObject<HTMLElement | null>, mode: unknown): LabelSizes {
  const [sizes, setSizes] = useState(DEFAULT_SIZES);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the mode changes the stylesheet's sizes
  useEffect(() => {
    const read = () => {
      const el = ref.current;
      if (!el) return;
      const cs = getComputedStyle(el);
      const next = {
        value: px(cs, '--label', DEFAULT_SIZES.value),
        current: px(cs, '--label-current', DEFAULT_SIZES.current),
        sum: px(cs, '--label-sum', DEFAULT_SIZES.sum),
        name: px(cs, '--label-name', DEFAULT_SIZES.name),
      };
      setSizes((old) =>
        old.value === next.value &&
        old.current === next.current &&
        old.sum === next.sum &&
        old.name === next.name
          ? old
          : next,
      );
    };
    read();
    window.addEventListener('resize', read);
    return () => window.removeEventListener('resize', read);
  }, [ref, mode]);
  return sizes;
}

/**
 * The collision-free places of every number on the graph (see labels/plan.ts), planned once per layout,
 * values and type size, and this frame's spotlight: the current step's label and the running sum.
 */
export function useLabels(
  scene: Scene | null,
  geometry: readonly EdgeShape[],
  sizes: LabelSizes,
  frame: Frame | null,
  currentLines: [string, string] | undefined,
  sum: string | undefined,
  /** False while the numbers are too small to read: nothing is planned (or drawn) until they are. */
  legible: boolean,
  /** The drawing's box as the overview fits it: the step's labels stay inside it if they can. */
  bounds: Bounds | null,
) {
  const plan = useMemo(() => {
    if (!legible || !scene?.drawable || geometry.length !== scene.analysis.graph.edges.length) return null;
    const { nodes, edges } = planInputs(
      scene,
      geometry.map((g) => g.points),
      outputStubs(scene),
    );
    return { plan: planLabels(nodes, edges, sizes), nodes };
  }, [scene, geometry, sizes, legible]);

  const focus = frame ? stepEdge(frame) : undefined;
  const edge = focus?.edge;
  const source = focus?.receiver;
  const lines0 = currentLines?.[0];
  const lines1 = currentLines?.[1];
  const spot = useMemo<Spotlight | null>(() => {
    if (!plan) return null;
    return spotlight(plan.plan, {
      edge:
        edge !== undefined && lines0 !== undefined ? { id: edge, lines: [lines0, lines1 ?? ''] } : undefined,
      sum:
        sum !== undefined && source !== undefined
          ? { text: sum, node: plan.nodes[source] as PlanNode }
          : undefined,
      bounds: bounds
        ? { x0: bounds.x, y0: bounds.y, x1: bounds.x + bounds.width, y1: bounds.y + bounds.height }
        : undefined,
    });
  }, [plan, edge, source, lines0, lines1, sum, bounds]);
  return { plan: plan?.plan ?? null, spot };
}
