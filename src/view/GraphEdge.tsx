import { memo, useEffect, useRef } from 'react';
import { formatNumber as f } from '../core';

export interface EdgeProps {
  id: number;
  d: string;
  mid: [number, number];
  /** The value travelling forward on the edge, once known. */
  value?: number;
  /** The gradient that came back along the edge (its contribution), once its step has played. */
  grad?: number;
  /** This edge's backward step is the current one: show upstream × local = contribution and a pulse. */
  current?: {
    upstream: number;
    local: number;
    contribution: number;
    duration: number;
    key: number;
    hidden: boolean;
  };
  fromConstant: boolean;
  dim: boolean;
  /** Part of the chain-rule path being looked at. */
  highlighted?: boolean;
}

const CSS_PATH = (d: string) => ({ d: `path("${d}")` }) as React.CSSProperties;

/** One edge: green value above, red gradient below (the lecture convention), exact values on hover. */
export const GraphEdge = memo(function GraphEdge({
  id,
  d,
  mid,
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
      {value !== undefined && (
        <text className="value-label" x={mid[0]} y={mid[1] - 9} textAnchor="middle">
          <title>{String(value)}</title>
          {f(value)}
        </text>
      )}
      {current?.hidden ? (
        <text className="grad-label current" x={mid[0]} y={mid[1] + 20} textAnchor="middle">
          ?
        </text>
      ) : current ? (
        <text className="grad-label current" x={mid[0]} y={mid[1] + 20} textAnchor="middle">
          <title>{`${current.upstream} × ${current.local} = ${current.contribution}`}</title>
          <tspan x={mid[0]}>{`${f(current.upstream)} × ${f(current.local)}`}</tspan>
          <tspan x={mid[0]} dy="1.15em">{`= ${f(current.contribution)}`}</tspan>
        </text>
      ) : (
        grad !== undefined && (
          <text className="grad-label" x={mid[0]} y={mid[1] + 20} textAnchor="middle">
            <title>{String(grad)}</title>
            {f(grad)}
          </text>
        )
      )}
      {current && <Pulse d={d} duration={current.duration} key={current.key} />}
    </g>
  );
});

/** A dot running back along the edge, from the consumer to its input (SMIL, restarted per step). */
function Pulse({ d, duration }: { d: string; duration: number }) {
  const ref = useRef<SVGAnimateMotionElement>(null);
  useEffect(() => {
    ref.current?.beginElement();
  }, []);
  return (
    <circle className="pulse" r={7}>
      <animateMotion
        ref={ref}
        path={d}
        dur={`${duration}s`}
        begin="indefinite"
        fill="freeze"
        keyPoints="1;0"
        keyTimes="0;1"
        calcMode="linear"
      />
    </circle>
  );
}
