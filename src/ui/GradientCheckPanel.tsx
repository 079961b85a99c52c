import { useMemo } from 'react';
import { formatNumber, gradientCheck } from '../core';
import { useGradflow } from '../store/hooks';

/** Backprop against central differences, per input, with the reason wherever they disagree. */
export function GradientCheckPanel() {
  const scene = useGradflow((s) => s.scene);
  const checks = useMemo(() => {
    if (!scene) return [];
    // Every call inlined: the check perturbs inputs and recomputes the graph, gate by gate.
    const a = scene.full;
    return gradientCheck(
      a.graph,
      a.inputs.map((i) => i.value),
      a.values,
      a.grads,
    );
  }, [scene]);
  if (!scene) return null;
  return (
    <table className="gradcheck" aria-label="Gradient check">
      <thead>
        <tr>
          <th scope="col">input</th>
          <th scope="col">backprop</th>
          <th scope="col">numeric</th>
          <th scope="col">rel. error</th>
          <th scope="col">check</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.name} className={c.agrees ? 'agrees' : 'differs'}>
            <th scope="row">{c.name}</th>
            <td title={String(c.analytic)}>{formatNumber(c.analytic, 6)}</td>
            <td title={String(c.numeric)}>{Number.isNaN(c.numeric) ? '—' : formatNumber(c.numeric, 6)}</td>
            <td>{Number.isFinite(c.relError) ? c.relError.toExponential(1) : '—'}</td>
            <td>{c.agrees ? '✓ agree' : `⚠ ${c.reason ?? 'they disagree'}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
