import { formatNumber } from '../core';
import { useGradflow } from '../store/hooks';

/** The output value and the Gradients table, as text: always the final numbers. */
export function Results() {
  const scene = useGradflow((s) => s.scene);
  const stale = useGradflow((s) => !s.analysis.ok);
  if (!scene) return null;
  const { analysis, names } = scene;
  const out = names[analysis.graph.output] as string;
  return (
    <section className={`results${stale ? ' stale' : ''}`} aria-label="Results">
      <p className="output">
        <span className="panel-title">Output</span>{' '}
        <output title={String(analysis.value)}>
          {out} = {formatNumber(analysis.value, 6)}
        </output>
        {stale && <span className="stale-note"> (last good program)</span>}
      </p>
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
          {analysis.inputs.map((i) => {
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
      {analysis.warnings.map((w) => (
        <p key={`${w.start}-${w.message}`} className="warning">
          {w.message}
        </p>
      ))}
    </section>
  );
}
