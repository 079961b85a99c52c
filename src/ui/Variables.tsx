import { useEffect, useState } from 'react';
import { useGradflow } from '../store/hooks';
import { selectActions } from '../store/selectors';

/** One number field per input, named by the variable (`x1`). */
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
        <NumberField key={i.name} name={i.name} value={i.value} />
      ))}
    </fieldset>
  );
}

/** Keeps what the student is typing (`-`, `1e`) until it is a number; never loses their text. */
function NumberField({ name, value }: { name: string; value: number }) {
  const { setValue } = useGradflow(selectActions);
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);
  const invalid = text.trim() === '' || !Number.isFinite(Number(text));
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
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v)) setValue(name, v);
        }}
      />
    </div>
  );
}
