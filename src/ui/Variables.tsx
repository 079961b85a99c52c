import { useEffect, useState } from 'react';
import type { InputValue } from '../core';
import { useGradflow } from '../store/hooks';
import { selectActions } from '../store/selectors';

/** A slider range that suits a value: symmetric, a "nice" size, at least ±2. */
export function sensibleRange(v: number): { min: number; max: number } {
  const need = Math.max(2, Math.abs(v) * 2);
  const pow = 10 ** Math.floor(Math.log10(need));
  const nice = [1, 2, 5, 10].map((m) => m * pow).find((c) => c >= need) ?? need;
  return { min: -nice, max: nice };
}

/** One row per input: a number field named by the variable (`x1`), and a slider with an editable range. */
export function Variables() {
  // The current program's inputs, even when a value is out of its domain (that is when they matter most);
  // while the text does not parse, the last good program's.
  const inputs = useGradflow((s) =>
    s.analysis.ok ? s.analysis.inputs : (s.analysis.inputs ?? s.scene?.analysis.inputs ?? []),
  );
  if (inputs.length === 0) return null;
  return (
    <fieldset className="variables">
      <legend className="panel-title">Inputs</legend>
      {inputs.map((i) => (
        <Variable key={i.name} input={i} />
      ))}
    </fieldset>
  );
}

function Variable({ input }: { input: InputValue }) {
  const { name, value } = input;
  const { setValue } = useGradflow(selectActions);
  const [text, setText] = useState(String(value));
  const [range, setRange] = useState(() => sensibleRange(value));
  const [editing, setEditing] = useState(false);
  // Follow the value when it changes elsewhere (text, slider), but never clobber what is being typed.
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
    setRange((r) => (value < r.min || value > r.max ? sensibleRange(value) : r));
  }, [value]);
  const invalid = text.trim() === '' || !Number.isFinite(Number(text));
  const step = (range.max - range.min) / 400;
  return (
    <div className="variable">
      <label htmlFor={`var-${name}`} className="var-name">
        {name}
      </label>
      <input
        id={`var-${name}`}
        type="number"
        step="any"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid || undefined}
        title={
          input.declared !== undefined ? `Declared in the text as ${name} = ${input.declared}` : undefined
        }
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v)) setValue(name, v);
        }}
      />
      <input
        type="range"
        className="var-slider"
        aria-label={`${name} slider`}
        min={range.min}
        max={range.max}
        step={step}
        value={Math.min(range.max, Math.max(range.min, value))}
        onChange={(e) => setValue(name, Number(e.target.value))}
      />
      <button
        type="button"
        className="range-toggle"
        aria-label={`${name} slider range`}
        aria-expanded={editing}
        onClick={() => setEditing(!editing)}
      >
        ⋯
      </button>
      {editing && (
        <div className="range-edit">
          <RangeField
            label={`${name} slider minimum`}
            text="min"
            value={range.min}
            onChange={(min) => min < range.max && setRange({ ...range, min })}
          />
          <RangeField
            label={`${name} slider maximum`}
            text="max"
            value={range.max}
            onChange={(max) => max > range.min && setRange({ ...range, max })}
          />
        </div>
      )}
    </div>
  );
}

function RangeField({
  label,
  text,
  value,
  onChange,
}: {
  label: string;
  text: string;
  value: number;
  onChange(v: number): void;
}) {
  return (
    <label className="range-field">
      {text}
      <input
        type="number"
        step="any"
        aria-label={label}
        defaultValue={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange(v);
        }}
      />
    </label>
  );
}
