import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../core';

const W = 300;
const H = 140;
const M = { top: 10, right: 12, bottom: 26, left: 52 };

/**
 * The loss over the descent's steps, as a small line chart (D3 scales and line, React draws). A loss that
 * runs away is drawn running away: the axis follows it.
 */
export function LossChart({ losses }: { losses: readonly number[] }) {
  if (losses.length === 0) return null;
  const finite = losses.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const x = scaleLinear()
    .domain([0, Math.max(1, losses.length - 1)])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .nice()
    .range([H - M.bottom, M.top]);
  const path = line<number>()
    .defined(Number.isFinite)
    .x((_, k) => x(k))
    .y((v) => y(v))(losses as number[]);
  const ticks = y.ticks(4);
  const last = losses[losses.length - 1] as number;
  return (
    <svg
      className="loss-chart mini-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Loss over ${losses.length - 1} steps: from ${formatNumber(losses[0] as number)} to ${formatNumber(last)}`}
    >
      {ticks.map((t) => (
        <g key={t} transform={`translate(0, ${y(t)})`} className="tick">
          <line x1={M.left} x2={W - M.right} />
          <text x={M.left - 6} dy="0.32em" textAnchor="end">
            {formatNumber(t, 3)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle">
        step ({losses.length - 1})
      </text>
      <path className="loss-line" d={path ?? ''} />
      {losses.map((v, k) =>
        Number.isFinite(v) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step's point is positional
          <circle key={k} className="loss-point" cx={x(k)} cy={y(v)} r={2.5} />
        ) : null,
      )}
    </svg>
  );
}
