import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo, useState } from 'react';
import { alongInput, formatNumber as f } from '../core';
import { useGradflow } from '../store/hooks';

const W = 320;
const H = 180;
const M = { top: 10, right: 12, bottom: 26, left: 48 };

/**
 * The output as one input varies (the others held at their values), with the tangent line at the
 * current point, whose slope is the gradient, and the kinks of relu, abs, max and min marked.
 */
export function FunctionPlot() {
  const scene = useGradflow((s) => s.scene);
  const a = scene?.full ?? null;
  const names = useMemo(() => a?.inputs.map((i) => i.name) ?? [], [a]);
  const [chosen, setChosen] = useState('');
  const name = names.includes(chosen) ? chosen : (names[0] ?? '');
  const input = a?.inputs.find((i) => i.name === name);
  const x0 = input?.value ?? 0;
  const span = Math.max(2, Math.abs(x0));
  const data = useMemo(
    () => (a && name ? alongInput(a, name, x0 - span, x0 + span) : null),
    [a, name, x0, span],
  );
  if (!a || !data || !input) return <p className="hint">The program has no inputs to vary.</p>;
  const out = a.graph.label[a.graph.output] ?? 'f';
  const y0 = a.value;
  const slope = a.gradients[name] as number;
  const finite = data.ys.filter(Number.isFinite);
  const lo = Math.min(...finite, y0);
  const hi = Math.max(...finite, y0);
  const x = scaleLinear()
    .domain([x0 - span, x0 + span])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .nice()
    .range([H - M.bottom, M.top]);
  const curve = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, k) => x(data.xs[k] as number))
    .y((v) => y(v))(data.ys);
  // The tangent over a quarter of the range each side, clipped to the plot.
  const t = (u: number) => y0 + slope * (u - x0);
  const [u0, u1] = [x0 - span / 2, x0 + span / 2];
  const [yMin, yMax] = y.domain() as [number, number];
  const clip = (v: number) => Math.max(yMin, Math.min(yMax, v));
  return (
    <div className="function-plot">
      <label>
        Vary{' '}
        <select value={name} onChange={(e) => setChosen(e.target.value)} aria-label="Input to vary">
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <svg
        className="plot mini-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${out} as ${name} varies from ${f(x0 - span)} to ${f(x0 + span)}; at ${name} = ${f(x0)}, ${out} = ${f(y0)} and the tangent's slope is ∂${out}/∂${name} = ${f(slope)}${data.kinks.length > 0 ? `; kinks near ${data.kinks.map((k) => f(k, 3)).join(', ')}` : ''}`}
      >
        {y.ticks(4).map((v) => (
          <g key={v} className="tick" transform={`translate(0, ${y(v)})`}>
            <line x1={M.left} x2={W - M.right} />
            <text x={M.left - 6} dy="0.32em" textAnchor="end">
              {f(v, 3)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((v) => (
          <text key={v} className="x-tick" x={x(v)} y={H - 8} textAnchor="middle">
            {f(v, 3)}
          </text>
        ))}
        {data.kinks.map((k) => (
          <line key={k} className="kink" x1={x(k)} x2={x(k)} y1={M.top} y2={H - M.bottom}>
            <title>kink near {f(k, 3)}: a relu, abs, max or min switches here</title>
          </line>
        ))}
        <path className="curve" d={curve ?? ''} />
        {Number.isFinite(slope) && (
          <line className="tangent" x1={x(u0)} y1={y(clip(t(u0)))} x2={x(u1)} y2={y(clip(t(u1)))} />
        )}
        <circle className="here" cx={x(x0)} cy={y(y0)} r={4} />
      </svg>
      <p className="plot-text">
        At {name} = {f(x0)}: {out} = {f(y0)}, and the tangent's slope is ∂{out}/∂{name} = {f(slope)}.
        {data.kinks.length > 0 &&
          ` Kinks (dashed) near ${data.kinks.map((k) => f(k, 3)).join(', ')}: there the slope jumps.`}
      </p>
    </div>
  );
}
