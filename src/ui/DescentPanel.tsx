import { useMemo, useState } from 'react';
import { type AnalysisOk, formatNumber as f, forward, gradientDescent } from '../core';
import { useGradflow } from '../store/hooks';
import { selectActions } from '../store/selectors';
import { LossChart } from './LossChart';
import { useTicker } from './useTicker';

/** How often a run applies its next step: slow enough to watch the graph and the chart move. */
const RUN_MS = 120;

/** The output at the analysis's inputs with one of them nudged by h (a forward pass; no gradient). */
function nudged(a: AnalysisOk, name: string, h: number): number {
  const xs = a.graph.inputs.map((d) => {
    const i = a.inputs.find((q) => q.node === d.node);
    return (i?.value ?? 0) + (i?.name === name ? h : 0);
  });
  const fw = forward(a.graph, xs);
  return fw.ok ? (fw.values[a.graph.output] as number) : Number.NaN;
}

/**
 * Gradient descent on the student's own program: choose the parameters (the rest is data, held fixed) and
 * a learning rate, then Step (θ ← θ − α ∂L/∂θ, written into the text) or Run; the loss is charted, and a
 * rate too large is shown diverging. "Nudge and verify" compares h·∂L/∂x with the actual change.
 */
export function DescentPanel() {
  const scene = useGradflow((s) => s.scene);
  const { setValues } = useGradflow(selectActions);
  const a = scene?.full ?? null;
  const names = useMemo(() => a?.inputs.map((i) => i.name) ?? [], [a]);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const params = names.filter((n) => !unchecked.has(n));
  const [lrText, setLrText] = useState('0.05');
  const [stepsText, setStepsText] = useState('20');
  const lr = Number(lrText);
  const steps = Math.round(Number(stepsText));
  const badLr = !(Number.isFinite(lr) && lr > 0);
  const badSteps = !(Number.isInteger(steps) && steps >= 1 && steps <= 1000);
  const [losses, setLosses] = useState<number[]>([]);
  const [status, setStatus] = useState('');
  // A run still going when the panel closes stops with it.
  const ticker = useTicker();
  const [nudgeName, setNudgeName] = useState('');
  const [hText, setHText] = useState('0.001');
  const out = a ? (a.graph.label[a.graph.output] ?? 'f') : 'f';
  if (!a) return null;
  if (names.length === 0) return <p className="hint">The program has no inputs to descend on.</p>;
  if (a.graph.outputs)
    return (
      <p className="hint">
        Gradient descent minimises one number (a loss), and this program's output is a vector. Reduce it
        first, for example with sum(…), or pick one element.
      </p>
    );

  /** Plans `n` steps from where the program stands, then applies them one by one. */
  const go = (n: number) => {
    ticker.stop();
    if (badLr || params.length === 0) return;
    const d = gradientDescent(a, params, lr, n);
    const first = d.path[0];
    setLosses((old) => (old.length === 0 && first ? [first.loss] : old));
    const finish = () => {
      const end = d.path[d.path.length - 1]?.loss as number;
      setStatus(
        d.stopped ?? `${d.path.length - 1} step${d.path.length > 2 ? 's' : ''} taken: ${out} = ${f(end)}`,
      );
    };
    let k = 1;
    /** Applies the next planned step to the text; false when there is none left. */
    const apply = () => {
      const p = d.path[k];
      if (!p) return false;
      setValues(p.params, 'descent');
      setLosses((old) => [...old, p.loss]);
      k++;
      return true;
    };
    if (n === 1) {
      apply();
      finish();
    } else
      ticker.start(() => {
        if (apply()) return true;
        finish();
        return false;
      }, RUN_MS);
  };

  const h = Number(hText);
  const nudgeIn = names.includes(nudgeName) ? nudgeName : (names[0] as string);
  const grad = a.gradients[nudgeIn] as number;
  const actual = Number.isFinite(h) && h !== 0 ? nudged(a, nudgeIn, h) - a.value : Number.NaN;

  return (
    <div className="descent">
      <fieldset className="descent-params">
        <legend>Parameters (the others are data, held fixed)</legend>
        {names.map((n) => (
          <label key={n}>
            <input
              type="checkbox"
              checked={!unchecked.has(n)}
              onChange={(e) => {
                const next = new Set(unchecked);
                if (e.target.checked) next.delete(n);
                else next.add(n);
                setUnchecked(next);
              }}
            />{' '}
            {n}
          </label>
        ))}
      </fieldset>
      <div className="descent-controls">
        <label>
          Learning rate α{' '}
          <input
            type="number"
            step="any"
            value={lrText}
            aria-invalid={badLr || undefined}
            onChange={(e) => setLrText(e.target.value)}
          />
        </label>
        <label>
          Steps{' '}
          <input
            type="number"
            step="1"
            min="1"
            max="1000"
            value={stepsText}
            aria-invalid={badSteps || undefined}
            onChange={(e) => setStepsText(e.target.value)}
          />
        </label>
        <button type="button" disabled={badLr || params.length === 0} onClick={() => go(1)}>
          Step
        </button>
        <button type="button" disabled={badLr || badSteps || params.length === 0} onClick={() => go(steps)}>
          Run {badSteps ? '' : steps}
        </button>
        <button
          type="button"
          onClick={() => {
            ticker.stop();
            setLosses([]);
            setStatus('');
          }}
        >
          Clear chart
        </button>
      </div>
      <p className="hint">
        Each step: θ ← θ − α·∂{out}/∂θ for every parameter, written into the text (Ctrl+Z undoes it).
        {badLr && ' The learning rate must be a positive number.'}
        {params.length === 0 && ' Choose at least one parameter.'}
      </p>
      <LossChart losses={losses} />
      <p className="descent-status" role="status">
        {status}
      </p>
      <fieldset className="nudge">
        <legend>Nudge and verify</legend>
        <label>
          Nudge{' '}
          <select value={nudgeIn} onChange={(e) => setNudgeName(e.target.value)} aria-label="Input to nudge">
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          by h <input type="number" step="any" value={hText} onChange={(e) => setHText(e.target.value)} />
        </label>
        <p className="nudge-result">
          predicted change h·∂{out}/∂{nudgeIn} = {Number.isFinite(h) ? f(h * grad, 6) : '—'}; actual change{' '}
          {out}({nudgeIn} + h) − {out} = {Number.isFinite(actual) ? f(actual, 6) : '—'}
        </p>
      </fieldset>
    </div>
  );
}
