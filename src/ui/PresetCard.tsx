import { type AnalysisOk, formatNumber } from '../core';
import { presetText } from '../examples/lectures';
import { useGradflow } from '../store/hooks';
import './PresetCard.css';
import { usePresets } from './usePresets';

const CLOSE = (a: number, b: number) => Math.abs(a - b) <= 5e-6 * Math.max(1, Math.abs(b));

/** The value of the node a statement named, e.g. `L1` in `L1 = …`. */
function namedValue(got: AnalysisOk, name: string): number | undefined {
  const id = got.graph.label.indexOf(name);
  return id < 0 ? undefined : got.values[id];
}

/**
 * When the text is a preset: its title, note and known numbers, each ticked when Gradflow agrees, and
 * beside any number a slide printed differently, the slide's number, with one line saying why.
 */
export function PresetCard() {
  const source = useGradflow((s) => s.source);
  const analysis = useGradflow((s) => s.analysis);
  const preset = usePresets().find((p) => presetText(p) === source);
  if (!preset) return null;
  const got = analysis.ok ? analysis : null;
  const out = (got ? got.graph.label[got.graph.output] : undefined) ?? 'f';
  const { expected, slide } = preset;
  const row = (label: string, want: number, have: number | undefined, printed: number | undefined) => {
    const ok = have !== undefined && CLOSE(have, want);
    return (
      <li key={label} className={ok ? 'agrees' : 'differs'}>
        {label} = {formatNumber(want, 6)} <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
        <span className="sr-only">{ok ? 'Gradflow agrees' : 'Gradflow differs'}</span>
        {printed !== undefined && !CLOSE(printed, want) && (
          <span className="slide-printed"> slide: {formatNumber(printed, 6)}</span>
        )}
      </li>
    );
  };
  return (
    <section className="preset-card" aria-label="About this preset">
      <h2 className="preset-title">{preset.title}</h2>
      <p className="preset-note">{preset.note}</p>
      <p className="panel-title">Known numbers</p>
      <ul className="known">
        {Object.entries(expected.nodes ?? {}).map(([k, v]) =>
          row(k, v, got ? namedValue(got, k) : undefined, slide?.printed.nodes?.[k]),
        )}
        {row(out, expected.value, got?.value, slide?.printed.value)}
        {Object.entries(expected.gradients).map(([k, v]) =>
          row(`∂${out}/∂${k}`, v, got?.gradients[k], slide?.printed.gradients?.[k]),
        )}
      </ul>
      {slide && <p className="preset-slide">{slide.why}</p>}
    </section>
  );
}
