import { useEffect, useMemo, useState } from 'react';
import { type AnalysisOk, formatNumber as f, nodeNames, tangent } from '../core';
import { sceneLength } from '../store/derive';
import { useGradflow } from '../store/hooks';
import { seedOf } from '../store/modes';
import { selectActions } from '../store/selectors';

/** The pause between one pass ending on the graph and the next one starting. */
const BETWEEN_MS = 600;

type Fill = { mode: 'rows' | 'columns'; pass: number; done: number };

/**
 * A program whose output is a vector: its Jacobian ∂y_i/∂x_j, filled on the graph row by row by reverse
 * mode (one backward pass per output element) or column by column by forward mode (one tangent pass per
 * input), so that which mode is cheaper shows: m rows against n columns.
 */
export function JacobianPanel({ analysis }: { analysis: AnalysisOk }) {
  const { graph, values, inputs } = analysis;
  const outs = useMemo(() => graph.allOutputs, [graph]);
  const names = useMemo(() => nodeNames(graph), [graph]);
  const rows = analysis.jacobian ?? [];
  // Forward mode: tangent pass j, read at every output, is column j.
  const columns = useMemo(
    () => inputs.map((i) => tangent(graph, values, i.node)).map((dot) => outs.map((o) => dot[o] as number)),
    [graph, values, inputs, outs],
  );
  const { setRow, setSeed } = useGradflow(selectActions);
  const ended = useGradflow((s) => !s.playing && s.position >= sceneLength(s.scene));
  const seed = useGradflow((s) => seedOf(s.scene));
  const row = analysis.row ?? 0;
  const [fill, setFill] = useState<Fill | null>(null);
  const m = outs.length;
  const n = inputs.length;
  const total = fill?.mode === 'rows' ? m : n;
  // An edit (of the text or a value) starts over; choosing another row does not.
  const program = `${analysis.source}\u0000${inputs.map((i) => i.value).join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the program changes
  useEffect(() => setFill(null), [program]);

  // A pass that has played to its end on the graph fills its row or column...
  useEffect(() => {
    if (!fill || !ended || fill.done > fill.pass) return;
    const ours = fill.mode === 'rows' ? seed === null && row === fill.pass : seed === inputs[fill.pass]?.name;
    if (ours) setFill({ ...fill, done: fill.pass + 1 });
  }, [fill, ended, seed, row, inputs]);
  // ...and after a moment the next pass starts.
  useEffect(() => {
    if (!fill || fill.done <= fill.pass || fill.done >= total) return;
    const next = fill.done;
    const t = setTimeout(() => {
      setFill({ ...fill, pass: next });
      if (fill.mode === 'rows') setRow(next, true);
      else setSeed(inputs[next]?.name ?? null, true);
    }, BETWEEN_MS);
    return () => clearTimeout(t);
  }, [fill, total, inputs, setRow, setSeed]);

  const start = (mode: Fill['mode']) => {
    setFill({ mode, pass: 0, done: 0 });
    if (mode === 'rows') {
      if (seed !== null) setSeed(null);
      setRow(0, true);
    } else setSeed(inputs[0]?.name ?? null, true);
  };
  const shown = (r: number, c: number) =>
    fill === null || (fill.mode === 'rows' ? r < fill.done : c < fill.done);
  const now = (r: number, c: number) =>
    fill !== null && fill.done <= fill.pass && (fill.mode === 'rows' ? r === fill.pass : c === fill.pass);
  const y = /^(.*)\[\d+\]$/.exec(names[outs[0] as number] ?? '')?.[1] ?? 'y';
  return (
    <section className="jacobian" aria-label="Jacobian">
      <h2 className="jacobian-title">
        The Jacobian ∂{y}/∂x ({m}×{n})
      </h2>
      <p className="hint">
        {y} = [{outs.map((o) => f(values[o] as number)).join(', ')}] is a vector: there is no single gradient,
        but a matrix, one row per element of {y}. Reverse mode fills it a row per backward pass ({m} pass
        {m === 1 ? '' : 'es'}); forward mode a column per tangent pass ({n} pass{n === 1 ? '' : 'es'}). Each
        pass plays on the graph.
      </p>
      <div className="modes-controls">
        <button type="button" onClick={() => start('rows')} disabled={m === 0}>
          Fill by reverse mode (rows)
        </button>
        <button type="button" onClick={() => start('columns')} disabled={n === 0}>
          Fill by forward mode (columns)
        </button>
        <span role="status">
          {fill === null
            ? ''
            : `${fill.done} of ${total} ${fill.mode === 'rows' ? 'backward passes (rows)' : 'forward passes (columns)'}${fill.done < total ? `: pass ${fill.pass + 1} is playing on the graph` : ', done'}`}
        </span>
      </div>
      <table className="jacobian-table" aria-label={`Jacobian of ${y}, ${m}×${n}`}>
        <thead>
          <tr>
            <td />
            {inputs.map((x) => (
              <th key={x.name} scope="col">
                ∂/∂{x.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {outs.map((o, r) => (
            <tr key={o}>
              <th scope="row">{names[o]}</th>
              {inputs.map((x, c) => {
                const v =
                  fill?.mode === 'columns' ? (columns[c]?.[r] as number) : (rows[r]?.[x.name] as number);
                return (
                  <td
                    key={x.name}
                    title={shown(r, c) ? String(v) : undefined}
                    className={`${shown(r, c) ? 'filled' : 'empty'}${now(r, c) ? ' playing' : ''}`}
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
