import { formatNumber } from '../core';
import { PRESETS, presetText } from '../examples/presets';
import { useGradflow } from '../store/hooks';

const CLOSE = (a: number, b: number) => Math.abs(a - b) <= 5e-6 * Math.max(1, Math.abs(b));

/** When the text is a preset: its title, note and known numbers, each ticked when Gradflow agrees. */
export function PresetCard() {
  const source = useGradflow((s) => s.source);
  const analysis = useGradflow((s) => s.analysis);
  const preset = PRESETS.find((p) => presetText(p) === source);
  if (!preset) return null;
  const got = analysis.ok ? analysis : null;
  const out = (got ? got.graph.label[got.graph.output] : undefined) ?? 'f';
  const row = (label: string, want: number, have: number | undefined) => {
    const ok = have !== undefined && CLOSE(have, want);
    return (
      <li key={label} className={ok ? 'agrees' : 'differs'}>
        {label} = {formatNumber(want, 6)} <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
        <span className="sr-only">{ok ? 'Gradflow agrees' : 'Gradflow differs'}</span>
      </li>
    );
  };
  return (
    <section className="preset-card" aria-label="About this preset">
      <h2 className="preset-title">{preset.title}</h2>
      <p className="preset-note">{preset.note}</p>
      <p className="panel-title">Known numbers</p>
      <ul className="known">
        {row(out, preset.expected.value, got?.value)}
        {Object.entries(preset.expected.gradients).map(([k, v]) =>
          row(`∂${out}/∂${k}`, v, got?.gradients[k]),
        )}
      </ul>
    </section>
  );
}
