import { useMemo, useState } from 'react';
import { pyTorchScript } from '../core/pytorch';
import { useGradflow } from '../store/hooks';

/**
 * The same computation as a PyTorch script, to check Gradflow's numbers in a notebook. It is written from
 * the analysis with every call inlined, whatever is drawn opened up: the program's functions become Python
 * functions, each call one line.
 */
export function PyTorchPanel() {
  const full = useGradflow((s) => s.scene?.full);
  const [status, setStatus] = useState('');
  const code = useMemo(() => (full ? pyTorchScript(full) : ''), [full]);
  if (!full) return null;
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
