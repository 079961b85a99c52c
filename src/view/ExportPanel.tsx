import { useState } from 'react';
import type { Scene, TensorScene } from '../store/derive';
import { useFrame, useGradflow, useTensorFrame } from '../store/hooks';
import { describeStep } from '../ui/describeStep';
import { describeTensorStep } from '../ui/describeTensorStep';
import { download, type ExportOptions, graphPng, graphSvg } from './exportGraph';

/** Export for slides: the graph as SVG or PNG (scale, background), and the step's equation as LaTeX. */
export function ExportPanel({
  svg,
  release,
}: {
  /** The SVG to export (a big graph, painted on a canvas, draws itself into it for the export)... */
  svg: () => SVGSVGElement | null;
  /** ...and goes back to its canvas when the export is done. */
  release?: () => void;
}) {
  const scene = useGradflow((s) => s.scene);
  const frame = useFrame();
  const tensorFrame = useTensorFrame();
  const [opts, setOpts] = useState<ExportOptions>({ scale: 2, background: 'white' });
  const [status, setStatus] = useState('');
  const latex =
    scene?.tensor && tensorFrame
      ? describeTensorStep(scene as Scene & { tensor: TensorScene }, tensorFrame).latex
      : scene && frame
        ? describeStep(scene, frame).latex
        : '';
  const run = async (what: 'svg' | 'png') => {
    const el = svg();
    if (!el) return release?.();
    try {
      // Text is measured for the picture's size: wait until every font it uses has loaded.
      await document.fonts.ready;
      if (what === 'svg') download('gradflow-graph.svg', graphSvg(el, opts).text, 'image/svg+xml');
      else download('gradflow-graph.png', await graphPng(el, opts), 'image/png');
      setStatus(`Saved gradflow-graph.${what}.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : 'Export failed.');
    } finally {
      release?.();
    }
  };
  return (
    <div className="export-panel">
      <label>
        Scale{' '}
        <select value={opts.scale} onChange={(e) => setOpts({ ...opts, scale: Number(e.target.value) })}>
          {[1, 2, 3, 4].map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Background</legend>
        {(['white', 'transparent'] as const).map((b) => (
          <label key={b}>
            <input
              type="radio"
              name="export-bg"
              checked={opts.background === b}
              onChange={() => setOpts({ ...opts, background: b })}
            />{' '}
            {b}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => run('svg')}>
        Download SVG
      </button>
      <button type="button" onClick={() => run('png')}>
        Download PNG
      </button>
      <label className="export-latex">
        Step equation (LaTeX)
        <textarea readOnly value={latex} rows={3} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        disabled={!latex}
        onClick={() =>
          navigator.clipboard.writeText(latex).then(
            () => setStatus('LaTeX copied.'),
            () => setStatus('Select the LaTeX above and copy it.'),
          )
        }
      >
        Copy step LaTeX
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
