import { memo } from 'react';
import { formatNumber as f } from '../core';
import { LINE } from './labels/boxes';

export interface EdgeProps {
  id: number;
  d: string;
  /** Where the value and gradient labels go (their baseline centres), from the label plan; none = hidden. */
  valueAt?: [number, number];
  gradAt?: [number, number];
  /** The value travelling forward on the edge, once known. */
  value?: number;
  /** The gradient that came back along the edge (its contribution), once its step has played. */
  grad?: number;
  /**
   * This edge's step is the current one: show a × b = contribution (upstream × local going back, local ×
   * the tangent going forward).
   */
  current?: {
    factors: readonly [number, number];
    contribution: number;
    hidden: boolean;
    /** Where the two-line step label goes; none = not drawn (the step panel says it in words). */
    at?: [number, number];
  };
  fromConstant: boolean;
  dim: boolean;
  /** Part of the chain-rule path being looked at. */
  highlighted?: boolean;
}

/** Labels are placed by a CSS transform, so that they ease along with the nodes when the layout changes. */
const at = (p: [number, number]) => ({ transform: `translate(${p[0]}px, ${p[1]}px)` });

/** The edge's exact numbers, on hover: also those the view had no room to draw. */
function edgeTitle(value: number | undefined, grad: number | undefined): string {
  const v = value === undefined ? 'value not computed yet' : `value ${String(value)}`;
  return grad === undefined ? v : `${v}, gradient ${String(grad)}`;
}

const CSS_PATH = (d: string) => ({ d: `path("${d}")` }) as React.CSSProperties;

/** One edge: green value above, red gradient below (the lecture convention), exact values on hover. */
export const GraphEdge = memo(function GraphEdge({
  id,
  d,
  valueAt,
  gradAt,
  value,
  grad,
  current,
  fromConstant,
  dim,
  highlighted,
}: EdgeProps) {
  const cls = [
    'edge',
    fromConstant ? 'from-const' : '',
    current ? 'current' : '',
    dim ? 'dim' : '',
    highlighted ? 'on-path' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g className={cls} data-edge={id} data-grad={grad === undefined ? undefined : String(grad)}>
      <path className="edge-line" style={CSS_PATH(d)} d={d} markerEnd="url(#arrow)" />
      <title>{edgeTitle(value, grad)}</title>
      {value !== undefined && valueAt && (
        <text className="value-label" style={at(valueAt)} textAnchor="middle">
          <title>{String(value)}</title>
          {f(value)}
        </text>
      )}
      {current?.at ? (
        <text className="grad-label current" style={at(current.at)} textAnchor="middle">
          {current.hidden ? (
            '?'
          ) : (
            <>
              <title>{`${current.factors[0]} × ${current.factors[1]} = ${current.contribution}`}</title>
              <tspan x={0}>{`${f(current.factors[0])} × ${f(current.factors[1])}`}</tspan>
              <tspan x={0} dy={`${LINE}em`}>{`= ${f(current.contribution)}`}</tspan>
            </>
          )}
        </text>
      ) : (
        !current &&
        grad !== undefined &&
        gradAt && (
          <text className="grad-label" style={at(gradAt)} textAnchor="middle">
            <title>{String(grad)}</title>
            {f(grad)}
          </text>
        )
      )}
    </g>
  );
});
