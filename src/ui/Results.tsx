import { useMemo, useState } from 'react';
import { formatNumber, nodeNames } from '../core';
import { useGradflow } from '../store/hooks';
import { selectActions, selectShown, selectStale } from '../store/selectors';
import { LazyBox, lazyPart } from './lazyPart';

/** Inputs listed in the Gradients table before "Show all". */
const MAX_ROWS = 200;

// The Jacobian's code comes with the first program whose output is a vector.
const JACOBIAN = lazyPart(() => import('./JacobianPanel').then((m) => m.JacobianPanel));
// And each tensor input's gradient as a matrix with the first program that has one.
const TENSOR_GRADIENTS = lazyPart(() => import('./TensorGradients').then((m) => m.TensorGradients));

/**
 * The output value and the Gradients table, as text: always the final numbers of the current program
 * (even while its picture is still being laid out), or, marked as such, the last valid program's while
 * the text is unfinished or broken: the same program as the graph and the Inputs list. When the text
 * parses but cannot be computed at its values, the Inputs are the text's, so no older numbers are shown.
 */
export function Results() {
  const analysis = useGradflow(selectShown);
  const stale = useGradflow(selectStale);
  const domain = useGradflow((s) => !s.pending && !s.analysis.ok && s.analysis.error.phase === 'domain');
  const names = useMemo(() => (analysis ? nodeNames(analysis.graph) : []), [analysis]);
  // 13,786 rows would freeze the tab for a second to draw: the first ones, and every one on request.
  const [all, setAll] = useState(false);
  const { setRow } = useGradflow(selectActions);
  if (!analysis) return null;
  if (domain) {
    return (
      <section className="results stale" aria-label="Results">
        <p className="output">
          <span className="panel-title">Output</span> cannot be computed at these input values (see the
          message under the text).
        </p>
      </section>
    );
  }
  const out = names[analysis.graph.output] as string;
  // A vector output y: its elements, and which one the gradients (and the graph's backward pass) are of.
  const outs = analysis.graph.outputs;
  const vectorName = outs ? (/^(.*)\[\d+\]$/.exec(names[outs[0] as number] ?? '')?.[1] ?? 'y') : '';
  return (
    <section className={`results${stale ? ' stale' : ''}`} aria-label="Results">
      <p className="output">
        <span className="panel-title">Output</span>{' '}
        {outs ? (
          <output>
            {vectorName} = [{outs.map((o) => formatNumber(analysis.values[o] as number, 6)).join(', ')}]
          </output>
        ) : (
          <output title={String(analysis.value)}>
            {out} = {formatNumber(analysis.value, 6)}
          </output>
        )}
        {stale && <span className="stale-note"> (last valid program)</span>}
      </p>
      {outs && (
        <label className="row-pick">
          Gradients of{' '}
          <select value={analysis.row ?? 0} onChange={(e) => setRow(Number(e.target.value))}>
            {outs.map((o, k) => (
              <option key={o} value={k}>
                {names[o]}
              </option>
            ))}
          </select>{' '}
          <span className="hint">
            (a vector has a gradient per element; the graph's backward pass is this one's)
          </span>
        </label>
      )}
      <table className="gradients" aria-label="Gradients">
        <caption>Gradients</caption>
        <thead>
          <tr>
            <th scope="col">input</th>
            <th scope="col">value</th>
            <th scope="col">∂{out}/∂input</th>
          </tr>
        </thead>
        <tbody>
          {(all ? analysis.inputs : analysis.inputs.slice(0, MAX_ROWS)).map((i) => {
            const g = analysis.gradients[i.name] as number;
            return (
              <tr key={i.name}>
                <th scope="row">{i.name}</th>
                <td title={String(i.value)}>{formatNumber(i.value, 6)}</td>
                <td className="grad" title={String(g)} data-exact={g}>
                  {formatNumber(g, 6)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!all && analysis.inputs.length > MAX_ROWS && (
        <p className="hint">
          The first {MAX_ROWS} of {analysis.inputs.length.toLocaleString('en-US')} inputs.{' '}
          <button type="button" onClick={() => setAll(true)}>
            Show all {analysis.inputs.length.toLocaleString('en-US')}
          </button>
        </p>
      )}
      {analysis.graph.tensors.length > 0 && (
        <LazyBox name="The gradients as matrices" part={TENSOR_GRADIENTS} props={{ analysis, out }} />
      )}
      {outs && <LazyBox name="The Jacobian" part={JACOBIAN} props={{ analysis }} />}
      {analysis.warnings.map((w) => (
        <p key={`${w.start}-${w.message}`} className="warning">
          {w.message}
        </p>
      ))}
    </section>
  );
}
