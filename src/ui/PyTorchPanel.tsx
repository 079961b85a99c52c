import { useMemo, useState } from 'react';
import { toPyTorch } from '../core';
import { useGradflow } from '../store/hooks';

/** The same computation as a PyTorch script, to check Gradflow's numbers in a notebook. */
export function PyTorchPanel() {
  const scene = useGradflow((s) => s.scene);
  const [status, setStatus] = useState('');
  const code = useMemo(
    () => (scene ? toPyTorch(scene.analysis.graph, scene.names, scene.analysis.inputs) : ''),
    [scene],
  );
  if (!scene) return null;
  return (
    <div className="pytorch">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(code);
            setStatus('Copied.');
          } catch {
            setStatus('Select the code below and copy it.');
          }
        }}
      >
        Copy as PyTorch
      </button>{' '}
      <span role="status">{status}</span>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling code block must be reachable by keyboard to scroll it */}
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
