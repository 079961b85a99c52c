import { useEffect, useMemo, useState } from 'react';
import { formatNumber as f, jacobian } from '../core';
import { useTicker } from './useTicker';

/** How often the matrix fills its next row or column: slow enough to see the order. */
const FILL_MS = 350;

/**
 * A program whose output is a vector: its Jacobian ∂y_i/∂x_j, filled row by row by reverse mode (one
 * backward pass per output element) or column by column by forward mode (one tangent pass per input), so
 * that which mode is cheaper shows: m rows against n columns.
 */
export function JacobianPanel({
  source,
  values,
}: {
  source: string;
  /** Values set beside the text (the inputs' fields), as analyze takes them. */
  values: Readonly<Record<string, number>>;
}) {
  const j = useMemo(() => jacobian(source, values), [source, values]);
  const [mode, setMode] = useState<'rows' | 'columns' | null>(null);
  const [filled, setFilled] = useState(0);
  const { start, stop } = useTicker();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new program starts empty
  useEffect(() => {
    stop();
    setMode(null);
    setFilled(0);
  }, [j]);
  if (!j.ok) return null;
  const m = j.outputs.length;
  const n = j.inputs.length;
  const fill = (how: 'rows' | 'columns') => {
    setMode(how);
    setFilled(0);
    const total = how === 'rows' ? m : n;
    let k = 0;
    start(() => {
      k++;
      setFilled(k);
      return k < total;
    }, FILL_MS);
  };
  const shown = (r: number, c: number) =>
    mode === 'rows' ? r < filled : mode === 'columns' ? c < filled : false;
  const y = /^(.*)\[\d+\]$/.exec(j.outputs[0] ?? '')?.[1] ?? 'y';
  return (
    <section className="jacobian" aria-label="Jacobian">
      <h2 className="jacobian-title">
        The Jacobian ∂{y}/∂x ({m}×{n})
      </h2>
      <p className="hint">
        {y} = [{j.values.map((v) => f(v)).join(', ')}] is a vector: there is no single gradient, but a matrix,
        one row per element of {y}. Reverse mode fills it a row per backward pass ({m} pass
        {m === 1 ? '' : 'es'}); forward mode a column per tangent pass ({n} pass{n === 1 ? '' : 'es'}).
      </p>
      <div className="modes-controls">
        <button type="button" onClick={() => fill('rows')}>
          Fill by reverse mode (rows)
        </button>
        <button type="button" onClick={() => fill('columns')}>
          Fill by forward mode (columns)
        </button>
        <span role="status">
          {mode === null
            ? ''
            : `${filled} of ${mode === 'rows' ? m : n} ${mode === 'rows' ? 'backward passes (rows)' : 'forward passes (columns)'}`}
        </span>
      </div>
      <table className="jacobian-table" aria-label={`Jacobian of ${y}, ${m}×${n}`}>
        <thead>
          <tr>
            <td />
            {j.inputs.map((x) => (
              <th key={x} scope="col">
                ∂/∂{x}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {j.outputs.map((out, r) => (
            <tr key={out}>
              <th scope="row">{out}</th>
              {j.inputs.map((x, c) => {
                const v = (mode === 'columns' ? j.byColumns : j.rows)[r]?.[c] as number;
                return (
                  <td
                    key={x}
                    title={shown(r, c) ? String(v) : undefined}
                    className={shown(r, c) ? 'filled' : 'empty'}
                  >
                    {shown(r, c) ? f(v, 4) : '·'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
