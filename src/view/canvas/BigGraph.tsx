import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { Graph } from '../../core';
import type { NodeLook } from '../drawProps';
import type { EdgeProps } from '../GraphEdge';
import type { Point } from '../labels/curve';
import { type CanvasHandle, CanvasLayer } from './CanvasLayer';
import type { Picture, View } from './paint';
import { type Curve, curveOf, pictureOf } from './picture';
import { clickNode, keyNode, revealNode } from './pointer';

export interface BigGraphProps {
  edges: readonly { props: EdgeProps; points: Point[] }[];
  nodes: readonly NodeLook[];
  extra: Omit<Picture, 'edges' | 'nodes'>;
  /** The layout the curves belong to: new curves with a new layout. */
  layout: unknown;
  handle: RefObject<CanvasHandle | null>;
  initial: () => View;
  palette: string;
  /** The SVG over the canvas, which takes the pointer and the keys: a click or ↓/↑ chooses a node. */
  svg: RefObject<SVGSVGElement | null>;
  graph: Graph;
  selected: number | null;
  select(id: number): void;
  toggleCall(key: string): void;
  /** Moves the view (a node chosen from the keyboard comes on screen, legible at `minK`)... */
  moveTo(to: View, ms: number): void;
  minK: number;
  /** ...which pauses following, as a pan by hand does. */
  looked(): void;
}

/**
 * A big graph's picture on its canvas (this code comes with the first big graph): the SVG view's own
 * edge and node props, turned into what the painter draws.
 */
export function BigGraph({
  edges,
  nodes,
  extra,
  layout,
  handle,
  initial,
  palette,
  ...choose
}: BigGraphProps) {
  // The listeners read the latest nodes and selection, and stay attached.
  const latest = useRef({ nodes, ...choose });
  latest.current = { nodes, ...choose };
  const { svg } = choose;
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const click = (e: MouseEvent) => {
      const l = latest.current;
      clickNode({ clientX: e.clientX, clientY: e.clientY, currentTarget: el }, l.nodes, l);
    };
    const key = (e: KeyboardEvent) => {
      const l = latest.current;
      const select = (id: number) => {
        l.select(id);
        const node = l.nodes[id];
        if (node && revealNode(el, node, l.minK, l.moveTo)) l.looked();
      };
      keyNode(e, l.graph, l.selected, { select, toggleCall: l.toggleCall });
    };
    el.addEventListener('click', click);
    el.addEventListener('keydown', key);
    return () => {
      el.removeEventListener('click', click);
      el.removeEventListener('keydown', key);
    };
  }, [svg]);
  // The curves, made once per layout (by path: the outputs' own edges too).
  // biome-ignore lint/correctness/useExhaustiveDependencies: new curves with a new layout
  const curves = useMemo(() => new Map<string, Curve>(), [layout]);
  const picture = pictureOf(
    edges.map((e) => {
      const curve = curves.get(e.props.d) ?? curveOf(e.props.d, e.points);
      curves.set(e.props.d, curve);
      return { props: e.props, curve };
    }),
    nodes,
    extra,
  );
  return <CanvasLayer picture={picture} handle={handle} initial={initial} palette={palette} />;
}
