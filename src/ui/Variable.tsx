import { useState } from 'react';
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

/**
 * A slider step that writes tidy numbers: the smallest of 1, 2, 5 × 10^k that cuts the range into at
 * most 100 steps (±2 → 0.05, ±10 → 0.2).
 */
export function sliderStep(min: number, max: number): number {
  const raw = (max - min) / 100;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((m) => m * pow).find((c) => c >= raw * (1 - 1e-9)) ?? raw) as number;
}

/** A slider's value on its grid, without float noise (−1.7, not −1.7000000000000002). */
export function onGrid(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number((Math.round(v / step) * step).toFixed(decimals));
}

/** One input: its number field and slider (compact: in a matrix's grid, named by the field's label). */
export function Variable({
  input,
  kept,
  compact = false,
}: {
  input: InputValue;
  kept: boolean;
  compact?: boolean;
}) {
  const { name, value } = input;
  const { setValue } = useGradflow(selectActions);
  const [text, setText] = useState(String(value));
  const [range, setRange] = useState(() => sensibleRange(value));
  const [editing, setEditing] = useState(false);
  // Follow the value when it changes elsewhere (text, slider), but never clobber what is being typed.
  // Adjusted while rendering, not in an effect: an effect's update per value would pile up into React's
  // "too many nested updates" when a fast drag sends hundreds of input events in one task.
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!(Number(text) === value && text.trim() !== '')) setText(String(value));
    if (value < range.min || value > range.max) setRange(sensibleRange(value));
  }
  const invalid = text.trim() === '' || !Number.isFinite(Number(text));
  const step = sliderStep(range.min, range.max);
  // The number field: named by its label (or, in a matrix's grid, by its aria-label), and the slider.
  const field = (
    <input
      id={compact ? undefined : `var-${name}`}
      aria-label={compact ? name : undefined}
      type="number"
      step="any"
      inputMode="decimal"
      value={text}
      aria-invalid={invalid || undefined}
      aria-describedby={kept && !compact ? `kept-${name}` : undefined}
      title={
        compact
          ? kept
            ? `${name}: set here, not written in the text`
            : name
          : input.declared !== undefined
            ? `Declared in the text as ${name} = ${input.declared}`
            : undefined
      }
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v)) setValue(name, v);
      }}
    />
  );
  const slider = (
    <input
      type="range"
      className="var-slider"
      aria-label={`${name} slider`}
      min={range.min}
      max={range.max}
      step={step}
      value={Math.min(range.max, Math.max(range.min, value))}
      onChange={(e) => setValue(name, onGrid(Number(e.target.value), step))}
    />
  );
  if (compact)
    return (
      <div className="variable cell">
        {field}
        {slider}
      </div>
    );
  return (
    <div className="variable">
      <span className="var-head">
        <label htmlFor={`var-${name}`} className="var-name">
          {name}
        </label>
        {kept && (
          <span className="kept" id={`kept-${name}`} title="Set here, not written in the text">
            set here
          </span>
        )}
      </span>
      {field}
      {slider}
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
