import type { AnalysisOk } from '../core';
import { MatrixTable } from './MatrixTable';

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
      {tensors.map((t) => (
        <MatrixTable
          key={t.name}
          label={`∂${out}/∂${t.name}`}
          values={t.nodes.map((v) => analysis.grads[v] as number)}
          shape={t.shape}
          cell="grad"
          more="; every number is in the Gradients table"
        />
      ))}
    </div>
  );
}
