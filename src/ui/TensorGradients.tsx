import { type AnalysisOk, formatNumber } from '../core';

/** A gradient matrix is drawn in full up to this many rows and columns. */
const MAX_SIDE = 12;

/** A tensor input of the program: its name, shape and element nodes (from its declaration `W = [[…]]`). */
function tensorInputs(a: AnalysisOk): { name: string; shape: number[]; nodes: number[] }[] {
  const inputs = new Set(a.inputs.map((i) => i.node));
  return a.graph.tensors
    .filter((t) => t.op === 'list' && t.label !== undefined && t.outputs.every((n) => inputs.has(n)))
    .map((t) => ({ name: t.label as string, shape: t.shape, nodes: t.outputs }));
}

/**
 * Each vector or matrix input's gradient as a matrix of its own shape, ∂L/∂W beside W: what "check
 * gradient shapes" means in the lectures. (The Gradients table above lists the same numbers one by one.)
 */
export function TensorGradients({ analysis, out }: { analysis: AnalysisOk; out: string }) {
  const tensors = tensorInputs(analysis);
  if (tensors.length === 0) return null;
  return (
    <div className="tensor-gradients">
      {tensors.map((t) => {
        const cols = t.shape.length === 2 ? (t.shape[1] as number) : (t.shape[0] as number);
        const rows = t.shape.length === 2 ? (t.shape[0] as number) : 1;
        const label = `∂${out}/∂${t.name}`;
        // A layer's 12,544 weights as a table would be a wall (and slow to draw): its corner, and a note.
        const [shownRows, shownCols] = [Math.min(rows, MAX_SIDE), Math.min(cols, MAX_SIDE)];
        const cut = shownRows < rows || shownCols < cols;
        return (
          <table key={t.name} className="tensor-gradient" aria-label={`${label}, ${t.shape.join('×')}`}>
            <caption>
              {label} <span className="shape">({t.shape.join('×')})</span>
              {cut && (
                <span className="hint">
                  {' '}
                  first {shownRows} × {shownCols}; every number is in the Gradients table
                </span>
              )}
            </caption>
            <tbody>
              {Array.from({ length: shownRows }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a matrix are positional
                <tr key={i}>
                  {Array.from({ length: shownCols }, (_, j) => {
                    const g = analysis.grads[t.nodes[i * cols + j] as number] as number;
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns of a matrix are positional
                      <td key={j} className="grad" title={String(g)} data-exact={g}>
                        {formatNumber(g, 4)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
